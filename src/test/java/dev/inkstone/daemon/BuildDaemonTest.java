package dev.inkstone.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildDaemonTest {
  @TempDir Path state;

  private final List<DaemonRequest> seen = new CopyOnWriteArrayList<>();
  private BuildDaemon daemon;
  private Thread serving;

  /** A runner that prints its arguments, a progress line with a carriage return, and exits with 3. */
  private int echo(DaemonRequest r, java.io.PrintWriter out, java.io.PrintWriter err) {
    seen.add(r);
    out.println("args " + String.join("|", r.args()));
    out.flush();
    err.print("\r[##  ] 1/2 back\\slash");
    err.flush();
    return 3;
  }

  private void start(Duration idle) {
    daemon = BuildDaemon.open(state, "jar-1");
    serving = new Thread(() -> daemon.serve(this::echo, idle, () -> {}));
    serving.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (serving != null && serving.isAlive()) {
      send(daemon.token(), "stop", "/", List.of());
      serving.join(5000);
    }
    if (daemon != null) {
      daemon.close();
    }
  }

  private String send(String token, String verb, String dir, List<String> args) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
      s.setSoTimeout(20_000);   // a daemon that never answers fails the test instead of hanging it
      OutputStream o = s.getOutputStream();
      ByteArrayOutputStream req = new ByteArrayOutputStream();
      for (String f : fields(token, verb, dir, args)) {
        req.write(f.getBytes(StandardCharsets.UTF_8));
        req.write(0);
      }
      o.write(req.toByteArray());
      o.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> fields(String token, String verb, String dir, List<String> args) {
    List<String> f = new java.util.ArrayList<>(List.of(token, verb, dir, "0", String.valueOf(args.size())));
    f.addAll(args);
    return f;
  }

  @Test
  void it_announces_port_token_pid_and_jar_in_a_file_only_its_owner_can_read() throws Exception {
    start(Duration.ofMinutes(1));
    String[] info = Files.readString(state.resolve("info")).strip().split(" ");
    assertThat(info).containsExactly(String.valueOf(daemon.port()), daemon.token(), String.valueOf(ProcessHandle.current().pid()), "jar-1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("info")))).isEqualTo("rw-------");
  }

  @Test
  void a_run_answers_with_framed_output_and_the_exit_code() throws Exception {
    start(Duration.ofMinutes(1));
    String answer = send(daemon.token(), "run", "/home/me/blog", List.of("build", "--out", "site 2", "博客"));
    assertThat(answer).isEqualTo("oargs build|--out|site 2|博客\\n\n" + "e\\r[##  ] 1/2 back\\\\slash\n" + "x3\n");
    assertThat(seen).singleElement().satisfies(r -> {
      assertThat(r.workingDir()).isEqualTo(Path.of("/home/me/blog"));
      assertThat(r.terminal()).isFalse();
    });
  }

  @Test
  void the_work_after_a_run_is_done_before_its_exit_code_is_sent() throws Exception {
    AtomicBoolean collected = new AtomicBoolean();
    daemon = BuildDaemon.open(state, "jar-1");
    serving = new Thread(() -> daemon.serve(this::echo, Duration.ofMinutes(1), () -> {
      try {
        Thread.sleep(300);   // a collection that takes its time
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      collected.set(true);
    }));
    serving.start();

    assertThat(send(daemon.token(), "run", "/", List.of("build"))).endsWith("x3\n");
    // so a client that times the build (a benchmark) also times the daemon's clearing up
    assertThat(collected).isTrue();
  }

  @Test
  void a_run_while_another_runs_is_told_at_once_that_the_daemon_is_busy() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    daemon = BuildDaemon.open(state, "jar-1");
    serving = new Thread(() -> daemon.serve((r, out, err) -> {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.println("done " + r.args());
      return 0;
    }, Duration.ofMinutes(1), () -> {}));
    serving.start();

    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
      try {
        return send(daemon.token(), "run", "/", List.of("build", "one"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    // so its launcher builds without the daemon instead of queueing behind the first build
    assertThat(send(daemon.token(), "run", "/", List.of("build", "two"))).isEqualTo("b\n");
    assertThat(send(daemon.token(), "ping", "/", List.of())).isEqualTo("x0\n");

    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("odone [build, one]\\n\n" + "x0\n");
    assertThat(send(daemon.token(), "run", "/", List.of("build", "three")))
        .as("free again once the first has ended").endsWith("x0\n");
  }

  @Test
  void a_request_with_the_wrong_token_runs_nothing_and_gets_no_answer() throws Exception {
    start(Duration.ofMinutes(1));
    assertThat(send("not-the-token", "run", "/", List.of("build"))).isEmpty();
    assertThat(seen).isEmpty();
  }

  @Test
  void stop_ends_it_and_takes_its_info_file_back() throws Exception {
    start(Duration.ofMinutes(1));
    assertThat(send(daemon.token(), "stop", "/", List.of())).isEqualTo("x0\n");
    serving.join(5000);
    assertThat(serving.isAlive()).isFalse();
    daemon.close();
    assertThat(state.resolve("info")).doesNotExist();
  }

  @Test
  void it_stops_by_itself_after_the_idle_time() throws Exception {
    start(Duration.ofMillis(300));
    serving.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(serving.isAlive()).isFalse();
  }

  @Test
  void it_stops_when_its_info_file_is_gone_or_names_another_daemon() throws Exception {
    daemon = BuildDaemon.open(state, "jar-1");
    serving = new Thread(() -> daemon.serve(this::echo, Duration.ofMinutes(10), () -> {}, Duration.ofMillis(100)));
    serving.start();
    Files.writeString(state.resolve("info"), "1 other-token 2 jar-1\n");   // a second daemon took over
    serving.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(serving.isAlive()).isFalse();
    daemon.close();
    assertThat(Files.readString(state.resolve("info"))).startsWith("1 other-token");   // not ours to delete

    daemon = BuildDaemon.open(state, "jar-1");
    serving = new Thread(() -> daemon.serve(this::echo, Duration.ofMinutes(10), () -> {}, Duration.ofMillis(100)));
    serving.start();
    Files.delete(state.resolve("info"));   // mvn clean
    serving.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(serving.isAlive()).isFalse();
  }

  @Test
  void frames_escape_backslashes_newlines_and_carriage_returns_only() {
    assertThat(FrameWriter.frame('o', "a\\n\r\nb\t%s")).isEqualTo("oa\\\\n\\r\\nb\t%s\n");
  }
}
