package dev.inkstone.serve;

import dev.inkstone.source.BlogFolder;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches the blog's {@code content/} and theme folders recursively (directory-watcher, which
 * also registers folders created later and sees the files inside them) and the blog folder
 * itself, flat, for a {@code site.yaml} beside {@code content/}. Changed paths pile up until the
 * rebuild loop takes them; {@link #take} waits until the burst of events one save makes is over.
 */
final class FolderWatcher implements AutoCloseable {
  /** Quiet time that ends a burst: editors write a temp file, rename it and touch it within a few ms. */
  static final long QUIET_MILLIS = 4;
  /** A burst never holds a rebuild back longer than this. */
  static final long MAX_WAIT_MILLIS = 150;

  private DirectoryWatcher tree;
  private final List<Path> trees;
  private final WatchService flat;
  private final Path root;
  private final Set<Path> pending = new LinkedHashSet<>();
  private long lastEvent;
  private volatile boolean closed;

  FolderWatcher(Path root, List<Path> trees) throws IOException {
    this.root = root;
    this.trees = trees;
    this.tree = treeWatcher();
    this.flat = FileSystems.getDefault().newWatchService();
    root.register(flat, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
  }

  private DirectoryWatcher treeWatcher() throws IOException {
    return DirectoryWatcher.builder().paths(trees.stream().filter(Files::isDirectory).toList()).fileHashing(false)
        .listener(this::onEvent).build();
  }

  /** A watched folder ({@code themes/}) created after the start: watch the trees again, with it. */
  private synchronized void rewatch(Path created) {
    if (closed) {
      return;
    }
    try {
      tree.close();
      tree = treeWatcher();
      tree.watchAsync();
    } catch (IOException e) {
      // keep what is watched
    }
    // saves made while the watchers were swapped went unseen: look at everything
    changed(created);
    changed(root.resolve("content"));
  }

  void start() {
    tree.watchAsync();
    Thread t = new Thread(this::watchRoot, "inkstone-watch-root");
    t.setDaemon(true);
    t.start();
  }

  private void onEvent(DirectoryChangeEvent e) {
    if (e.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
      // events were lost: look at everything again
      changed(root.resolve("content"));
      return;
    }
    if (e.path() != null && e.path().getFileName() != null && !BlogFolder.isIgnoredName(e.path().getFileName().toString())) {
      changed(e.path());
    }
  }

  private void watchRoot() {
    while (!closed) {
      WatchKey key;
      try {
        key = flat.take();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      for (WatchEvent<?> e : key.pollEvents()) {
        if (e.context() instanceof Path name) {
          String n = name.toString();
          if (n.equals("site.yaml") || n.equals("site.yml")) {
            changed(root.resolve(name));
          } else if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && trees.contains(root.resolve(name)) && Files.isDirectory(root.resolve(name))) {
            rewatch(root.resolve(name));
          }
        }
      }
      key.reset();
    }
  }

  private synchronized void changed(Path p) {
    pending.add(p.toAbsolutePath().normalize());
    lastEvent = System.nanoTime();
    notifyAll();
  }

  /** Whether a change waits to be taken. */
  synchronized boolean hasPending() {
    return !pending.isEmpty();
  }

  /**
   * Waits up to {@code timeoutMillis} for a change, then for the burst to end, and returns every
   * path changed meanwhile; empty when nothing changed in time.
   */
  synchronized Set<Path> take(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (pending.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || closed) {
        return Set.of();
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    long first = System.nanoTime();
    while (true) {
      long quietEnds = lastEvent + TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS);
      long cap = first + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
      long wait = Math.min(quietEnds, cap) - System.nanoTime();
      if (wait <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, wait);
    }
    Set<Path> out = new LinkedHashSet<>(pending);
    pending.clear();
    return out;
  }

  @Override
  public void close() {
    closed = true;
    try {
      tree.close();
    } catch (IOException e) {
      // closing anyway
    }
    try {
      flat.close();
    } catch (IOException e) {
      // closing anyway
    }
    synchronized (this) {
      notifyAll();
    }
  }
}
