package dev.inkstone.serve;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: the time from saving one post to the live-reload event reaching a
 * browser's event stream. Run with {@code bench/serve-latency BLOG [EDITS]}; it edits the
 * newest-sorted post of BLOG in place and puts it back when done. On a blog big enough, the first
 * reload event names the post alone and the lists follow; the server's own log gives the time of
 * the whole rebuild.
 */
public final class ServeBench {
  public static void main(String[] args) throws Exception {
    Path blog = Path.of(args[0]).toAbsolutePath().normalize();
    int edits = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    StringWriter log = new StringWriter();
    PrintWriter quiet = new PrintWriter(log);
    long t0 = System.nanoTime();
    try (PreviewServer server = PreviewServer.start(ServeOptions.of(blog), quiet, quiet)) {
      System.out.printf("first build: %d ms, %d files%n", (System.nanoTime() - t0) / 1_000_000, server.files().size());
      BlockingQueue<Long> events = new LinkedBlockingQueue<>();
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<java.io.InputStream> sse = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/__inkstone/events")).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            if (line.equals("event: build") || line.equals("event: problems")) {
              events.add(System.nanoTime());
            }
          }
        } catch (Exception e) {
          // stream closed
        }
      });
      reader.setDaemon(true);
      reader.start();
      // a writer opens the page before the first save: by then the server has rehearsed one
      Thread.sleep(PreviewServer.WARM_UP_MILLIS + 500);
      Path post;
      try (Stream<Path> s = Files.walk(blog.resolve("content/posts"))) {
        post = s.filter(p -> p.toString().endsWith(".md")).sorted().reduce((a, b) -> b).orElseThrow();
      }
      byte[] original = Files.readAllBytes(post);
      List<Long> millis = new ArrayList<>();
      try {
        for (int i = 0; i < edits; i++) {
          Thread.sleep(400); // a writer saving every few seconds; exact related posts wait for a 1 s pause
          events.clear();
          String edited = new String(original, StandardCharsets.UTF_8) + "\n\nEdit number " + i + ": " + "more ".repeat(i % 7 + 1) + "\n";
          long start = System.nanoTime();
          Files.writeString(post, edited, StandardCharsets.UTF_8);
          Long at = events.poll(30, TimeUnit.SECONDS);
          if (at == null) {
            throw new IllegalStateException("no reload event within 30 s");
          }
          millis.add((at - start) / 1_000_000);
        }
      } finally {
        Files.write(post, original);
      }
      List<Long> warm = new ArrayList<>(millis.subList(Math.min(5, millis.size() - 1), millis.size()));
      Collections.sort(warm);
      System.out.printf("save -> reload event, one post edit, %s (%d posts): median %d ms, p90 %d ms, min %d, max %d (%d edits after 5 warm-up)%n",
          blog.getFileName(), countPosts(blog), warm.get(warm.size() / 2), warm.get((int) (warm.size() * 0.9)), warm.get(0),
          warm.get(warm.size() - 1), warm.size());
      System.out.println("first edits (cold JIT): " + millis.subList(0, Math.min(5, millis.size())));
      // the server's own line per save: the whole rebuild, the lists and feeds that show the post included
      List<Long> whole = new ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(blog.relativize(post).toString().replace('\\', '/'))
          + " changed: .*, (\\d+) ms$").matcher(log.toString());
      while (m.find()) {
        whole.add(Long.parseLong(m.group(1)));
      }
      List<Long> wholeWarm = new ArrayList<>(whole.subList(Math.min(5, whole.size()), whole.size()));
      Collections.sort(wholeWarm);
      if (!wholeWarm.isEmpty()) {
        System.out.printf("the whole rebuild (lists, feeds and term pages showing the post too), as the server logs it: median %d ms, p90 %d ms%n",
            wholeWarm.get(wholeWarm.size() / 2), wholeWarm.get((int) (wholeWarm.size() * 0.9)));
      }
      String[] lines = log.toString().split("\n");
      for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
        System.out.println(lines[i]);
      }
    }
  }

  private static long countPosts(Path blog) throws Exception {
    try (Stream<Path> s = Files.walk(blog.resolve("content/posts"))) {
      return s.filter(p -> p.toString().endsWith(".md")).count();
    }
  }
}
