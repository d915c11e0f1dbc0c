package dev.inkstone.related;

import java.util.Arrays;

/**
 * Open-addressing map from non-zero {@code long} keys to dense ids {@code 0..size-1}, handed out
 * in insertion order, each with a counter. Boxed maps cost several times the memory at a million
 * terms.
 *
 * <p>Key, id and counter share one slot of two longs, so a lookup in a table far larger than the
 * cache costs one miss instead of three; with millions of terms that miss is what lookups cost.
 * Reads are safe from many threads once writing has stopped.
 */
public final class LongIntMap {

  private long[] table;
  private int mask;
  private int size;

  public LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    table = new long[capacity * 2];
    mask = capacity - 1;
  }

  public int size() {
    return size;
  }

  /** The id of {@code key}, or -1. */
  public int get(long key) {
    long entry = entry(key);
    return entry < 0 ? -1 : (int) entry;
  }

  /** The id of {@code key} in the low 32 bits and its counter in the high ones, or -1. */
  long entry(long key) {
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
      long k = table[2 * slot];
      if (k == key) {
        return table[2 * slot + 1];
      }
      if (k == 0) {
        return -1;
      }
    }
  }

  /** The id of {@code key}, which gets the next free id if it is new. */
  public int getOrAdd(long key) {
    // Not inlined: findOrAdd may replace the table, and Java reads the array reference first.
    int slot = findOrAdd(key);
    return (int) table[2 * slot + 1];
  }

  /** Adds one to the counter of {@code key}, adding the key if it is new. */
  void increment(long key) {
    int slot = findOrAdd(key);
    table[2 * slot + 1] += 1L << 32;
  }

  /** Forgets every key but keeps the table, for reuse by one thread. */
  public void clear() {
    if (size > 0) {
      Arrays.fill(table, 0L);
      size = 0;
    }
  }

  private int findOrAdd(long key) {
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
      long k = table[2 * slot];
      if (k == key) {
        return slot;
      }
      if (k == 0) {
        if ((size + 1) * 2 > mask + 1) {
          grow();
          return findOrAdd(key);
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = size++;
        return slot;
      }
    }
  }

  private int slot(long key) {
    return (int) mix(key) & mask;
  }

  /**
   * Murmur's fmix64: spreads every bit of {@code h} over all 64. Also finishes FNV hashes of
   * words, which alone spread short words badly over the high bits.
   */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    mask = old.length - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        int slot = slot(old[i]);
        while (table[2 * slot] != 0) {
          slot = (slot + 1) & mask;
        }
        table[2 * slot] = old[i];
        table[2 * slot + 1] = old[i + 1];
      }
    }
  }
}
