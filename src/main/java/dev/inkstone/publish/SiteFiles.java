package dev.inkstone.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The files of a folder with their MD5 (what S3 calls the ETag of a simple upload), by slashed relative path. */
final class SiteFiles {
  /** One file: on disk, or bytes made for the target (a {@code CNAME}). */
  record Entry(String path, Path file, byte[] bytes, long size, String md5) {
    static Entry of(String path, byte[] bytes) {
      return new Entry(path, null, bytes, bytes.length, SiteFiles.md5(bytes));
    }

    InputStream open() throws IOException {
      return file != null ? Files.newInputStream(file) : new java.io.ByteArrayInputStream(bytes);
    }
  }

  private SiteFiles() {}

  /** Every regular file under {@code dir} whose relative path {@code skip} does not match, sorted by path. */
  static Map<String, Entry> scan(Path dir, Predicate<String> skip) {
    Map<String, Entry> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(p -> {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (!skip.test(rel)) {
          out.put(rel, new Entry(rel, p, null, size(p), md5(p)));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Map<String, Entry> scan(Path dir) {
    return scan(dir, p -> false);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String md5(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      MessageDigest md = digest();
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String md5(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HTML is sent last and removed files are deleted after that, so a page never links to what is not there yet. */
  static boolean isPage(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    return p.endsWith(".html") || p.endsWith(".htm");
  }
}
