package dev.inkstone.site;

import java.time.Instant;
import java.util.Map;

/**
 * Choices that change which posts a build includes.
 *
 * @param drafts include {@code draft: true} posts
 * @param future include posts dated after {@code now}
 * @param now the build's clock reading (future posts are judged against it)
 * @param lastCommits when each source file was last committed (blog-relative path), the
 *     fallback for a post's {@code updated}
 */
public record AssembleOptions(boolean drafts, boolean future, Instant now, Map<String, Instant> lastCommits) {

  public AssembleOptions(boolean drafts, boolean future, Instant now) {
    this(drafts, future, now, Map.of());
  }
}
