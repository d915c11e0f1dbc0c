package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.output.Output;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The preview's promise, checked: what a cache serves is what a full build of the same files writes. */
final class FullBuildComparison {
  private FullBuildComparison() {}

  /**
   * Builds {@code blog} from scratch into {@code out} (drafts included, as the preview server
   * shows them) and asserts that {@code cache} serves the same files with the same bytes.
   */
  static void assertServesAFullBuild(BuildCache cache, Path blog, Path out) {
    BuildResult r = SiteBuild.run(new BuildRequest(blog, out, true, false, null, TestSite.CLOCK, true));
    assertThat(r.problems()).isEmpty();
    Map<String, byte[]> onDisk = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        onDisk.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Map<String, byte[]> served = new TreeMap<>();
    for (Output o : cache.outputs()) {
      try {
        served.put(o.path(), o.bytes() != null ? o.bytes() : Files.readAllBytes(o.copyOf()));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(served.keySet()).containsExactlyElementsOf(onDisk.keySet());
    for (String path : onDisk.keySet()) {
      assertThat(new String(served.get(path), StandardCharsets.UTF_8)).as(path).isEqualTo(new String(onDisk.get(path), StandardCharsets.UTF_8));
    }
  }
}
