package dev.inkstone.related;

import java.util.Arrays;

/**
 * Open-addressing map from non-zero {@code long} keys to dense ids {@code 0..size-1}, handed out
 * in insertion order. Boxed maps cost several times the memory at a million terms.
 *
 * <p>Reads are safe from many threads once writing has stopped.
 */
final class LongIntMap {

  private long[] keys;
  private int[] ids;
  private int mask;
  private int size;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    ids = new int[capacity];
    mask = capacity - 1;
  }

  int size() {
    return size;
  }

  /** The id of {@code key}, or -1. */
  int get(long key) {
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
      long k = keys[slot];
      if (k == key) {
        return ids[slot];
      }
      if (k == 0) {
        return -1;
      }
    }
  }

  /** The id of {@code key}, which gets the next free id if it is new. */
  int getOrAdd(long key) {
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
      long k = keys[slot];
      if (k == key) {
        return ids[slot];
      }
      if (k == 0) {
        keys[slot] = key;
        ids[slot] = size;
        if (++size * 2 > keys.length) {
          grow();
        }
        return size - 1;
      }
    }
  }

  /** Forgets every key but keeps the table, for reuse by one thread. */
  void clear() {
    if (size > 0) {
      Arrays.fill(keys, 0L);
      size = 0;
    }
  }

  private int slot(long key) {
    return (int) Tokenizer.mix(key) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slot(oldKeys[i]);
        while (keys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        ids[slot] = oldIds[i];
      }
    }
  }
}
