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
 */
public record BuildResult(List<Problem> problems, int posts, int outputs, int written, int deleted, Map<String, Long> stageMillis) {

  public boolean ok() {
    return problems.isEmpty();
  }
}
