package dev.inkstone.site;

import java.time.Instant;

/**
 * Choices that change which posts a build includes.
 *
 * @param drafts include {@code draft: true} posts
 * @param future include posts dated after {@code now}
 * @param now the build's clock reading (future posts are judged against it)
 */
public record AssembleOptions(boolean drafts, boolean future, Instant now) {}
