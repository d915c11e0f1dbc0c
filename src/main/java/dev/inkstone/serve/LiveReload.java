package dev.inkstone.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Live reload over Server-Sent Events: every open page holds one {@code /__inkstone/events}
 * stream. After a rebuild each stream gets a {@code build} event naming the pages and
 * stylesheets that changed; after a failed one, a {@code problems} event with the report the
 * terminal printed. A page that connects while the build is broken gets the problems at once.
 */
final class LiveReload {
  static final String EVENTS = "/__inkstone/events";
  static final String SCRIPT = "/__inkstone/live.js";
  static final byte[] SCRIPT_TAG = ("<script src=\"" + SCRIPT + "\"></script>\n").getBytes(StandardCharsets.UTF_8);
  private static final String CLOSE = "";
  private static final long PING_SECONDS = 15;

  private final Set<BlockingQueue<String>> clients = new CopyOnWriteArraySet<>();
  private final byte[] script;
  private volatile String problems;
  private volatile boolean closed;

  LiveReload() {
    try (InputStream in = LiveReload.class.getResourceAsStream("live.js")) {
      script = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] script() {
    return script;
  }

  int clients() {
    return clients.size();
  }

  /** Tells every page what a good build changed; clears the problems. */
  void built(List<String> pages, List<String> css, boolean all) {
    problems = null;
    send("build", "{\"all\":" + all + ",\"pages\":" + Json.array(pages) + ",\"css\":" + Json.array(css) + "}");
  }

  /** Tells every page, now and on connecting, that the build failed. */
  void failed(String report) {
    problems = "{\"text\":" + Json.string(report) + "}";
    send("problems", problems);
  }

  private void send(String event, String data) {
    String message = "event: " + event + "\ndata: " + data + "\n\n";
    for (BlockingQueue<String> q : clients) {
      q.add(message);
    }
  }

  /** Holds the stream open on the calling thread until the page goes away or the server stops. */
  void stream(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Accel-Buffering", "no");
    ex.sendResponseHeaders(200, 0);
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    String pending = problems;
    queue.add("retry: 500\n\n");
    if (pending != null) {
      queue.add("event: problems\ndata: " + pending + "\n\n");
    }
    clients.add(queue);
    try (OutputStream out = ex.getResponseBody()) {
      while (!closed) {
        String m = queue.poll(PING_SECONDS, TimeUnit.SECONDS);
        if (m == CLOSE) {
          break;
        }
        out.write((m == null ? ": ping\n\n" : m).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the page went away
    } finally {
      clients.remove(queue);
    }
  }

  void close() {
    closed = true;
    for (BlockingQueue<String> q : clients) {
      q.add(CLOSE);
    }
  }
}
