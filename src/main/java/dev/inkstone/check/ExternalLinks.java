package dev.inkstone.check;

import dev.inkstone.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Requests links to other sites: in parallel, but at most {@value #PER_HOST} at a time to one
 * host; {@code HEAD} first and {@code GET} when a server refuses {@code HEAD}; with a timeout.
 * Good answers are kept in a small cache file and trusted for a while, so a second run asks
 * only about what was broken or new.
 */
final class ExternalLinks {
  private static final int PARALLEL = 8;
  private static final int PER_HOST = 2;

  /** The outcome: broken URL → why; per host {ok, broken}; requests actually made. */
  record Result(Map<String, String> broken, Map<String, int[]> hosts, int requests) {}

  private final Duration timeout;
  private final Path cacheFile;
  private final Duration cacheFor;
  private final Map<String, Semaphore> hostSlots = new ConcurrentHashMap<>();

  ExternalLinks(Duration timeout, Path cacheFile, Duration cacheFor) {
    this.timeout = timeout;
    this.cacheFile = cacheFile;
    this.cacheFor = cacheFor;
  }

  Result check(Collection<String> urls, Progress progress) {
    Map<String, Instant> cache = readCache();
    Instant now = Instant.now();
    Map<String, String> outcome = new ConcurrentHashMap<>();
    List<String> toAsk = new ArrayList<>();
    for (String url : urls) {
      Instant okAt = cache.get(url);
      if (okAt != null && okAt.plus(cacheFor).isAfter(now)) {
        outcome.put(url, "");
      } else {
        toAsk.add(url);
      }
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
      Thread t = new Thread(r, "inkstone-link-check");
      t.setDaemon(true);
      return t;
    });
    progress.begin("checking external links", toAsk.size());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String url : toAsk) {
        futures.add(pool.submit(() -> {
          outcome.put(url, ask(client, url));
          progress.advance(url);
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
      progress.end();
    }
    java.util.Set<String> asked = new java.util.HashSet<>(toAsk);
    Map<String, String> broken = new TreeMap<>();
    Map<String, int[]> hosts = new TreeMap<>();
    for (String url : urls) {
      String why = outcome.getOrDefault(url, "was not checked");
      int[] counts = hosts.computeIfAbsent(host(url), h -> new int[2]);
      if (why.isEmpty()) {
        counts[0]++;
        if (asked.contains(url)) {
          cache.put(url, now);
        }
      } else {
        counts[1]++;
        broken.put(url, why);
        cache.remove(url);
      }
    }
    writeCache(cache);
    return new Result(broken, hosts, toAsk.size());
  }

  /** Empty when the link works, else why not. */
  private String ask(HttpClient client, String url) {
    String host = host(url);
    Semaphore slots = hostSlots.computeIfAbsent(host, h -> new Semaphore(PER_HOST));
    try {
      slots.acquire();
      try {
        URI uri = URI.create(url);
        int status = send(client, uri, "HEAD");
        if (status == 405 || status == 403 || status == 501 || status == 400) {
          status = send(client, uri, "GET");
        }
        if (status >= 200 && status < 400) {
          return "";
        }
        if (status == 429) {
          return "answered 429 Too Many Requests: try again later";
        }
        return "answered " + status;
      } finally {
        slots.release();
      }
    } catch (java.net.http.HttpTimeoutException e) {
      return "did not answer within " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms");
    } catch (IOException e) {
      return "cannot be reached: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (IllegalArgumentException e) {
      return "is not a valid URL";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "was not checked (interrupted)";
    }
  }

  private int send(HttpClient client, URI uri, String method) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).method(method, HttpRequest.BodyPublishers.noBody())
        .header("User-Agent", "Inkstone link checker (+https://github.com/inkstone)").build();
    return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "?" : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  /** Cache lines: {@code <epoch seconds>\t<url>} for links that worked. */
  private Map<String, Instant> readCache() {
    Map<String, Instant> out = new TreeMap<>();
    if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(cacheFile, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          try {
            out.put(line.substring(tab + 1), Instant.ofEpochSecond(Long.parseLong(line.substring(0, tab))));
          } catch (NumberFormatException ignored) {
            // a damaged line is dropped; the link is simply asked again
          }
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private void writeCache(Map<String, Instant> cache) {
    if (cacheFile == null) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(cache).forEach((url, at) -> sb.append(at.getEpochSecond()).append('\t').append(url).append('\n'));
    try {
      Files.createDirectories(cacheFile.getParent());
      Files.writeString(cacheFile, sb.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the link cache " + cacheFile + ": " + e.getMessage(), e);
    }
  }
}
