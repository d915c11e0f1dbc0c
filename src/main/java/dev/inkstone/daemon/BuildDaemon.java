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

/**
 * A warm JVM that runs the launcher's builds one after the other, until it is told to stop or has
 * been idle for a while.
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
   * that started its own): then no launcher can reach it any more. {@code afterEach} runs after
   * each command and before its exit code is sent, so that all a command costs falls within the
   * time its client waits, not into whatever runs next on the machine.
   */
  public void serve(Runner runner, Duration idle, Runnable afterEach) {
    serve(runner, idle, afterEach, Duration.ofSeconds(5));
  }

  /** As {@link #serve(Runner, Duration, Runnable)}, looking at {@code info} every {@code check}. */
  void serve(Runner runner, Duration idle, Runnable afterEach, Duration check) {
    try {
      server.setSoTimeout((int) Math.max(1, Math.min(idle.toMillis(), check.toMillis())));
      long lastRequest = System.nanoTime();
      while (true) {
        Socket client;
        try {
          client = server.accept();
        } catch (SocketTimeoutException e) {
          if (System.nanoTime() - lastRequest >= idle.toNanos() || !announced()) {
            return;
          }
          continue;
        }
        boolean stop;
        try (client) {
          stop = answer(client, runner, afterEach);
        } catch (IOException e) {
          continue;   // the client went away; the next one may come
        }
        if (stop) {
          return;
        }
        lastRequest = System.nanoTime();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /** Answers one connection; true when it asked the daemon to stop. */
  private boolean answer(Socket client, Runner runner, Runnable afterEach) throws IOException {
    client.setSoTimeout(REQUEST_TIMEOUT_MS);
    DaemonRequest request;
    try {
      request = DaemonRequest.read(new BufferedInputStream(client.getInputStream()), token);
    } catch (DaemonRequest.Refused e) {
      return false;
    }
    client.setSoTimeout(0);
    OutputStream socket = new BufferedOutputStream(client.getOutputStream());
    int code = switch (request.verb()) {
      case "stop", "ping" -> 0;
      case "run" -> run(request, runner, socket);
      default -> 2;
    };
    if (request.verb().equals("run")) {
      afterEach.run();
    }
    socket.write(("x" + code + "\n").getBytes(StandardCharsets.UTF_8));
    socket.flush();
    return request.verb().equals("stop");
  }

  private static int run(DaemonRequest request, Runner runner, OutputStream socket) {
    PrintWriter out = new PrintWriter(new FrameWriter('o', socket));
    PrintWriter err = new PrintWriter(new FrameWriter('e', socket));
    int code;
    try {
      code = runner.run(request, out, err);
    } finally {
      out.flush();
      err.flush();
    }
    return code;
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
