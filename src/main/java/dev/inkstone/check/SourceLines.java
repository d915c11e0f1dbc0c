package dev.inkstone.check;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the line of a source file on which a link was written, by searching for the link's
 * destination: as it appears in the page, decoded, without its fragment, the fragment alone (a
 * Markdown {@code b.md#x} becomes {@code /posts/b/#x} in the page), and the file name.
 */
final class SourceLines {
  private final Path blogRoot;
  private final Map<Path, List<String>> cache = new ConcurrentHashMap<>();

  SourceLines(Path blogRoot) {
    this.blogRoot = blogRoot;
  }

  List<String> lines(Path file) {
    return cache.computeIfAbsent(file, f -> {
      try {
        return Files.readAllLines(blogRoot.resolve(f), StandardCharsets.UTF_8);
      } catch (IOException | java.io.UncheckedIOException e) {
        return List.of();
      }
    });
  }

  /** The 1-based line where {@code destination} is written in {@code file}, or 0. */
  int find(Path file, String destination) {
    return find(file, candidates(destination));
  }

  /**
   * Like {@link #find(Path, String)} but only the whole destination counts, as written or with
   * the site's base path taken off: for site.yaml and data files, where a loose match would point
   * at an unrelated line.
   */
  int findExactly(Path file, String destination, String basePath) {
    List<String> exact = new ArrayList<>();
    for (String d : List.of(destination, decode(destination))) {
      exact.add(d);
      if (!basePath.equals("/") && d.startsWith(basePath)) {
        exact.add("/" + d.substring(basePath.length()));
      }
    }
    return find(file, exact);
  }

  private int find(Path file, List<String> candidates) {
    if (file == null) {
      return 0;
    }
    List<String> lines = lines(file);
    for (String candidate : candidates) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(candidate)) {
          return i + 1;
        }
      }
    }
    return 0;
  }

  /** The 1-based line of the first line starting with {@code key:}, or 1. */
  int keyLine(Path file, String key) {
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(key + ":")) {
        return i + 1;
      }
    }
    return 1;
  }

  static List<String> candidates(String destination) {
    Set<String> out = new LinkedHashSet<>();
    String d = decode(destination);
    out.add("(" + destination + ")");
    out.add("(" + d + ")");
    out.add("\"" + destination + "\"");
    out.add("\"" + d + "\"");
    out.add(destination);
    out.add(d);
    int hash = d.indexOf('#');
    String path = hash < 0 ? d : d.substring(0, hash);
    String fragment = hash < 0 ? "" : d.substring(hash);
    if (!path.isEmpty()) {
      out.add(path);
      String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
      if (fragment.length() > 1) {
        out.add(last + fragment);
        out.add(fragment);
      }
      if (last.length() >= 3) {
        out.add(last);
      }
    } else if (fragment.length() > 1) {
      out.add(fragment);
    }
    out.removeIf(s -> s.isEmpty() || s.equals("()") || s.equals("\"\""));
    return new ArrayList<>(out);
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
