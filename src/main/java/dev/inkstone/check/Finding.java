package dev.inkstone.check;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One thing wrong with the site.
 *
 * @param kind what is wrong
 * @param file the file to edit, relative to the blog folder: the Markdown page, site.yaml, an
 *     image; {@code null} when the link comes from the theme's templates
 * @param line 1-based line in {@code file}, 0 when unknown
 * @param page the site path of the page where it shows, e.g. {@code posts/a/index.html}
 * @param target the link or image as written in the page, or empty
 * @param message what is wrong, in words
 */
public record Finding(Kind kind, Path file, int line, String page, String target, String message) {

  /** Grouping and reading order: by file (theme last), then line, then message. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing((Finding f) -> f.file == null ? "\uffff" : f.file.toString().replace('\\', '/'))
      .thenComparingInt(Finding::line)
      .thenComparing(Finding::message)
      .thenComparing(Finding::page);

  /** What a finding is about; errors make {@code check} exit with 1, warnings do not. */
  public enum Kind {
    BROKEN_LINK(true, "broken link"),
    MISSING_ANCHOR(true, "missing anchor"),
    MISSING_IMAGE(true, "missing image"),
    NO_TITLE(true, "no title"),
    DUPLICATE_TITLE(true, "duplicate title"),
    BROKEN_EXTERNAL(true, "broken external link"),
    NO_DESCRIPTION(false, "no description"),
    OVERSIZED_IMAGE(false, "oversized image");

    private final boolean error;
    private final String words;

    Kind(boolean error, String words) {
      this.error = error;
      this.words = words;
    }

    public boolean error() {
      return error;
    }

    public String words() {
      return words;
    }
  }

  public String fileName() {
    return file == null ? "(theme templates)" : file.toString().replace('\\', '/');
  }
}
