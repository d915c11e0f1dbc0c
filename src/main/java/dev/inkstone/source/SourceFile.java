package dev.inkstone.source;

import java.nio.file.Path;

/**
 * One file of a blog folder, read into memory.
 *
 * @param path the path relative to the blog folder, e.g. {@code content/posts/hello.md}
 * @param kind what the file is for
 * @param bytes its bytes, exactly as on disk
 */
public record SourceFile(Path path, Kind kind, byte[] bytes) {

  /** What a file in the blog folder is for. */
  public enum Kind { POST, PAGE, DATA, STATIC, BUNDLE_ASSET, CONFIG }
}
