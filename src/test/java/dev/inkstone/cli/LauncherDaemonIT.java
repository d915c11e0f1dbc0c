package dev.inkstone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./inkstone build} and its build daemon as a user meets them: the launcher starts the
 * daemon from the packaged jar, hands it later builds, and replaces one left from another jar; by
 * default only for a small blog and not under CI. Runs after {@code package} (failsafe), so the
 * launcher finds its jar built.
 */
class LauncherDaemonIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path INFO = PROJECT.resolve("target/daemon/info");

  @TempDir Path dir;

  private ProgramRun launcher(String... args) throws IOException, InterruptedException {
    return launcherWith(env -> env.put("INKSTONE_DAEMON", "on"), args);
  }

  /** The launcher with the daemon's setting as {@code daemon} leaves it, outside CI. */
  private ProgramRun launcherWith(Consumer<Map<String, String>> daemon, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(PROJECT.resolve("inkstone").toString()));
    cmd.addAll(List.of(args));
    return ProgramRun.of(dir, cmd, env -> {
      env.remove("INKSTONE_DAEMON");
      env.remove("CI");
      env.put("INKSTONE_DAEMON_IDLE", "120");
      env.remove("INKSTONE_JAVA_OPTS");
      daemon.accept(env);
    }, 120);
  }

  @AfterEach
  void stopDaemon() throws Exception {
    launcher("daemon", "stop");
  }

  private void post(String text) throws IOException {
    Files.createDirectories(dir.resolve("blog/content/posts"));
    Files.writeString(dir.resolve("blog/content/posts/first.md"), text);
  }

  @Test
  void the_first_build_starts_the_daemon_later_ones_reuse_it_and_a_daemon_of_another_jar_is_replaced() throws Exception {
    launcher("daemon", "stop");
    post("---\ntitle: 你好\ndate: 2024-03-01\n---\nhello\n");

    ProgramRun first = launcher("build", "--source", "blog", "--out", "out");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).contains("started a build daemon");
    assertThat(first.out()).contains("Built 1 post,").contains(dir.resolve("out").toString());
    assertThat(dir.resolve("out/posts/first/index.html")).exists();
    long pid = Long.parseLong(Files.readString(INFO).split(" ")[2]);

    ProgramRun second = launcher("build", "--source", "blog", "--out", "out");
    assertThat(second.code()).isZero();
    assertThat(second.err()).doesNotContain("started");
    assertThat(second.out()).contains("Built 1 post,");
    assertThat(Long.parseLong(Files.readString(INFO).split(" ")[2])).isEqualTo(pid);

    post("---\ntitle: [unclosed\n---\nhello\n");
    ProgramRun bad = launcher("build", "--source", "blog", "--out", "out");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("first.md:2:").contains("build failed");
    assertThat(dir.resolve("out/posts/first/index.html")).exists();

    // as if the jar had been rebuilt since the daemon started
    String[] info = Files.readString(INFO).strip().split(" ", 4);
    Files.writeString(INFO, info[0] + " " + info[1] + " " + info[2] + " an-older-jar\n");
    post("---\ntitle: 你好\ndate: 2024-03-01\n---\nhello again\n");
    ProgramRun replaced = launcher("build", "--source", "blog", "--out", "out");
    assertThat(replaced.code()).as(replaced.err()).isZero();
    assertThat(replaced.err()).contains("started a build daemon");
    assertThat(Files.readString(dir.resolve("out/posts/first/index.html"))).contains("hello again");
    ProcessHandle old = ProcessHandle.of(pid).orElse(null);
    if (old != null) {
      old.onExit().get(10, TimeUnit.SECONDS);
    }

    assertThat(launcher("daemon", "status").out()).contains("a build daemon is running");
    launcher("daemon", "stop");
    assertThat(launcher("daemon", "status").out()).contains("no build daemon is running");
    assertThat(INFO).doesNotExist();
  }

  @Test
  void by_default_a_small_blog_builds_in_the_daemon_but_not_under_ci_nor_when_turned_off() throws Exception {
    launcher("daemon", "stop");
    post("---\ntitle: 你好\ndate: 2024-03-01\n---\nhello\n");

    ProgramRun underCi = launcherWith(env -> env.put("CI", "true"), "build", "--source", "blog", "--out", "out");
    assertThat(underCi.code()).as(underCi.err()).isZero();
    assertThat(underCi.out()).contains("Built 1 post,");
    assertThat(underCi.err()).doesNotContain("daemon");
    ProgramRun off = launcherWith(env -> env.put("INKSTONE_DAEMON", "off"), "build", "--source", "blog", "--out", "out");
    assertThat(off.code()).as(off.err()).isZero();
    assertThat(off.err()).doesNotContain("daemon");
    assertThat(INFO).doesNotExist();

    ProgramRun first = launcherWith(env -> {}, "build", "--source", "blog", "--out", "out");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).contains("started a build daemon").contains("INKSTONE_DAEMON=off");
    assertThat(Files.readString(INFO)).contains("-small-");   // with the small builds' settings
    post("---\ntitle: 你好\ndate: 2024-03-01\n---\nhello from the daemon\n");
    ProgramRun second = launcherWith(env -> {}, "build", "--source", "blog", "--out", "out");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.err()).doesNotContain("started");
    assertThat(Files.readString(dir.resolve("out/posts/first/index.html"))).contains("hello from the daemon");
  }
}
