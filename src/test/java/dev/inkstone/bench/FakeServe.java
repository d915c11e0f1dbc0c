package dev.inkstone.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/**
 * A stand-in for {@code inkstone serve} in {@link ReloadProbeTest}: the same protocol (prints its
 * address, serves the home page, a Server-Sent Events stream at {@code /__inkstone/events} with a
 * {@code build} event after each change under {@code content/posts}), no site behind it.
 */
final class FakeServe {
  private FakeServe() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path source = Path.of(args[List.of(args).indexOf("--source") + 1]);
    List<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", ex -> {
      byte[] body = "<!doctype html><title>home</title>".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    server.createContext("/__inkstone/events", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      BlockingQueue<String> q = new LinkedBlockingQueue<>();
      q.add("retry: 500\n\n");
      clients.add(q);
      try (OutputStream o = ex.getResponseBody()) {
        while (true) {
          o.write(q.take().getBytes(StandardCharsets.UTF_8));
          o.flush();
        }
      } catch (IOException | InterruptedException e) {
        clients.remove(q);
      }
    });
    server.start();
    WatchService watcher = FileSystems.getDefault().newWatchService();
    try (Stream<Path> dirs = Files.walk(source.resolve("content/posts"))) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      }
    }
    System.out.println("Serving at http://127.0.0.1:" + server.getAddress().getPort() + "/");
    System.out.flush();
    while (true) {
      WatchKey key = watcher.take();
      key.pollEvents();
      key.reset();
      clients.forEach(q -> q.add("event: build\ndata: {\"all\":false}\n\n"));
    }
  }
}
