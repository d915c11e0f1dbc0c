package dev.inkstone.related;

import dev.inkstone.text.CharClass;
import java.util.Arrays;

/**
 * Turns mixed Chinese and English text into 64-bit term keys without allocating per token.
 *
 * <p>Keys rather than strings keep the dictionary and the per-post counting primitive, which is
 * what makes 100,000 posts fit. Han bigrams and unigrams are encoded exactly; a Latin word is a
 * 62-bit hash of its lower-cased code points, where a collision would merely merge two words.
 */
final class Tokenizer {

  private static final long HAN_BIGRAM = 1L << 62;
  private static final long HAN_UNIGRAM = 2L << 62;
  private static final long WORD = 3L << 62;
  private static final long LOW_62 = (1L << 62) - 1;

  /** Single letters and pure numbers say nothing about a topic; two letters ("go", "ai") do. */
  private static final int MIN_WORD_LENGTH = 2;

  private static final String[] STOP_WORDS = {
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because",
    "been", "but", "by", "can", "could", "did", "do", "does", "each", "for", "from", "had", "has",
    "have", "he", "her", "his", "how", "if", "in", "into", "is", "it", "its", "just", "may", "me",
    "more", "most", "my", "no", "not", "of", "on", "one", "only", "or", "other", "our", "out",
    "over", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "to", "up", "us", "use", "used", "using", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with",
    "would", "you", "your"
  };

  private static final long[] STOP_KEYS;

  static {
    STOP_KEYS = new long[STOP_WORDS.length];
    for (int i = 0; i < STOP_WORDS.length; i++) {
      STOP_KEYS[i] = wordKey(STOP_WORDS[i]);
    }
    Arrays.sort(STOP_KEYS);
  }

  private Tokenizer() {}

  /** A growable list of keys, reused across posts by one thread. */
  static final class Keys {
    long[] keys = new long[1024];
    int size;

    void add(long key) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
      }
      keys[size++] = key;
    }

    void clear() {
      size = 0;
    }
  }

  /** Appends the terms of {@code text} to {@code out}, in the order they occur. */
  static void tokenize(String text, Keys out) {
    int n = text.length();
    int i = 0;
    int prevHan = -1;
    int runLength = 0;
    while (i < n) {
      char c = text.charAt(i);
      int cp = Character.isSurrogate(c) ? text.codePointAt(i) : c;
      if (isHan(cp)) {
        i += Character.charCount(cp);
        if (isParticle(cp)) {
          // A bigram spanning 的 or 了 ("务的", "的熔") is noise that only dilutes the vector.
          if (runLength == 1) {
            out.add(HAN_UNIGRAM | prevHan);
          }
          runLength = 0;
          prevHan = -1;
          continue;
        }
        if (prevHan >= 0) {
          out.add(HAN_BIGRAM | ((long) prevHan << 21) | cp);
        }
        prevHan = cp;
        runLength++;
        continue;
      }
      if (runLength == 1) {
        out.add(HAN_UNIGRAM | prevHan);
      }
      runLength = 0;
      prevHan = -1;
      if (!CharClass.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      long hash = FNV_OFFSET;
      int length = 0;
      boolean allDigits = true;
      while (i < n) {
        c = text.charAt(i);
        cp = Character.isSurrogate(c) ? text.codePointAt(i) : c;
        if (!CharClass.isLetterOrDigit(cp) || isHan(cp)) {
          break;
        }
        hash = (hash ^ toLowerCase(cp)) * FNV_PRIME;
        length++;
        allDigits &= cp < 128 ? cp <= '9' : Character.isDigit(cp);
        i += Character.charCount(cp);
      }
      if (length >= MIN_WORD_LENGTH && !allDigits) {
        long key = WORD | (LongIntMap.mix(hash) & LOW_62);
        if (Arrays.binarySearch(STOP_KEYS, key) < 0) {
          out.add(key);
        }
      }
    }
    if (runLength == 1) {
      out.add(HAN_UNIGRAM | prevHan);
    }
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /**
   * The key of one already-split word. Lower-casing per code point is what {@code
   * toLowerCase(Locale.ROOT)} does apart from context-dependent cases (final sigma), and is the
   * same for every post, which is all matching needs.
   */
  static long wordKey(String word) {
    long hash = FNV_OFFSET;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      hash = (hash ^ toLowerCase(cp)) * FNV_PRIME;
      i += Character.charCount(cp);
    }
    return WORD | (LongIntMap.mix(hash) & LOW_62);
  }

  /** The key of a Han bigram, for tests. */
  static long hanBigramKey(int first, int second) {
    return HAN_BIGRAM | ((long) first << 21) | second;
  }

  /** The key of a lone Han character, for tests. */
  static long hanUnigramKey(int cp) {
    return HAN_UNIGRAM | cp;
  }

  // ASCII answers without Character's tables, which were a tenth of tokenising.

  private static int toLowerCase(int cp) {
    if (cp < 128) {
      return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    }
    return Character.toLowerCase(cp);
  }

  static boolean isHan(int cp) {
    // The script lookup is a binary search; nearly all Latin text never reaches it.
    return cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  /** Grammatical particles that are almost never part of a technical term. */
  private static boolean isParticle(int cp) {
    return cp == '的' || cp == '了' || cp == '着' || cp == '吗' || cp == '呢' || cp == '吧'
        || cp == '啊';
  }
}
