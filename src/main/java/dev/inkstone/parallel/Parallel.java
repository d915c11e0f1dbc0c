package dev.inkstone.parallel;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * A loop over {@code 0 .. n-1} on the calling thread and the common pool's workers, which take
 * the next few indexes whenever they are free. A parallel stream cuts its range into four times
 * as many pieces as the pool has workers, and on two cores that is one worker: four pieces of
 * 2,500 posts at 10,000. A worker busy elsewhere (the search index is made beside the pages)
 * takes a quarter of the posts when it comes back, and the calling thread then waits, its own
 * pieces done, while that quarter is rendered on one core. Here the last to finish ends at most
 * a few items after the other.
 *
 * <p>The caller does not wait for a worker that has not begun (it would wait for whatever that
 * worker is busy with); it waits for those that took indexes to finish them. The first exception
 * thrown stops the handing out and is thrown to the caller, as a parallel stream does.
 */
public final class Parallel {
  private Parallel() {}

  /** Calls {@code action} once for each index, on all cores, in no particular order. */
  public static void forEach(int n, IntConsumer action) {
    if (n <= 0) {
      return;
    }
    new Loop(n, action).run();
  }

  /** {@code f(0) .. f(n-1)}, computed on all cores, in index order. */
  public static <T> List<T> map(int n, IntFunction<T> f) {
    @SuppressWarnings("unchecked")
    T[] out = (T[]) new Object[Math.max(0, n)];
    forEach(n, i -> out[i] = f.apply(i));
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  private static final class Loop {
    private final int n;
    private final int block;
    private final IntConsumer action;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private int running;
    private boolean closed;

    Loop(int n, IntConsumer action) {
      this.n = n;
      this.action = action;
      int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
      // small enough that the threads end together, large enough that taking one costs nothing
      this.block = Math.max(1, Math.min(16, n / (threads * 64)));
    }

    void run() {
      int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), (n - 1) / block);
      for (int h = 0; h < helpers; h++) {
        ForkJoinPool.commonPool().execute(this::help);
      }
      drain();
      boolean interrupted = false;
      synchronized (this) {
        closed = true;
        while (running > 0) {
          try {
            wait();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      Throwable t = failure.get();
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
    }

    private void help() {
      synchronized (this) {
        if (closed) {
          return;
        }
        running++;
      }
      try {
        drain();
      } finally {
        synchronized (this) {
          running--;
          notifyAll();
        }
      }
    }

    private void drain() {
      try {
        for (int from; (from = next.getAndAdd(block)) < n; ) {
          for (int i = from, to = Math.min(n, from + block); i < to; i++) {
            action.accept(i);
          }
        }
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
        next.set(n);
      }
    }
  }
}
