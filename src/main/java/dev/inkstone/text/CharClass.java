package dev.inkstone.text;

/**
 * Character tests asked of every character of every post, several times a build: ASCII is
 * answered by comparisons, as {@link Character}'s own tests go through lookup tables.
 */
public final class CharClass {
  private CharClass() {}

  /** {@link Character#isLetterOrDigit(int)}, quick for ASCII. */
  public static boolean isLetterOrDigit(int cp) {
    if (cp < 128) {
      int lower = cp | 0x20;
      return lower >= 'a' && lower <= 'z' || cp >= '0' && cp <= '9';
    }
    return Character.isLetterOrDigit(cp);
  }
}
