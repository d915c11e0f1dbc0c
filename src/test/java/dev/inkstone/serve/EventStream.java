package dev.inkstone.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A page's live-reload stream, read over a real socket: each event as {@code name: data}. */
final class EventStream implements AutoCloseable {
  private final Socket socket;
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  EventStream(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    OutputStream out = socket.getOutputStream();
    out.write(("GET /__inkstone/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
        String event = null;
        for (String line; (line = r.readLine()) != null; ) {
          if (line.startsWith("event: ")) {
            event = line.substring(7);
          } else if (line.startsWith("data: ") && event != null) {
            events.add(event + ": " + line.substring(6));
            event = null;
          }
        }
      } catch (IOException e) {
        // closed
      }
    });
    t.setDaemon(true);
    t.start();
  }

  /** The next event, or null after {@code seconds}. */
  String next(int seconds) throws InterruptedException {
    return events.poll(seconds, TimeUnit.SECONDS);
  }

  /**
   * The next event that names a page or a stylesheet (or all), or null after {@code seconds}. A
   * rebuild that changed no output, such as the one a new empty folder can set off, still sends
   * a build event naming nothing (it clears a page's problem overlay); this skips those.
   */
  String nextNaming(int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      String e = events.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null || !e.equals("build: {\"all\":false,\"pages\":[],\"css\":[]}")) {
        return e;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
