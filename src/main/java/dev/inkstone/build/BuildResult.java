package dev.inkstone.build;

import dev.inkstone.diagnostic.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a build did.
 *
 * @param problems every problem found; when not empty nothing was written
 * @param outputs number of files in the site
 * @param written files whose bytes changed
 * @param deleted files removed because the site no longer has them
 * @param stageMillis time of each stage in order
 * @param sourceMap where each file of the site came from, for pages written in Markdown and files
 *     copied as they are: site path ({@code posts/a/index.html}) → blog-relative source path; empty
 *     when the build failed, and for a preview server's rebuild
 * @param warnings what the build kept as written or left out without failing (unknown shortcodes
 *     of a Hexo, Jekyll or Hugo blog, an empty file), in reading order
 */
public record BuildResult(List<Problem> problems, int posts, int outputs, int written, int deleted, Map<String, Long> stageMillis,
    Supplier<Map<String, Path>> sourceMap, List<Problem> warnings) {

  public BuildResult {
    warnings = List.copyOf(warnings);
  }

  public BuildResult(List<Problem> problems, int posts, int outputs, int written, int deleted, Map<String, Long> stageMillis) {
    this(problems, posts, outputs, written, deleted, stageMillis, Map::of, List.of());
  }

  /**
   * Where each file came from (see {@code sourceMap} above), made when asked: only {@code check}
   * asks, and for a big blog it is thousands of entries made at the end of a build on one core.
   */
  public Map<String, Path> sources() {
    return Map.copyOf(sourceMap.get());
  }

  /** {@code 3 posts, 40 files (40 written, 0 removed)}: what every command says it built. */
  public String summary() {
    return posts + " post" + (posts == 1 ? "" : "s") + ", " + outputs + " files (" + written + " written, " + deleted + " removed)";
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
