package dev.inkstone.template;

import dev.inkstone.related.LongIntMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the search terms of one post at a time as 64-bit keys instead of strings. Chinese text
 * yields a bigram at nearly every character, and making, hashing and boxing a string for each
 * was most of what the search index cost. A CJK term's key holds its code points, so it needs no
 * string until the index is written; a word's key is a hash, so each distinct word of a post
 * keeps its string and the index checks it. Reused by one thread, post after post.
 */
final class SearchTermCounter {
  private static final long ONE_CJK = 1L << 62;
  private static final long TWO_CJK = 2L << 62;
  private static final long WORD = 3L << 62;
  private static final long LOW_62 = (1L << 62) - 1;

  /** One post's distinct terms: key, score, and the word itself for keys that are hashes. */
  record Counted(long[] keys, int[] scores, String[] words) {}

  private final SearchTokens.Spans spans = new SearchTokens.Spans();
  private final LongIntMap slots = new LongIntMap(4096);
  private long[] keys = new long[4096];
  private int[] scores = new int[4096];
  private String[] words = new String[4096];
  private int[] marks = new int[4096];
  private int mark;
  /** Words of this post whose key an earlier word of it holds; almost always empty. */
  private final Map<String, int[]> clashes = new LinkedHashMap<>();
  private final Map<String, Integer> clashMarks = new HashMap<>();

  void start() {
    slots.clear();
    clashes.clear();
    clashMarks.clear();
  }

  /** Adds one for every use of a term in {@code text}, up to {@code cap} per term. */
  void addEach(String text, int cap) {
    String s = spans.cut(text);
    for (int t = 0; t < spans.count; t++) {
      int start = spans.start(t);
      int end = spans.end(t);
      int at = slot(spans.key(t), s, start, end);
      if (at >= 0) {
        scores[at] = Math.min(cap, scores[at] + 1);
      } else {
        int[] score = clash(s.substring(start, end));
        score[0] = Math.min(cap, score[0] + 1);
      }
    }
  }

  /** Adds {@code weight} once for every distinct term found in any of {@code texts}. */
  void addOnce(List<String> texts, int weight) {
    int current = ++mark;
    for (String text : texts) {
      String s = spans.cut(text);
      for (int t = 0; t < spans.count; t++) {
        int start = spans.start(t);
        int end = spans.end(t);
        int at = slot(spans.key(t), s, start, end);
        if (at < 0) {
          // rare: such a word is counted in maps of its own
          clashOnce(s.substring(start, end), current, weight);
        } else if (marks[at] != current) {
          marks[at] = current;
          scores[at] += weight;
        }
      }
    }
  }

  private void clashOnce(String word, int current, int weight) {
    if (!Integer.valueOf(current).equals(clashMarks.put(word, current))) {
      clash(word)[0] += weight;
    }
  }

  private int[] clash(String word) {
    return clashes.computeIfAbsent(word, w -> new int[1]);
  }

  Counted counted() {
    int size = slots.size();
    int total = size + clashes.size();
    long[] k = Arrays.copyOf(keys, total);
    int[] sc = Arrays.copyOf(scores, total);
    String[] w = Arrays.copyOf(words, total);
    int i = size;
    for (Map.Entry<String, int[]> e : clashes.entrySet()) {
      k[i] = key(e.getKey(), 0, e.getKey().length());
      sc[i] = e.getValue()[0];
      w[i++] = e.getKey();
    }
    return new Counted(k, sc, w);
  }

  /** The slot of the term {@code s[start, end)} of that key, made if new; -1 if another word holds its key. */
  private int slot(long key, String s, int start, int end) {
    int before = slots.size();
    int at = slots.getOrAdd(key);
    if (at == before) {
      if (at == keys.length) {
        grow();
      }
      keys[at] = key;
      scores[at] = 0;
      marks[at] = 0;
      words[at] = isWord(key) ? s.substring(start, end) : null;
      return at;
    }
    String word = words[at];
    if (word != null && !(word.length() == end - start && s.startsWith(word, start))) {
      return -1;
    }
    return at;
  }

  private void grow() {
    int length = keys.length * 2;
    keys = Arrays.copyOf(keys, length);
    scores = Arrays.copyOf(scores, length);
    words = Arrays.copyOf(words, length);
    marks = Arrays.copyOf(marks, length);
  }

  static boolean isWord(long key) {
    return (key & WORD) == WORD;
  }

  /** A CJK term is one or two code points, kept in the key; a word is a 62-bit hash. */
  static long key(String s, int start, int end) {
    int first = s.codePointAt(start);
    if (SearchTokens.isCjk(first)) {
      int next = start + Character.charCount(first);
      return next >= end ? cjkKey(first) : cjkKey(first, s.codePointAt(next));
    }
    long hash = WORD_HASH_START;
    for (int i = start; i < end; i++) {
      hash = wordHash(hash, s.charAt(i));
    }
    return wordKey(hash);
  }

  static long cjkKey(int only) {
    return ONE_CJK | only;
  }

  static long cjkKey(int first, int second) {
    return TWO_CJK | ((long) first << 21) | second;
  }

  /** FNV-1a over a word's UTF-16 units: start, one step per unit, then {@link #wordKey}. */
  static final long WORD_HASH_START = 0xcbf29ce484222325L;

  static long wordHash(long hash, char c) {
    return (hash ^ c) * 0x100000001b3L;
  }

  static long wordKey(long hash) {
    return WORD | (LongIntMap.mix(hash) & LOW_62);
  }

  /** The term of a CJK key. */
  static String cjkTerm(long key) {
    StringBuilder term = new StringBuilder(4);
    if ((key & WORD) == TWO_CJK) {
      term.appendCodePoint((int) ((key >>> 21) & 0x1FFFFF));
    }
    return term.appendCodePoint((int) (key & 0x1FFFFF)).toString();
  }
}
