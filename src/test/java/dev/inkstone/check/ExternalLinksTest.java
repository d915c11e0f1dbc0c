package dev.inkstone.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.inkstone.build.TestSite;
import dev.inkstone.progress.Progress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** External links against a real HTTP server on 127.0.0.1. */
class ExternalLinksTest {
  @TempDir Path dir;
  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  final ConcurrentHashMap<String, AtomicInteger> byPath = new ConcurrentHashMap<>();
  final CountDownLatch release = new CountDownLatch(1);
  String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      requests.incrementAndGet();
      String path = ex.getRequestURI().getPath();
      byPath.computeIfAbsent(path + " " + ex.getRequestMethod(), k -> new AtomicInteger()).incrementAndGet();
      int status = switch (path) {
        case "/ok" -> 200;
        case "/moved" -> 301;
        case "/no-head" -> ex.getRequestMethod().equals("HEAD") ? 405 : 200;
        case "/slow" -> {
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          yield 200;
        }
        default -> 404;
      };
      if (status == 301) {
        ex.getResponseHeaders().add("Location", "/ok");
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  @Test
  void broken_links_to_other_sites_are_found_good_ones_are_cached_and_hosts_summed_up() throws IOException {
    TestSite.write(dir, """
        -- content/site.yaml --
        title: Ext
        -- content/posts/a.md --
        ---
        title: A
        date: 2024-01-01
        description: d
        ---
        [ok](BASE/ok) [moved](BASE/moved) [no head](BASE/no-head)

        [gone](BASE/gone)

        [slow](BASE/slow)
        """.replace("BASE", base));
    CheckRequest req = CheckRequest.of(dir, true).withTimeout(Duration.ofMillis(800));
    CheckReport first = SiteCheck.run(req, Progress.NONE);
    assertThat(first.findings().stream().map(f -> f.kind() + " " + f.fileName() + ":" + f.line() + " " + f.message()).toList())
        .containsExactlyInAnyOrder(
            "BROKEN_EXTERNAL content/posts/a.md:8 " + base + "/gone answered 404",
            "BROKEN_EXTERNAL content/posts/a.md:10 " + base + "/slow did not answer within 800 ms");
    assertThat(first.hosts()).containsOnlyKeys("127.0.0.1");
    assertThat(first.hosts().get("127.0.0.1")).containsExactly(3, 2);
    assertThat(byPath.get("/no-head GET")).hasValue(1);
    assertThat(Files.readString(dir.resolve(".inkstone/cache/external-links.tsv"))).contains(base + "/ok").doesNotContain(base + "/gone");

    release.countDown();
    int before = requests.get();
    CheckReport second = SiteCheck.run(req, Progress.NONE);
    // only the two broken links are asked again; the good ones come from the cache
    assertThat(second.externalRequests()).isEqualTo(2);
    assertThat(requests.get() - before).isEqualTo(2);
    assertThat(second.findings()).extracting(Finding::target).containsExactly(base + "/gone");
    assertThat(List.of(second.ok())).containsExactly(false);
  }
}
