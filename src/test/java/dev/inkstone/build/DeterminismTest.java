package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same input gives byte-identical output, whatever the number of threads. */
class DeterminismTest {
  @TempDir Path one;
  @TempDir Path many;

  private static BuildResult buildIn(ForkJoinPool pool, Path out) throws Exception {
    try {
      return pool.submit(() -> SiteBuild.run(new BuildRequest(Path.of("").toAbsolutePath(), out, false, false, null, TestSite.CLOCK, false)))
          .get();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void the_demo_built_on_one_thread_and_on_four_is_byte_identical() throws Exception {
    assertThat(buildIn(new ForkJoinPool(1), one).ok()).isTrue();
    assertThat(buildIn(new ForkJoinPool(4), many).ok()).isTrue();
    assertSameFiles();
  }

  @Test
  void the_demo_kept_compact_as_a_big_blog_is_builds_byte_identical() throws Exception {
    Path demo = Path.of("").toAbsolutePath();
    assertThat(SiteBuild.run(new BuildRequest(demo, one, false, false, null, TestSite.CLOCK, false)).ok()).isTrue();
    assertThat(SiteBuild.run(new BuildRequest(demo, many, false, false, null, TestSite.CLOCK, false), 0).ok()).isTrue();
    assertSameFiles();
  }

  private void assertSameFiles() throws Exception {
    List<Path> files;
    try (var walk = Files.walk(one)) {
      files = walk.filter(Files::isRegularFile).map(one::relativize).sorted().toList();
    }
    try (var walk = Files.walk(many)) {
      assertThat(walk.filter(Files::isRegularFile).map(many::relativize).sorted().toList()).isEqualTo(files);
    }
    for (Path f : files) {
      assertThat(Files.readAllBytes(many.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(one.resolve(f)));
    }
  }
}
