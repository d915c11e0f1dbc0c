package dev.inkstone.output;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the built site: either rendered bytes or a file copied from the blog folder.
 *
 * @param path path inside the site folder with forward slashes, e.g. {@code posts/hello/index.html}
 * @param bytes rendered content, or {@code null} for a copy
 * @param copyOf the file to copy, or {@code null} for rendered content
 */
public record Output(String path, byte[] bytes, Path copyOf) {

  public Output {
    Objects.requireNonNull(path);
    if ((bytes == null) == (copyOf == null)) {
      throw new IllegalArgumentException("an output has either bytes or a file to copy: " + path);
    }
  }

  public static Output rendered(String path, byte[] bytes) {
    return new Output(path, bytes, null);
  }

  public static Output copy(String path, Path source) {
    return new Output(path, null, source);
  }
}
