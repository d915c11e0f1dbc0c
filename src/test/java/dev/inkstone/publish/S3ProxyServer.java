package dev.inkstone.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real S3-compatible server for tests: s3proxy with in-memory storage, started in its own
 * process from the test class path on a free port of 127.0.0.1.
 */
final class S3ProxyServer implements AutoCloseable {
  static final String IDENTITY = "inkstone-test";
  static final String CREDENTIAL = "inkstone-test-secret";

  private final Process process;
  private final Path dir;
  final String endpoint;

  private S3ProxyServer(Process process, Path dir, String endpoint) {
    this.process = process;
    this.dir = dir;
    this.endpoint = endpoint;
  }

  static S3ProxyServer start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("inkstone-s3proxy");
    Path props = dir.resolve("s3proxy.properties");
    String endpoint = "http://127.0.0.1:" + port;
    Files.writeString(props, String.join("\n",
        "s3proxy.endpoint=" + endpoint,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + IDENTITY,
        "s3proxy.credential=" + CREDENTIAL,
        "jclouds.provider=transient",
        "jclouds.identity=" + IDENTITY,
        "jclouds.credential=" + CREDENTIAL,
        ""));
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", classPath, "org.gaul.s3proxy.Main", "--properties", props.toString()))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("s3proxy.log").toFile())
        .start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("s3proxy stopped at start: " + Files.readString(dir.resolve("s3proxy.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new S3ProxyServer(p, dir, endpoint);
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("s3proxy did not listen within 60 s: " + Files.readString(dir.resolve("s3proxy.log")));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
