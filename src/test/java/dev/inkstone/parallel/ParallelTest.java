package dev.inkstone.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void everyIndexIsVisitedOnce() {
    for (int n : new int[] {0, 1, 2, 17, 1000, 10_001}) {
      AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(1, n));
      Parallel.forEach(n, i -> seen.incrementAndGet(i));
      for (int i = 0; i < n; i++) {
        assertThat(seen.get(i)).as("index %d of %d", i, n).isEqualTo(1);
      }
    }
  }

  @Test
  void mapKeepsIndexOrder() {
    List<String> out = Parallel.map(5000, i -> "item " + i);
    assertThat(out).containsExactlyElementsOf(IntStream.range(0, 5000).mapToObj(i -> "item " + i).toList());
  }

  @Test
  void theWorkIsSharedWithThePool() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Parallel.forEach(2000, i -> {
      threads.add(Thread.currentThread());
      busy();
    });
    assertThat(threads).contains(Thread.currentThread());
    if (Runtime.getRuntime().availableProcessors() > 1) {
      assertThat(threads).hasSizeGreaterThan(1);
    }
  }

  @Test
  void theFirstFailureIsThrownAsItWas() {
    IllegalStateException boom = new IllegalStateException("post 700 is broken");
    assertThatThrownBy(() -> Parallel.forEach(2000, i -> {
      if (i == 700) {
        throw boom;
      }
    })).isSameAs(boom);
  }

  @Test
  void aCallerDoesNotWaitForAWorkerBusyElsewhere() throws InterruptedException {
    // every worker of the pool is held up until the loop is over: the caller does every index
    // itself instead of waiting for one of them
    int workers = ForkJoinPool.getCommonPoolParallelism();
    CountDownLatch loopDone = new CountDownLatch(1);
    CountDownLatch held = new CountDownLatch(workers);
    List<CompletableFuture<Void>> blockers = IntStream.range(0, workers).mapToObj(w -> CompletableFuture.runAsync(() -> {
      held.countDown();
      try {
        loopDone.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })).toList();
    try {
      assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
      AtomicIntegerArray seen = new AtomicIntegerArray(500);
      Parallel.forEach(500, seen::incrementAndGet);
      for (int i = 0; i < 500; i++) {
        assertThat(seen.get(i)).isEqualTo(1);
      }
    } finally {
      loopDone.countDown();
      blockers.forEach(CompletableFuture::join);
    }
  }

  @Test
  void loopsNestWithoutWaitingForEachOther() {
    AtomicIntegerArray seen = new AtomicIntegerArray(100 * 50);
    Parallel.forEach(100, i -> Parallel.forEach(50, j -> seen.incrementAndGet(i * 50 + j)));
    for (int k = 0; k < seen.length(); k++) {
      assertThat(seen.get(k)).isEqualTo(1);
    }
  }

  private static void busy() {
    long x = 0;
    for (int k = 0; k < 20_000; k++) {
      x += k * 31L ^ x;
    }
    if (x == 42) {
      throw new AssertionError();
    }
  }
}
