package dev.inkstone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JVM cache for big blogs, as a user meets it: the first build of a blog of 6,000
 * posts or more trains the cache on a generated blog, and later builds start from it. Runs after
 * {@code package} (failsafe), so the launcher finds its jar built.
 */
class LauncherCacheIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path JAR = PROJECT.resolve("target/inkstone.jar");
  private static final Path BIG = PROJECT.resolve("target/inkstone-big.aot");
  private static final Path STAMP = PROJECT.resolve("target/inkstone-big.aot.jar");

  @TempDir Path dir;

  private ProgramRun run(List<String> cmd) throws IOException, InterruptedException {
    return ProgramRun.of(dir, cmd, env -> {
      env.remove("INKSTONE_JAVA_OPTS");
      env.remove("INKSTONE_NO_CACHE");
      env.remove("INKSTONE_DAEMON");
    }, 300);
  }

  private ProgramRun launcher(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(PROJECT.resolve("inkstone").toString()));
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  @Test
  void a_big_blogs_first_build_trains_the_big_builds_cache_and_later_builds_start_from_it() throws Exception {
    // 6,000 posts is where the launcher's settings for big builds start; short posts build fast.
    // The blog sits under a target/ folder, as bench/run keeps its blogs: the launcher leaves out
    // target/ folders inside a blog when it counts posts, not the folders the blog is in.
    Path blog = Files.createDirectories(dir.resolve("target/blog"));
    Path posts = Files.createDirectories(blog.resolve("content/posts"));
    for (int i = 0; i < 6000; i++) {
      Files.writeString(posts.resolve("p" + i + ".md"), "---\ntitle: Post " + i + "\ndate: 2024-03-01\n---\nhello " + i + "\n");
    }
    Files.deleteIfExists(BIG);
    Files.deleteIfExists(STAMP);

    ProgramRun first = launcher("build", "--source", "target/blog", "--out", "out");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("Built 6000 posts,");
    assertThat(dir.resolve("out/posts/p5999/index.html")).exists();
    List<String> javaVersion = Files.readAllLines(PROJECT.resolve("target/java-version"));
    assumeTrue(Integer.parseInt(javaVersion.get(1)) >= 25, "the big builds' cache needs Java 25 or later");

    assertThat(first.err()).contains("training the JVM for big blogs");
    assertThat(BIG).exists();
    // the cache names the jar it was recorded with, as `stat -c '%Y %s'` does
    assertThat(Files.readString(STAMP).strip())
        .isEqualTo(Files.getLastModifiedTime(JAR).toMillis() / 1000 + " " + Files.size(JAR));
    // with -XX:AOTMode=on the JVM refuses to start on a cache it cannot use
    String java = javaVersion.get(0).split(" ")[0];
    ProgramRun strict = run(List.of(java, "-XX:AOTMode=on", "-XX:AOTCache=" + BIG, "-XX:+UseParallelGC", "-jar", JAR.toString(), "--version"));
    assertThat(strict.code()).as(strict.err()).isZero();

    ProgramRun second = launcher("build", "--source", "target/blog", "--out", "out");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.err()).doesNotContain("training");
    assertThat(second.out()).contains("Built 6000 posts,");
  }
}
