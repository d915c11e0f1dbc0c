package dev.inkstone.serve;

import com.sun.net.httpserver.HttpServer;
import dev.inkstone.build.BuildCache;
import dev.inkstone.build.BuildRequest;
import dev.inkstone.build.BuildResult;
import dev.inkstone.build.Home;
import dev.inkstone.build.RebuildWarmUp;
import dev.inkstone.build.SiteBuild;
import dev.inkstone.config.SiteConfigReader;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.output.Output;
import dev.inkstone.source.BlogFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front door of the preview server. {@link #start} builds the site into memory, listens,
 * and rebuilds on every save until {@link #close}. Nothing is written to disk, so stopping
 * leaves nothing behind. Every rebuild prints one line; a failed one prints its problems and
 * keeps the last good site.
 */
public final class PreviewServer implements AutoCloseable {
  /** More changed pages than this and every open page reloads. */
  static final int MAX_LISTED_PAGES = 500;
  /** After a build that showed stale related posts, look this often whether the exact ones are computed. */
  static final long REFRESH_POLL_MILLIS = 50;
  /** Exact related posts are computed once saves have paused this long; it takes every core for seconds on a big blog. */
  static final long RELATED_AFTER_MILLIS = 1000;
  /** How long after the first build the server rehearses a save (see {@link RebuildWarmUp}), unless one comes. */
  static final long WARM_UP_MILLIS = 3000;
  /** Rehearsals enough for the JIT to have compiled a save's path. */
  static final int WARM_UP_REBUILDS = 200;

  private final ServeOptions options;
  private final PrintWriter out;
  private final PrintWriter err;
  private final HttpServer http;
  private final ExecutorService pool;
  private final LiveReload live = new LiveReload();
  private final SiteHandler handler = new SiteHandler(live);
  private final BuildCache cache = new BuildCache();
  /**
   * What is served, updated in place after each build rather than copied: copying 20,000
   * entries twice took a tenth of a rebuild. A request racing an update may see some pages of
   * each build, which the reload that follows puts right.
   */
  private final Map<String, Output> served = new ConcurrentHashMap<>();
  /** The outputs as last published, in the cache's order. */
  private Output[] lastOutputs = new Output[0];
  private final Map<String, Long> modified = new ConcurrentHashMap<>();
  private final AtomicInteger builds = new AtomicInteger();
  private BuildRequest request;
  private FolderWatcher watcher;
  private Thread loop;
  private volatile boolean closed;
  private boolean reloadAll;
  private long lastSave;

  /** Thrown when the port is taken; the message says which. */
  public static final class PortInUseException extends RuntimeException {
    PortInUseException(String message) {
      super(message);
    }
  }

  private PreviewServer(ServeOptions options, PrintWriter out, PrintWriter err) throws IOException {
    this.options = options;
    this.out = out;
    this.err = err;
    try {
      this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
    } catch (BindException e) {
      throw new PortInUseException("port " + options.port() + " on " + options.host() + " is in use");
    }
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "inkstone-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(pool);
    http.createContext("/", handler);
  }

  /**
   * Builds the site, starts listening and watching. A first build with problems still starts:
   * the browser shows the problems until a save fixes them.
   *
   * @throws PortInUseException when the port is taken
   */
  public static PreviewServer start(ServeOptions options, PrintWriter out, PrintWriter err) {
    try {
      PreviewServer s = new PreviewServer(options, out, err);
      s.begin();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void begin() throws IOException {
    http.start();
    Path root = options.source().toAbsolutePath().normalize();
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    // absolute links (canonical, feeds) point at the preview, under the site's own base path
    String base = "http://" + host + ":" + port() + basePath(root);
    request = new BuildRequest(root, null, options.drafts(), options.future(), base, options.clock(), true);
    long start = System.nanoTime();
    BuildResult r = SiteBuild.rebuild(request, cache, List.of());
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (r.ok()) {
      publish(Set.of());
      out.printf("Built %s in %d ms%n", r.summary(), ms);
    } else {
      fail(r.problems());
    }
    out.printf("Serving %s at %s (drafts %s); press Ctrl-C to stop%n", root, url(), options.drafts() ? "included" : "left out");
    out.flush();
    List<Path> trees = new ArrayList<>();
    trees.add(root.resolve("content"));
    trees.add(root.resolve("themes"));
    Path home = Home.themes().toAbsolutePath().normalize();
    if (!home.startsWith(root)) {
      trees.add(home);
    }
    watcher = new FolderWatcher(root, trees);
    watcher.start();
    loop = new Thread(this::rebuildLoop, "inkstone-rebuild");
    loop.setDaemon(true);
    loop.start();
  }

  /** The base path site.yaml's baseUrl gives, {@code /} when it cannot be read (the build will say why). */
  private static String basePath(Path root) {
    try {
      return SiteConfigReader.read(BlogFolder.configFile(root)).basePath();
    } catch (ProblemsException | UncheckedIOException e) {
      return "/";
    }
  }

  /** The port listened on (the one picked when asked for port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The address to open in a browser. */
  public String url() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    if (host.equals("0.0.0.0")) {
      host = "localhost";
    }
    return "http://" + host + ":" + port() + handler.snapshot().basePath();
  }

  /** The request every rebuild runs; a full build with it gives the same files. */
  public BuildRequest request() {
    return request;
  }

  /** Every file of the site as served (before the live-reload script is added to HTML). */
  public Map<String, Output> files() {
    return handler.snapshot().files();
  }

  /** Pages holding a live-reload stream open right now. */
  public int liveClients() {
    return live.clients();
  }

  /** Builds done so far, the first included. */
  public int builds() {
    return builds.get();
  }

  private void rebuildLoop() {
    if (handler.snapshot().problems() == null) {
      RebuildWarmUp.run(request, cache, () -> closed || watcher.hasPending(), WARM_UP_REBUILDS, WARM_UP_MILLIS);
    }
    boolean staleRelated = false;
    while (!closed) {
      try {
        Set<Path> changed = watcher.take(staleRelated ? REFRESH_POLL_MILLIS : 60_000);
        if (closed) {
          return;
        }
        if (changed.isEmpty()) {
          if (staleRelated && cache.relatedReady()) {
            staleRelated = rebuild(Set.of(), true);
          } else if (staleRelated && System.nanoTime() - lastSave > RELATED_AFTER_MILLIS * 1_000_000) {
            cache.startRelated();
          }
          continue;
        }
        staleRelated = rebuild(changed, false);
        lastSave = System.nanoTime();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // not bad input (that is a problem report) but e.g. a folder deleted while it was read:
        // say so, keep serving the last good site, and read the whole folder on the next save
        err.println("inkstone: rebuild failed: " + e + "; the next save rebuilds from scratch");
        err.flush();
        reloadAll = true;
      }
    }
  }

  /** Rebuilds after {@code changed}; returns whether related posts were left stale. */
  private boolean rebuild(Set<Path> changed, boolean refresh) {
    long start = System.nanoTime();
    shownFirst.clear();
    shownFirstChanged = 0;
    BuildResult r = refresh ? SiteBuild.refresh(request, cache)
        : SiteBuild.rebuild(request, cache, reloadAll ? null : changed, this::showFirst);
    reloadAll = false;
    long ms = (System.nanoTime() - start) / 1_000_000;
    String what = refresh ? "related posts, search, feeds and archives" : describe(changed);
    if (!r.ok()) {
      // the last good site, as it was before the edited posts were shown
      shownFirst.forEach((path, old) -> {
        if (old != null) {
          served.put(path, old);
        } else {
          served.remove(path);
        }
      });
      out.printf("%s changed: build failed in %d ms, still serving the last good site%n", what, ms);
      out.flush();
      fail(r.problems());
      return false;
    }
    Runnable announce = publish(changed);
    int pages = lastChanged + shownFirstChanged;
    out.printf("%s %s: %d page%s rendered, %d changed, %d ms%n", what, refresh ? "updated" : "changed", cache.rendered(),
        cache.rendered() == 1 ? "" : "s", pages, ms);
    out.flush();
    announce.run();
    return cache.relatedStale();
  }

  /** The files {@link #showFirst} served in this rebuild, with what was served before (null: nothing). */
  private final Map<String, Output> shownFirst = new java.util.HashMap<>();
  private int shownFirstChanged;

  /**
   * Serves the pages of the posts a rebuild just edited, as soon as they are final, and tells the
   * pages showing them to reload: a writer looks at the post being edited, which need not wait
   * for the lists, feeds and term pages that show it too (the reload of those follows when the
   * rebuild is done). Not while the site is broken: then the whole build must pass first.
   */
  private void showFirst(List<Output> outputs) {
    if (handler.snapshot().problems() != null) {
      return;
    }
    long now = System.currentTimeMillis();
    String base = cache.basePath();
    List<String> pages = new ArrayList<>();
    for (Output o : outputs) {
      Output old = served.put(o.path(), o);
      if (!shownFirst.containsKey(o.path())) {
        shownFirst.put(o.path(), old); // what the site had before this rebuild, not what the last hand-over showed
      }
      if (!same(old, o, Set.of())) {
        modified.put(o.path(), now);
        pages.add(pageUrl(base, o.path()));
      }
    }
    shownFirstChanged += pages.size();
    if (!pages.isEmpty()) {
      live.built(pages, List.of(), false);
    }
  }

  private String describe(Set<Path> changed) {
    Path root = request.source();
    List<String> names = changed.stream().map(p -> p.startsWith(root) ? root.relativize(p).toString().replace('\\', '/') : p.toString()).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return names.size() + " files (" + String.join(", ", names.subList(0, Math.min(3, names.size()))) + (names.size() > 3 ? ", ..." : "") + ")";
  }

  private void fail(List<Problem> problems) {
    StringBuilder report = new StringBuilder();
    int n = 1;
    for (Problem p : problems) {
      report.append(n++).append(") ").append(p.format()).append('\n');
    }
    report.append("Found ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append('.');
    err.println(report);
    err.flush();
    builds.incrementAndGet();
    handler.publish(handler.snapshot().withProblems(report.toString()));
    live.failed(report.toString());
  }

  private int lastChanged;

  /**
   * Serves the cache's outputs; returns what tells open pages what changed, to run once the
   * terminal has its line. {@link #lastChanged} says how many files changed.
   */
  private Runnable publish(Set<Path> changedSources) {
    Snapshot before = handler.snapshot();
    boolean wasEmpty = served.isEmpty();
    List<Output> outputs = cache.outputs();
    long now = System.currentTimeMillis();
    List<String> changed = new ArrayList<>();
    // an output object still at its place in the list is served already: a save remakes a few
    // pages of thousands, and comparing two arrays is far cheaper than a map update per file
    Output[] last = outputs.size() == lastOutputs.length ? lastOutputs : null;
    int at = -1;
    for (Output o : outputs) {
      at++;
      if (last != null && last[at] == o) {
        continue;
      }
      Output old = served.put(o.path(), o);
      if (!same(old, o, changedSources)) {
        changed.add(o.path());
        modified.put(o.path(), now);
      }
    }
    if (served.size() != outputs.size()) {
      // the outputs have distinct paths: more served files than outputs means some are gone
      Set<String> present = new java.util.HashSet<>();
      outputs.forEach(o -> present.add(o.path()));
      for (var it = served.keySet().iterator(); it.hasNext(); ) {
        String path = it.next();
        if (!present.contains(path)) {
          it.remove();
          changed.add(path);
          modified.remove(path);
        }
      }
    }
    lastOutputs = outputs.toArray(new Output[0]);
    List<Path> roots = new ArrayList<>();
    roots.add(realPath(request.source()));
    cache.themeStaticFolders().forEach(f -> roots.add(realPath(f)));
    boolean wasBroken = before.problems() != null;
    handler.publish(new Snapshot(served, modified, cache.basePath(), List.copyOf(roots), null));
    builds.incrementAndGet();
    lastChanged = changed.size();
    {
      String base = cache.basePath();
      List<String> css = changed.stream().filter(p -> p.endsWith(".css")).map(p -> base + p).toList();
      Set<String> pages = new LinkedHashSet<>();
      for (String p : changed) {
        if (!p.endsWith(".css")) {
          pages.add(pageUrl(base, p));
        }
      }
      // pages that showed the error page of a failed first build reload either way
      boolean all = pages.size() > MAX_LISTED_PAGES || (wasBroken && wasEmpty);
      return () -> live.built(all ? List.of() : List.copyOf(pages), css, all);
    }
  }

  /** The address a page is shown at, as live reload names it: a folder's index by the folder. */
  private static String pageUrl(String base, String file) {
    return base + (file.endsWith("index.html") ? file.substring(0, file.length() - "index.html".length()) : file);
  }

  private static boolean same(Output old, Output now, Set<Path> changedSources) {
    if (old == null) {
      return false;
    }
    if (old == now) {
      return true;
    }
    if (old.bytes() != null && now.bytes() != null) {
      return Arrays.equals(old.bytes(), now.bytes());
    }
    if (old.copyOf() != null && old.copyOf().equals(now.copyOf())) {
      Path abs = now.copyOf().toAbsolutePath().normalize();
      return changedSources.stream().noneMatch(abs::startsWith);
    }
    return false;
  }

  private static Path realPath(Path p) {
    try {
      return Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** Stops watching and serving; open pages see their event stream end. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (watcher != null) {
      watcher.close();
    }
    if (loop != null) {
      loop.interrupt();
    }
    live.close();
    http.stop(0);
    pool.shutdownNow();
  }
}
