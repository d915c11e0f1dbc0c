package dev.inkstone.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A warm JVM that runs the launcher's builds one at a time, until it is told to stop or has been
 * idle for a while.
 *
 * <p>It listens on a free port of the loopback address and writes {@code port token pid id} to
 * {@code info} in its state folder, readable by its owner only: a request must start with the
 * token, so other users of the machine cannot run commands through it. {@code id} names the jar
 * it runs, so that the launcher can tell a daemon left from an older build of Inkstone.
 */
public final class BuildDaemon implements AutoCloseable {
  /** How long an accepted connection may take to send its request. */
  private static final int REQUEST_TIMEOUT_MS = 10_000;

  /** Runs one command and returns its exit code; what it prints goes to {@code out} and {@code err}. */
  @FunctionalInterface
  public interface Runner {
    int run(DaemonRequest request, PrintWriter out, PrintWriter err);
  }

  private final ServerSocket server;
  private final String token;
  private final Path info;
  /** When the last command ended (or the daemon started): the idle time counts from there. */
  private volatile long lastDone = System.nanoTime();

  private BuildDaemon(ServerSocket server, String token, Path info) {
    this.server = server;
    this.token = token;
    this.info = info;
  }

  /** Listens, and announces itself in {@code stateDir/info}. */
  public static BuildDaemon open(Path stateDir, String id) {
    try {
      Files.createDirectories(stateDir);
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      byte[] secret = new byte[24];
      new SecureRandom().nextBytes(secret);
      String token = HexFormat.of().formatHex(secret);
      Path info = stateDir.resolve("info");
      Path fresh = Files.createTempFile(stateDir, "info", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(fresh, server.getLocalPort() + " " + token + " " + ProcessHandle.current().pid() + " " + id + "\n");
      try {
        Files.move(fresh, info, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(fresh, info, StandardCopyOption.REPLACE_EXISTING);
      }
      return new BuildDaemon(server, token, info);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the build daemon in " + stateDir + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  String token() {
    return token;
  }

  /**
   * Serves requests until a {@code stop}, until none came for {@code idle}, or until its
   * {@code info} file is gone or names another daemon ({@code mvn clean}, or a second launcher
   * that started its own): then no launcher can reach it any more. It runs one command at a time,
   * on a thread of its own; a {@code run} that comes while one runs is answered "busy" at once, so
   * that its launcher builds without the daemon instead of waiting. {@code afterEach} runs after
   * each command and before its exit code is sent, so that all a command costs falls within the
   * time its client waits, not into whatever runs next on the machine.
   */
  public void serve(Runner runner, Duration idle, Runnable afterEach) {
    serve(runner, idle, afterEach, Duration.ofSeconds(5));
  }

  /** As {@link #serve(Runner, Duration, Runnable)}, looking at {@code info} every {@code check}. */
  void serve(Runner runner, Duration idle, Runnable afterEach, Duration check) {
    Thread running = null;
    try {
      server.setSoTimeout((int) Math.max(1, Math.min(idle.toMillis(), check.toMillis())));
      while (true) {
        if (running != null && !running.isAlive()) {
          running = null;
        }
        Socket client;
        try {
          client = server.accept();
        } catch (SocketTimeoutException e) {
          if (running == null && (System.nanoTime() - lastDone >= idle.toNanos() || !announced())) {
            return;
          }
          continue;
        }
        DaemonRequest request = request(client);
        if (request == null) {
          continue;
        }
        if (!request.verb().equals("run")) {
          if (request.verb().equals("stop") && running != null) {
            running.join();   // the build under way ends first, and answers its own client
          }
          try (client) {
            answer(client, request.verb().equals("stop") || request.verb().equals("ping") ? "x0\n" : "x2\n");
          } catch (IOException e) {
            // the client went away
          }
          if (request.verb().equals("stop")) {
            return;
          }
        } else if (running != null && running.isAlive()) {
          try (client) {
            answer(client, "b\n");
          } catch (IOException e) {
            // the client went away
          }
        } else {
          running = new Thread(() -> run(client, request, runner, afterEach), "inkstone-daemon-run");
          running.start();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (running != null) {
        try {
          running.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Whether {@code info} still names this daemon. */
  private boolean announced() {
    try {
      return Files.readString(info).startsWith(port() + " " + token + " ");
    } catch (IOException e) {
      return false;
    }
  }

  /** The connection's request, or null (and the connection closed) when it sent none with the token. */
  private DaemonRequest request(Socket client) {
    try {
      client.setSoTimeout(REQUEST_TIMEOUT_MS);
      DaemonRequest request = DaemonRequest.read(new BufferedInputStream(client.getInputStream()), token);
      client.setSoTimeout(0);
      return request;
    } catch (DaemonRequest.Refused | IOException e) {
      try {
        client.close();
      } catch (IOException ignored) {
        // it is gone either way
      }
      return null;
    }
  }

  private static void answer(Socket client, String line) throws IOException {
    OutputStream socket = client.getOutputStream();
    socket.write(line.getBytes(StandardCharsets.UTF_8));
    socket.flush();
  }

  /**
   * Runs one command for {@code client}, on the thread it was handed to, and closes the
   * connection. The client sends nothing after its request, so the end of its stream means it has
   * gone (its launcher was stopped): the request then says so, and a build stops at its next step.
   */
  private void run(Socket client, DaemonRequest request, Runner runner, Runnable afterEach) {
    AtomicBoolean gone = new AtomicBoolean();
    Thread watch = new Thread(() -> {
      try {
        while (client.getInputStream().read() >= 0) {
          // nothing more is expected; only the end matters
        }
      } catch (IOException e) {
        // closed on either side
      }
      gone.set(true);
    }, "inkstone-daemon-client");
    watch.setDaemon(true);
    watch.start();
    try (client) {
      OutputStream socket = new BufferedOutputStream(client.getOutputStream());
      PrintWriter out = new PrintWriter(new FrameWriter('o', socket));
      PrintWriter err = new PrintWriter(new FrameWriter('e', socket));
      int code;
      try {
        code = runner.run(request.withClientGone(gone::get), out, err);
      } finally {
        out.flush();
        err.flush();
      }
      afterEach.run();
      socket.write(("x" + code + "\n").getBytes(StandardCharsets.UTF_8));
      socket.flush();
    } catch (IOException e) {
      // the client went away; the next one may come
    } finally {
      lastDone = System.nanoTime();
    }
  }

  /** Stops listening, and takes back {@code info} unless a newer daemon has written its own. */
  @Override
  public void close() {
    try {
      server.close();
      if (announced()) {
        Files.deleteIfExists(info);
      }
    } catch (IOException e) {
      // the daemon is going away; a stale info file is found out by the launcher's connect
    }
  }
}
