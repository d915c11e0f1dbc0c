package dev.inkstone.build;

import dev.inkstone.diagnostic.Problem;
import java.util.List;
import java.util.Map;

/**
 * What a build did.
 *
 * @param problems every problem found; when not empty nothing was written
 * @param outputs number of files in the site
 * @param written files whose bytes changed
 * @param deleted files removed because the site no longer has them
 * @param stageMillis time of each stage in order
 * @param warnings what the build kept as written or left out without failing (unknown shortcodes
 *     of a Hexo, Jekyll or Hugo blog, an empty file), in reading order
 */
public record BuildResult(List<Problem> problems, int posts, int outputs, int written, int deleted, Map<String, Long> stageMillis,
    List<Problem> warnings) {

  public BuildResult(List<Problem> problems, int posts, int outputs, int written, int deleted, Map<String, Long> stageMillis) {
    this(problems, posts, outputs, written, deleted, stageMillis, List.of());
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
