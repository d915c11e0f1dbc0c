package dev.inkstone.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Edit-to-reload time of a warm {@code inkstone serve}: starts {@code ./inkstone serve --source
 * BLOG --port 0}, reads the address it prints, subscribes to its Server-Sent Events stream, then
 * saves one post {@code edits} times (each a new paragraph, written to a temporary file and moved
 * over the post, as editors do) and times each save until the next event arrives. Reports the
 * median in milliseconds. The post is restored and the server stopped afterwards.
 *
 * <p>When there is no {@code serve} command ({@code ./inkstone serve --help} fails) it reports
 * {@code n/a}. The events path defaults to {@code /__inkstone/events}; set
 * {@code -Dinkstone.bench.events=/path} if serve uses another.
 */
final class ReloadProbe {
  private static final String EVENTS = System.getProperty("inkstone.bench.events", "/__inkstone/events");
  private static final Pattern ADDRESS = Pattern.compile("http://(\\[[^\\]]+\\]|[A-Za-z0-9.\\-]+):(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(15);
  private static final long EVENT_TIMEOUT_SECONDS = 60;

  private final Path project;
  private final Path blog;
  private final Path post;
  private final int edits;
  private final PrintStream log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** One event from the stream and when it arrived. */
  private record Event(String name, String data, long nanos) {}

  ReloadProbe(Path project, Path blog, String postPath, int edits, PrintStream log) {
    this.project = project;
    this.blog = blog;
    this.post = blog.resolve(postPath);
    this.edits = edits;
    this.log = log;
  }

  /** The table cell: the median in ms, "n/a (no serve)", or "failed". */
  String measure() throws InterruptedException {
    if (!serveExists()) {
      log.println("bench: no `inkstone serve` yet; edit→reload not measured");
      return "n/a (no serve)";
    }
    try {
      List<Long> ms = run();
      long median = Benchmark.median(ms.stream().mapToLong(Long::longValue).toArray());
      log.printf(Locale.ROOT, "bench: edit→reload, %d edits: median %d ms, all %s%n", ms.size(), median, ms);
      return Long.toString(median);
    } catch (IOException | RuntimeException e) {
      log.println("bench: edit→reload failed: " + e.getMessage());
      return "failed";
    }
  }

  /** Whether {@code ./inkstone serve --help} shows serve's own usage (the top-level help also exits 0). */
  private boolean serveExists() throws InterruptedException {
    try {
      Process p = new ProcessBuilder(project.resolve("inkstone").toString(), "serve", "--help")
          .directory(project.toFile()).redirectErrorStream(true).start();
      String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0 && help.contains("inkstone serve");
    } catch (IOException e) {
      return false;
    }
  }

  private List<Long> run() throws IOException, InterruptedException {
    Path work = blog.getParent();
    Path output = work.resolve("serve.out");
    boolean siteExisted = Files.exists(blog.resolve("site"));
    byte[] original = Files.readAllBytes(post);
    ProcessBuilder pb = new ProcessBuilder(project.resolve("inkstone").toString(), "serve", "--source", blog.toString(), "--port", "0")
        .directory(project.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
    Benchmark.outsideGit(pb, blog);
    Process server = pb.start();
    Thread reader = null;
    try {
      URI base = address(server, output);
      waitUntilServing(base, server, output);
      BlockingQueue<Event> events = new LinkedBlockingQueue<>();
      reader = subscribe(base.resolve(EVENTS), events);
      List<Long> times = new ArrayList<>();
      for (int k = 1; k <= edits; k++) {
        Thread.sleep(300); // let the watcher settle after the last build
        events.clear();
        String paragraph = "\n基准编辑 " + k + "：this paragraph was added by the benchmark.\n";
        long saved = save(work, concat(original, paragraph.getBytes(StandardCharsets.UTF_8)));
        Event e = events.poll(EVENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (e == null) {
          throw new IllegalStateException("no event within " + EVENT_TIMEOUT_SECONDS + " s of edit " + k);
        }
        if (e.name().equals("problems")) {
          throw new IllegalStateException("serve reported problems after edit " + k + ": " + e.data());
        }
        times.add(Math.max(0, (e.nanos() - saved) / 1_000_000));
      }
      return times;
    } finally {
      stop(reader);
      Files.write(post, original);
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
      if (!siteExisted) {
        Benchmark.deleteTree(blog.resolve("site"));
      }
    }
  }

  private static void stop(Thread reader) {
    if (reader != null) {
      reader.interrupt();
    }
  }

  /** Writes the new text beside the blog and moves it over the post; returns the time the save completed. */
  private long save(Path work, byte[] text) throws IOException {
    Path tmp = work.resolve("serve-edit.tmp");
    Files.write(tmp, text);
    Files.move(tmp, post, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return System.nanoTime();
  }

  /** The first http://host:port the server prints. */
  private static URI address(Process server, Path output) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.exists(output) ? Files.readString(output) : "";
      Matcher m = ADDRESS.matcher(text);
      if (m.find()) {
        return URI.create("http://" + m.group(1) + ":" + m.group(2) + "/");
      }
      if (!server.isAlive()) {
        throw new IllegalStateException("serve exited with " + server.exitValue() + ":\n" + text);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("serve printed no http:// address within " + START_TIMEOUT.toMinutes() + " minutes");
  }

  /** Waits until the home page answers 200, so the first build is done before any edit. */
  private void waitUntilServing(URI base, Process server, Path output) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("serve exited with " + server.exitValue() + ":\n" + Files.readString(output));
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base).timeout(Duration.ofMinutes(5)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(base + " did not answer 200 within " + START_TIMEOUT.toMinutes() + " minutes");
  }

  /** Opens the event stream; a daemon thread puts each event, stamped on arrival, into {@code events}. */
  private Thread subscribe(URI uri, BlockingQueue<Event> events) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> r = http.send(
        HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered " + r.statusCode());
    }
    Thread t = new Thread(() -> {
      String name = null;
      StringBuilder data = new StringBuilder();
      try (Stream<String> lines = r.body()) {
        for (String line : (Iterable<String>) lines::iterator) {
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
          if (line.startsWith("event:")) {
            name = line.substring(6).trim();
          } else if (line.startsWith("data:")) {
            data.append(line.substring(5).trim());
          } else if (line.isEmpty() && (name != null || data.length() > 0)) {
            // An event is complete at its blank line; events without a name are "message".
            events.add(new Event(name == null ? "message" : name, data.toString(), System.nanoTime()));
            name = null;
            data.setLength(0);
          }
        }
      } catch (RuntimeException e) {
        // the server went away
      }
    }, "sse-reader");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
