package dev.inkstone.content;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A content file split into its front matter and its Markdown body.
 *
 * @param path the file, relative to the blog folder
 * @param frontMatter the normalised front matter (empty when the file has none)
 * @param body the text after the front matter: UTF-8 decoded, without BOM, LF line ends, NFC
 */
public record Document(Path path, FrontMatter frontMatter, String body) {
  public Document {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(frontMatter, "frontMatter");
    Objects.requireNonNull(body, "body");
  }

  /** The 1-based line of the file on which {@link #body} starts, for Markdown positions. */
  public int bodyLine() {
    return frontMatter.bodyLine();
  }
}
