package dev.inkstone.template;

import dev.inkstone.text.CharClass;
import dev.inkstone.text.LowerCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Splits text into search terms, the same way {@code js/search.js} splits a query: lower-cased
 * Latin words and numbers of two or more characters (common English words left out), and runs of
 * Chinese, Japanese or Korean characters cut into overlapping bigrams ({@code 微服务} → {@code 微服},
 * {@code 服务}); a lone CJK character is a term of its own. Bigrams need no dictionary, so the
 * browser can cut a query exactly as the build cut the posts.
 */
final class SearchTokens {
  private SearchTokens() {}

  static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its",
      "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "will", "with");

  /** The stop words by their first letter, {@code a} to {@code z}. */
  private static final String[][] STOP_WORDS_BY_LETTER = new String[26][];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      char first = c;
      STOP_WORDS_BY_LETTER[c - 'a'] = STOP_WORDS.stream().filter(w -> w.charAt(0) == first).sorted().toArray(String[]::new);
    }
  }

  /** Every term of {@code text} in order, repeats included. */
  static List<String> of(String text) {
    Spans spans = new Spans();
    String lower = spans.cut(text);
    List<String> out = new ArrayList<>(spans.count);
    for (int t = 0; t < spans.count; t++) {
      out.add(lower.substring(spans.start(t), spans.end(t)));
    }
    return out;
  }

  /**
   * The terms of one text as pieces {@code [start, end)} of its lower-cased form, each with its
   * {@link SearchTermCounter#key key}, kept in arrays reused text after text: a call per term to a
   * receiver is what the quick compiler, early in a build, cannot inline, and the key is cheapest
   * made while the characters pass by.
   */
  static final class Spans {
    private int[] bounds = new int[2048];
    private long[] keys = new long[1024];
    int count;

    int start(int t) {
      return bounds[2 * t];
    }

    int end(int t) {
      return bounds[2 * t + 1];
    }

    long key(int t) {
      return keys[t];
    }

    private void add(int start, int end, long key) {
      if (count == keys.length) {
        bounds = Arrays.copyOf(bounds, bounds.length * 2);
        keys = Arrays.copyOf(keys, keys.length * 2);
      }
      bounds[2 * count] = start;
      bounds[2 * count + 1] = end;
      keys[count] = key;
      count++;
    }

    /** Cuts {@code text} into its terms; returns the lower-cased text they are pieces of. */
    String cut(String text) {
      count = 0;
      String s = LowerCase.root(text);
      int n = s.length();
      int i = 0;
      while (i < n) {
        // Each character is read once: cp is the one at i, next is where the one after starts.
        int cp = codePointAt(s, i);
        int next = cp > 0xFFFF ? i + 2 : i + 1;
        if (isCjk(cp)) {
          int start = i;
          int prev = -1; // where the previous character starts: a bigram is a piece of s
          int prevCp = 0;
          int length = 0;
          while (true) {
            if (prev >= 0) {
              add(prev, next, SearchTermCounter.cjkKey(prevCp, cp));
            }
            prev = i;
            prevCp = cp;
            length++;
            i = next;
            if (i >= n || !isCjk(cp = codePointAt(s, i))) {
              break;
            }
            next = cp > 0xFFFF ? i + 2 : i + 1;
          }
          if (length == 1) {
            add(start, i, SearchTermCounter.cjkKey(prevCp));
          }
        } else if (CharClass.isLetterOrDigit(cp)) {
          int start = i;
          int length = 0;
          long hash = SearchTermCounter.WORD_HASH_START;
          while (true) {
            length++;
            hash = SearchTermCounter.wordHash(hash, s.charAt(i));
            if (next > i + 1) {
              hash = SearchTermCounter.wordHash(hash, s.charAt(i + 1));
            }
            i = next;
            if (i >= n || !CharClass.isLetterOrDigit(cp = codePointAt(s, i)) || isCjk(cp)) {
              break;
            }
            next = cp > 0xFFFF ? i + 2 : i + 1;
          }
          if (length >= 2 && !isStopWord(s, start, i)) {
            add(start, i, SearchTermCounter.wordKey(hash));
          }
        } else {
          i = next;
        }
      }
      return s;
    }

    /** {@link String#codePointAt}, reading one char where there is no surrogate pair. */
    private static int codePointAt(String s, int i) {
      char c = s.charAt(i);
      return Character.isHighSurrogate(c) ? s.codePointAt(i) : c;
    }
  }

  /** Whether {@code s[start, end)} is a stop word, found without making a string of it. */
  private static boolean isStopWord(String s, int start, int end) {
    char first = s.charAt(start);
    if (first < 'a' || first > 'z') {
      return false;
    }
    int length = end - start;
    for (String word : STOP_WORDS_BY_LETTER[first - 'a']) {
      if (word.length() == length && s.regionMatches(start, word, 0, length)) {
        return true;
      }
    }
    return false;
  }

  static boolean isCjk(int cp) {
    // The script lookup is a binary search: answer the common ranges first, Chinese text's
    // punctuation (U+3000 to U+30FF, U+FF00 to U+FFEF) from a table made once.
    if (cp < 0x1100) {
      return false;
    }
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      return true;
    }
    if (cp >= 0x3000 && cp <= 0x30FF) {
      return PUNCTUATION_AND_KANA[cp - 0x3000];
    }
    if (cp >= 0xFF00 && cp <= 0xFFEF) {
      return FULL_WIDTH[cp - 0xFF00];
    }
    return isCjkScript(cp);
  }

  private static final boolean[] PUNCTUATION_AND_KANA = scripts(0x3000, 0x30FF);
  private static final boolean[] FULL_WIDTH = scripts(0xFF00, 0xFFEF);

  private static boolean[] scripts(int from, int to) {
    boolean[] cjk = new boolean[to - from + 1];
    for (int cp = from; cp <= to; cp++) {
      cjk[cp - from] = isCjkScript(cp);
    }
    return cjk;
  }

  static boolean isCjkScript(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
  }

  /** FNV-1a over the UTF-16 code units: which shard holds a term. Mirrored in search.js. */
  static int hash(String term) {
    int h = 0x811c9dc5;
    for (int i = 0; i < term.length(); i++) {
      h ^= term.charAt(i);
      h *= 0x01000193;
    }
    return h;
  }
}
