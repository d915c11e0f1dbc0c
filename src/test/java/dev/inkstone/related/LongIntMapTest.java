package dev.inkstone.related;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongIntMapTest {

  @Test
  void idsAndCountersSurviveManyGrowths() {
    LongIntMap map = new LongIntMap(4);
    for (long key = 1; key <= 100_000; key++) {
      map.increment(key);
      map.increment(key);
    }
    assertThat(map.size()).isEqualTo(100_000);
    for (long key = 1; key <= 100_000; key += 997) {
      long entry = map.entry(key);
      assertThat((int) entry).as("id of %d", key).isEqualTo(key - 1);
      assertThat(entry >>> 32).as("count of %d", key).isEqualTo(2);
    }
    assertThat(map.get(100_001)).isEqualTo(-1);
  }

  @Test
  void clearingForgetsKeysAndRestartsIds() {
    LongIntMap map = new LongIntMap(4);
    map.getOrAdd(7);
    map.getOrAdd(9);
    map.clear();
    assertThat(map.get(7)).isEqualTo(-1);
    assertThat(map.getOrAdd(9)).isZero();
  }
}
