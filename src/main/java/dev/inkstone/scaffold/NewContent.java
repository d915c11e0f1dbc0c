package dev.inkstone.scaffold;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What {@code inkstone new post|page} was asked to create.
 *
 * @param blogRoot the blog folder (holds {@code content/})
 * @param kind post or page
 * @param title the title as typed
 * @param slug the slug from {@code --slug}, or {@code null} to make one from the title
 * @param category a category path such as {@code 架构/微服务}, or {@code null}
 * @param tags tags in the order given
 * @param bundle create {@code slug/index.md} so that images can sit beside the post
 * @param clock the clock for the date, read in the site's time zone
 */
public record NewContent(Path blogRoot, Kind kind, String title, String slug, String category, List<String> tags, boolean bundle,
    Clock clock) {

  /** What to create; also the archetype's name ({@code archetypes/post.md}). */
  public enum Kind { POST, PAGE }

  public NewContent {
    Objects.requireNonNull(blogRoot, "blogRoot");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    tags = List.copyOf(tags);
  }
}
