package dev.inkstone.markdown;

import dev.inkstone.text.CharClass;

/**
 * How long a text is, counted so that Chinese and English compare fairly.
 *
 * @param words {@code cjkCharacters + latinWords}
 * @param cjkCharacters Han, kana and hangul letters; each counts as one word
 * @param latinWords runs of other letters and digits (an apostrophe between letters, as in
 *     {@code don't}, does not split a run)
 * @param readingMinutes at 300 CJK characters and 200 other words a minute, rounded up, at least 1
 */
public record TextStats(int words, int cjkCharacters, int latinWords, int readingMinutes) {

  static final int CJK_CHARACTERS_PER_MINUTE = 300;
  static final int LATIN_WORDS_PER_MINUTE = 200;

  static TextStats of(String text) {
    // a String, not a CharSequence: early in a build the quick compiler cannot inline an
    // interface's charAt, one call per character
    int cjk = 0;
    int latin = 0;
    boolean inRun = false;
    int length = text.length();
    for (int i = 0; i < length; ) {
      char c = text.charAt(i);
      int cp = Character.isHighSurrogate(c) ? text.codePointAt(i) : c;
      i += Character.charCount(cp);
      if (Cjk.isWordPerCharacter(cp)) {
        cjk++;
        inRun = false;
      } else if (CharClass.isLetterOrDigit(cp)) {
        if (!inRun) {
          latin++;
          inRun = true;
        }
      } else if (inRun && (cp == '\'' || cp == '\u2019') && i < length
          && Character.isLetter(text.codePointAt(i))) {
        // don't, it's: the apostrophe keeps the run going
      } else {
        inRun = false;
      }
    }
    double minutes = (double) cjk / CJK_CHARACTERS_PER_MINUTE + (double) latin / LATIN_WORDS_PER_MINUTE;
    int reading = Math.max(1, (int) Math.ceil(minutes));
    return new TextStats(cjk + latin, cjk, latin, reading);
  }
}
