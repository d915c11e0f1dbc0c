package dev.inkstone.markdown;

import java.lang.Character.UnicodeBlock;
import java.lang.Character.UnicodeScript;
import java.util.Set;

/**
 * Character classes that the Chinese, Japanese and Korean fixes of this package share.
 *
 * <p>The JDK has no East Asian Width property, which the markdown-cjk-friendly specification uses
 * to define a "CJK character" (width W, F or H and not an emoji, or Hangul). The blocks and
 * scripts below approximate it: they cover ideographs, kana, hangul, bopomofo, Yi and the
 * full-width/half-width forms and CJK punctuation blocks, and leave out the East Asian
 * "ambiguous" characters such as curly quotes, which the specification also leaves out.
 */
final class Cjk {

  private static final Set<UnicodeScript> WIDE_SCRIPTS =
      Set.of(
          UnicodeScript.HAN,
          UnicodeScript.HIRAGANA,
          UnicodeScript.KATAKANA,
          UnicodeScript.HANGUL,
          UnicodeScript.BOPOMOFO,
          UnicodeScript.YI);

  private static final Set<UnicodeBlock> WIDE_BLOCKS =
      Set.of(
          UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION,
          UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS,
          UnicodeBlock.CJK_COMPATIBILITY_FORMS,
          UnicodeBlock.VERTICAL_FORMS,
          UnicodeBlock.SMALL_FORM_VARIANTS,
          UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS,
          UnicodeBlock.CJK_COMPATIBILITY,
          UnicodeBlock.KANBUN,
          UnicodeBlock.CJK_STROKES,
          UnicodeBlock.IDEOGRAPHIC_DESCRIPTION_CHARACTERS,
          UnicodeBlock.CJK_RADICALS_SUPPLEMENT,
          UnicodeBlock.KANGXI_RADICALS,
          UnicodeBlock.HANGUL_COMPATIBILITY_JAMO,
          UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS,
          UnicodeBlock.BOPOMOFO_EXTENDED,
          UnicodeBlock.YI_SYLLABLES,
          UnicodeBlock.YI_RADICALS);

  /** Scripts whose every letter counts as one word: their writers do not separate words. */
  private static final Set<UnicodeScript> WORD_PER_CHARACTER_SCRIPTS =
      Set.of(
          UnicodeScript.HAN,
          UnicodeScript.HIRAGANA,
          UnicodeScript.KATAKANA,
          UnicodeScript.HANGUL,
          UnicodeScript.BOPOMOFO);

  private Cjk() {}

  /** A "CJK character" in the sense of the markdown-cjk-friendly specification (approximated). */
  static boolean isCjk(int codePoint) {
    if (codePoint < 0x1100) {
      // Fast path: everything below the first Hangul Jamo is Latin, Greek, Cyrillic and friends.
      return false;
    }
    if (Character.isWhitespace(codePoint) || Character.getType(codePoint) == Character.SPACE_SEPARATOR) {
      return false;
    }
    UnicodeScript script = UnicodeScript.of(codePoint);
    if (WIDE_SCRIPTS.contains(script)) {
      return true;
    }
    UnicodeBlock block = UnicodeBlock.of(codePoint);
    return block != null && WIDE_BLOCKS.contains(block);
  }

  /**
   * Whether a single UTF-16 unit, as flexmark's delimiter scanner hands it over, is CJK. A high
   * surrogate is judged by its plane (planes 2 and 3 hold only ideographs); a lone low surrogate
   * cannot be judged and counts as not CJK, which is the plain CommonMark behaviour.
   */
  static boolean isCjk(String oneChar) {
    if (oneChar == null || oneChar.isEmpty()) {
      return false;
    }
    char c = oneChar.charAt(0);
    if (Character.isHighSurrogate(c)) {
      return c >= 0xD840 && c <= 0xD8BF;
    }
    if (Character.isLowSurrogate(c)) {
      return false;
    }
    return isCjk(c);
  }

  /** Hangul is written with spaces between words, so a line break inside Korean text is a space. */
  static boolean isHangul(int codePoint) {
    return UnicodeScript.of(codePoint) == UnicodeScript.HANGUL;
  }

  /** A letter of a script that counts one word per character (Han, kana, hangul, bopomofo). */
  static boolean isWordPerCharacter(int codePoint) {
    // The script lookup is a binary search: answer the common ranges first, Chinese text's
    // punctuation among them (CjkTest checks every code point against the lookup).
    if (codePoint < 0x1100 || codePoint >= 0x2000 && codePoint <= 0x2BFF || codePoint >= 0xFF00 && codePoint <= 0xFF65) {
      return false;
    }
    if (codePoint >= 0x4E00 && codePoint <= 0x9FFF) {
      return true;
    }
    if (codePoint >= 0x3000 && codePoint <= 0x303F) {
      return codePoint == 0x3005 || codePoint == 0x303B; // 々 and 〻 are Han letters
    }
    return isWordPerCharacterByScript(codePoint);
  }

  static boolean isWordPerCharacterByScript(int codePoint) {
    return codePoint == 0x30FC // the katakana long vowel mark belongs to the script's words
        || (Character.isLetter(codePoint)
            && WORD_PER_CHARACTER_SCRIPTS.contains(UnicodeScript.of(codePoint)));
  }

  /**
   * Whether a soft line break between these two characters should vanish: CSS Text 3 does the
   * same for segment breaks between East Asian wide characters, except Hangul.
   */
  static boolean joinsAcrossLineBreak(int before, int after) {
    return isCjk(before) && isCjk(after) && !isHangul(before) && !isHangul(after);
  }
}
