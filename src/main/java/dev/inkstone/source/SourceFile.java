package dev.inkstone.source;

import java.nio.file.Path;

/**
 * One file of a blog folder.
 *
 * @param path the path relative to the blog folder, e.g. {@code content/posts/hello.md}
 * @param kind what the file is for
 * @param bytes its bytes as on disk; empty for static files and assets, which are copied from
 *     disk when the site is written
 */
public record SourceFile(Path path, Kind kind, byte[] bytes) {

  /** What a file in the blog folder is for. */
  public enum Kind { POST, PAGE, DATA, STATIC, BUNDLE_ASSET, CONFIG }

  /** The path with forward slashes, as used in messages and URLs. */
  public String slashedPath() {
    return path.toString().replace('\\', '/');
  }
}
