package dev.inkstone.text;

import java.util.Locale;

/**
 * {@code text.toLowerCase(Locale.ROOT)}, the same string, sooner for Chinese text. The JDK looks
 * every character of a two-byte string up in {@link Character}'s tables once it has met one
 * upper-case letter, and a post's "Java" or "SQL" comes early: for a Chinese post that was most
 * of the search index's lower-casing. Here ASCII is mapped by comparison and unified ideographs
 * are passed over; a character whose lower case depends on its neighbours or is longer than
 * itself (Σ, İ), or a surrogate, hands the whole text to the JDK.
 */
public final class LowerCase {
  private LowerCase() {}

  public static String root(String text) {
    int n = text.length();
    char[] out = null;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      char lower;
      if (c < 0x80) {
        lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      } else if (c >= 0x4E00 && c <= 0x9FFF) {
        continue;
      } else if (c == 0x130 || c == 0x3A3 || Character.isSurrogate(c)) {
        return text.toLowerCase(Locale.ROOT);
      } else {
        lower = Character.toLowerCase(c);
      }
      if (lower != c && out == null) {
        out = text.toCharArray();
      }
      if (out != null) {
        out[i] = lower;
      }
    }
    return out == null ? text : new String(out);
  }
}
