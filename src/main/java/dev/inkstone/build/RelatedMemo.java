package dev.inkstone.build;

import dev.inkstone.related.RelatedInput;
import dev.inkstone.related.RelatedPosts;
import dev.inkstone.site.Page;
import dev.inkstone.site.RelatedSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Related posts for a preview server. Unchanged inputs give the last result. On a large blog a
 * changed input gives, at once, each post's previous list (followed by path, so reordering is
 * harmless) and marks the answer stale, while the exact lists are computed on a background
 * thread; once they are {@link #ready}, the server builds again and they are used. Related posts
 * weigh every post against every other, which takes seconds at 10,000 posts: too long to wait
 * for before showing an edit, and too long to hold up the next save.
 */
final class RelatedMemo implements RelatedSource {
  /** Below this many posts the exact computation is fast enough to do at once. */
  static final int APPROXIMATE_FROM = 300;

  private record Pending(List<RelatedInput> inputs, List<java.nio.file.Path> paths, int k, CompletableFuture<List<List<Integer>>> result,
      java.util.concurrent.atomic.AtomicBoolean started) {
    boolean isFor(List<RelatedInput> in, List<java.nio.file.Path> p, int kk) {
      return k == kk && paths.equals(p) && inputs.equals(in);
    }
  }

  private List<RelatedInput> lastInputs;
  private List<java.nio.file.Path> lastPaths;
  private List<List<Integer>> lastResult;
  private int lastK;
  private boolean stale;
  private volatile Pending pending;
  private ExecutorService background;
  boolean exact;

  boolean stale() {
    return stale;
  }

  /** Whether the exact lists a stale answer waits for are computed. */
  boolean ready() {
    Pending p = pending;
    return p != null && p.result().isDone();
  }

  @Override
  public List<List<Integer>> related(List<Page> posts, List<RelatedInput> inputs, int k) {
    List<java.nio.file.Path> paths = posts.stream().map(p -> p.doc().source().path()).toList();
    if (lastResult != null && k == lastK && paths.equals(lastPaths) && inputs.equals(lastInputs)) {
      stale = false;
      return lastResult;
    }
    Pending p = pending;
    if (p != null && p.result().isDone() && p.isFor(inputs, paths, k)) {
      pending = null;
      List<List<Integer>> result = p.result().exceptionally(e -> null).join();
      // a failed background computation is done here instead: waiting for it would be forever
      return install(List.copyOf(inputs), paths, k, result != null ? result : RelatedPosts.compute(inputs, k));
    }
    if (exact || lastResult == null || posts.size() < APPROXIMATE_FROM) {
      return install(List.copyOf(inputs), paths, k, RelatedPosts.compute(inputs, k));
    }
    if (p == null || !p.isFor(inputs, paths, k)) {
      pending = new Pending(List.copyOf(inputs), paths, k, new CompletableFuture<>(), new java.util.concurrent.atomic.AtomicBoolean());
    }
    stale = true;
    return approximate(paths);
  }

  /**
   * Starts computing the exact lists a stale answer waits for, on a background thread. The
   * server calls it once saves have paused: the computation takes every core for seconds.
   */
  void start() {
    Pending next = pending;
    if (next == null || !next.started().compareAndSet(false, true)) {
      return;
    }
    executor().execute(() -> {
      if (pending != next) {
        next.result().cancel(false); // a later edit made this one moot
        return;
      }
      try {
        next.result().complete(RelatedPosts.compute(next.inputs(), next.k()));
      } catch (RuntimeException | Error e) {
        next.result().completeExceptionally(e); // the next rebuild computes them itself
      }
    });
  }

  private List<List<Integer>> install(List<RelatedInput> inputs, List<java.nio.file.Path> paths, int k, List<List<Integer>> result) {
    lastInputs = inputs;
    lastPaths = paths;
    lastK = k;
    lastResult = result;
    stale = false;
    return result;
  }

  private synchronized ExecutorService executor() {
    if (background == null) {
      background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inkstone-related");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
      });
    }
    return background;
  }

  private List<List<Integer>> approximate(List<java.nio.file.Path> paths) {
    if (paths.equals(lastPaths)) {
      return lastResult; // the same posts in the same order: the lists stand as they were
    }
    Map<java.nio.file.Path, Integer> now = new HashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      now.put(paths.get(i), i);
    }
    Map<java.nio.file.Path, Integer> before = new HashMap<>();
    for (int i = 0; i < lastPaths.size(); i++) {
      before.put(lastPaths.get(i), i);
    }
    List<List<Integer>> out = new ArrayList<>(paths.size());
    for (java.nio.file.Path path : paths) {
      Integer j = before.get(path);
      List<Integer> list = new ArrayList<>();
      if (j != null) {
        for (int r : lastResult.get(j)) {
          Integer i = now.get(lastPaths.get(r));
          if (i != null) {
            list.add(i);
          }
        }
      }
      out.add(List.copyOf(list));
    }
    return out;
  }
}
