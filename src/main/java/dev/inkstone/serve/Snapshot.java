package dev.inkstone.serve;

import dev.inkstone.output.Output;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The site as served right now: the last good build's files, and the problems of the last
 * build if it failed.
 *
 * @param files site path ({@code posts/x/index.html}) → output
 * @param modified site path → when its bytes last changed, epoch millis
 * @param basePath the site's base path, {@code /} or e.g. {@code /blog/}
 * @param roots the folders copied files may come from (the blog folder, the theme folders)
 * @param problems the last build's problem report, or {@code null} when it succeeded
 */
record Snapshot(Map<String, Output> files, Map<String, Long> modified, String basePath, List<Path> roots, String problems) {

  static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), "/", List.of(), null);

  Snapshot withProblems(String report) {
    return new Snapshot(files, modified, basePath, roots, report);
  }
}
