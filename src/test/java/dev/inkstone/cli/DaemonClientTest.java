package dev.inkstone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.daemon.BuildDaemon;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's bash client (launcher/daemon.bash) against a real daemon running the real
 * command line: what a user sees when a build is handed to the warm JVM.
 */
class DaemonClientTest {
  private static final Path CLIENT = Path.of("launcher/daemon.bash").toAbsolutePath();

  @TempDir Path dir;
  private Path state;
  private BuildDaemon daemon;
  private Thread serving;

  private record Run(int code, String out, String err) {}

  @BeforeEach
  void start() {
    state = dir.resolve("state");
    daemon = BuildDaemon.open(state, "jar-7");
    serving = new Thread(() -> daemon.serve(DaemonCommand::runHandedOver, Duration.ofMinutes(2), () -> {}));
    serving.start();
  }

  @AfterEach
  void stop() throws Exception {
    client(dir, "daemon_stop \"$STATE\"");
    serving.join(10_000);
    daemon.close();
  }

  /** Runs {@code script} in bash, in {@code cwd}, after sourcing the client; STATE names the daemon's folder. */
  private Run client(Path cwd, String script) throws IOException, InterruptedException {
    return clientIn(dir, cwd, script);
  }

  /** As {@link #client}, keeping what the script prints in {@code outputs}. */
  private Run clientIn(Path outputs, Path cwd, String script) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", "set -euo pipefail; source \"$CLIENT\"; " + script));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().put("CLIENT", CLIENT.toString());
    pb.environment().put("STATE", state.toString());
    Files.createDirectories(outputs);
    Path out = outputs.resolve("out.txt");
    Path err = outputs.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("client finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Path blog(String name, String post) throws IOException {
    Path b = dir.resolve(name);
    Files.createDirectories(b.resolve("content/posts"));
    Files.writeString(b.resolve("content/posts/first.md"), post);
    return b;
  }

  @Test
  void a_build_handed_over_reads_paths_from_the_clients_folder_and_prints_its_summary() throws Exception {
    blog("我的 blog", "---\ntitle: 你好\ndate: 2024-03-01\n---\nhello\n");
    Run r = client(dir, "daemon_send \"$STATE\" jar-7 run build --source '我的 blog' --out out/site; echo \"code=$DAEMON_CODE\"");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Built 1 post,").contains(dir.resolve("out/site").toString()).endsWith("code=0\n");
    assertThat(dir.resolve("out/site/posts/first/index.html")).exists();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void bad_input_comes_back_on_standard_error_with_exit_code_1() throws Exception {
    blog("b", "---\ntitle: [unclosed\n---\nhello\n");
    Run r = client(dir.resolve("b"), "daemon_send \"$STATE\" jar-7 run build || true; echo \"code=$DAEMON_CODE\"");
    assertThat(r.out()).isEqualTo("code=1\n");
    assertThat(r.err()).contains("content/posts/first.md:2:").contains("build failed");
    assertThat(dir.resolve("b/site")).doesNotExist();
  }

  @Test
  void a_daemon_running_another_jar_is_not_used() throws Exception {
    Run r = client(dir, "if daemon_send \"$STATE\" jar-8 run build; then echo used; else echo \"not used: $?\"; fi");
    assertThat(r.out()).isEqualTo("not used: 1\n");
  }

  @Test
  void no_daemon_means_return_1_and_no_output() throws Exception {
    Run r = client(dir, "if daemon_send \"$STATE/elsewhere\" jar-7 run build; then echo used; else echo \"not used: $?\"; fi");
    assertThat(r.out()).isEqualTo("not used: 1\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void a_busy_daemon_means_return_3_and_nothing_run() throws Exception {
    Path busyState = dir.resolve("busy");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BuildDaemon busy = BuildDaemon.open(busyState, "jar-7");
    Thread busyServing = new Thread(() -> busy.serve((r, out, err) -> {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }, Duration.ofMinutes(2), () -> {}));
    busyServing.start();
    try {
      AtomicReference<Run> firstRun = new AtomicReference<>();
      Thread first = new Thread(() -> {
        try {
          firstRun.set(client(dir, "if daemon_send \"$STATE/../busy\" jar-7 run build; then echo \"used, code $DAEMON_CODE\"; else echo \"not used: $?\"; fi"));
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      first.start();
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      Run r = clientIn(dir.resolve("second"), dir,
          "if daemon_send \"$STATE/../busy\" jar-7 run build; then echo used; else echo \"not used: $?, code '$DAEMON_CODE'\"; fi");
      assertThat(r.out()).isEqualTo("not used: 3, code ''\n");
      assertThat(r.err()).isEmpty();
      release.countDown();
      first.join(30_000);
      // the build that held the daemon busy ran to its end and told its client so
      assertThat(firstRun.get()).isNotNull();
      assertThat(firstRun.get().out()).isEqualTo("used, code 0\n");
    } finally {
      release.countDown();
      Run stop = client(dir, "daemon_stop \"$STATE/../busy\"");
      assertThat(stop.code()).isZero();
      busyServing.join(10_000);
      busy.close();
    }
  }

  @Test
  void a_build_whose_client_hangs_up_stops_and_leaves_the_site_as_it_was() throws Exception {
    Path b = dir.resolve("big");
    Files.createDirectories(b.resolve("content/posts"));
    for (int i = 0; i < 400; i++) {
      Files.writeString(b.resolve("content/posts/p" + i + ".md"),
          "---\ntitle: Post " + i + "\ndate: 2024-03-01\ntags: [a, b" + i % 7 + "]\n---\n" + "Some text, 一些文字. ".repeat(200) + "\n");
    }
    String[] info = Files.readString(state.resolve("info")).strip().split(" ");
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(info[0]))) {
      s.setSoTimeout(60_000);
      StringBuilder request = new StringBuilder();
      for (String f : List.of(info[1], "run", b.toString(), "0", "3", "build", "--out", "out")) {
        request.append(f).append('\0');
      }
      s.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
      // as a launcher stopped by Ctrl-C: the daemon reads the end of the stream
      s.shutdownOutput();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).contains("build stopped").endsWith("x130\n");
    }
    assertThat(b.resolve("out")).doesNotExist();
    try (var left = Files.list(b)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no staging folder left").containsExactly("content");
    }

    // the daemon goes on serving
    Run r = client(b, "daemon_send \"$STATE\" jar-7 run build --out out; echo \"code=$DAEMON_CODE\"");
    assertThat(r.out()).contains("Built 400 posts,").endsWith("code=0\n");
  }

  @Test
  void commands_other_than_build_are_turned_away() throws Exception {
    Run r = client(dir, "daemon_send \"$STATE\" jar-7 run serve || true; echo \"code=$DAEMON_CODE\"");
    assertThat(r.out()).isEqualTo("code=2\n");
    assertThat(r.err()).contains("runs only `build`");
  }
}
