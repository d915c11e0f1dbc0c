package dev.inkstone.source;

import java.nio.file.Path;
import java.util.Objects;

/** One file of a blog folder. */
public final class SourceFile {
  private final Path path;
  private final Kind kind;
  private final byte[] bytes;
  private final Origin origin;
  /** Asked for on every rebuild of the preview, for every file: made once. */
  private final String slashed;

  /**
   * @param path the path relative to the blog folder, e.g. {@code content/posts/hello.md}; for a
   *     Hexo, Jekyll or Hugo blog read in place, the real path (e.g. {@code source/_posts/hello.md}),
   *     so messages name the file the author knows
   * @param kind what the file is for
   * @param bytes its bytes as on disk; empty for static files and assets, which are copied from
   *     disk when the site is written
   * @param origin for a file of another generator's blog, its dialect and where it sits in our
   *     layout; {@code null} for a file of an Inkstone blog
   */
  public SourceFile(Path path, Kind kind, byte[] bytes, Origin origin) {
    this.path = path;
    this.kind = kind;
    this.bytes = bytes;
    this.origin = origin;
    this.slashed = path.toString().replace('\\', '/');
  }

  public Path path() {
    return path;
  }

  public Kind kind() {
    return kind;
  }

  public byte[] bytes() {
    return bytes;
  }

  public Origin origin() {
    return origin;
  }

  /** What a file in the blog folder is for. */
  public enum Kind { POST, PAGE, DATA, STATIC, BUNDLE_ASSET, CONFIG }

  /**
   * Where a file of a foreign blog came from.
   *
   * @param dialect the generator whose conventions the file follows
   * @param layoutPath where the file would sit in an Inkstone blog, e.g. {@code
   *     content/posts/hello.md}; URLs and bundles are worked out from it
   * @param oldPermalink the generator's permalink pattern for this file (in its own syntax), so
   *     the old URL can be kept as an alias; {@code null} when there is none
   */
  public record Origin(Dialect dialect, Path layoutPath, String oldPermalink) {}

  public SourceFile(Path path, Kind kind, byte[] bytes) {
    this(path, kind, bytes, null);
  }

  /** The path with forward slashes, as used in messages and URLs. */
  public String slashedPath() {
    return slashed;
  }

  /** Where the file sits in Inkstone's layout ({@code content/posts/...}): the path itself for our own blogs. */
  public Path layoutPath() {
    return origin == null ? path : origin.layoutPath();
  }

  /** The generator whose conventions the file follows. */
  public Dialect dialect() {
    return origin == null ? Dialect.INKSTONE : origin.dialect();
  }

  /** The same file with other bytes (e.g. none, once parsed). */
  public SourceFile withBytes(byte[] other) {
    return new SourceFile(path, kind, other, origin);
  }

  /** The same file as another kind. */
  public SourceFile asKind(Kind other) {
    return new SourceFile(path, other, bytes, origin);
  }

  /** Equal when path, kind, origin and the very same bytes are (the bytes are not compared). */
  @Override
  public boolean equals(Object o) {
    return o instanceof SourceFile f && path.equals(f.path) && kind == f.kind && bytes == f.bytes && Objects.equals(origin, f.origin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, kind, System.identityHashCode(bytes), origin);
  }

  @Override
  public String toString() {
    return "SourceFile[" + slashed + ", " + kind + "]";
  }
}
