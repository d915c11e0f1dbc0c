package dev.inkstone.markdown;

/** Automatic excerpts, for posts with neither a {@code <!--more-->} marker nor a summary. */
public final class Excerpts {

  /** The ellipsis appended when a text was shortened. */
  public static final String ELLIPSIS = "…";

  /** A sentence end found in the last part of the window is preferred to a blunt cut. */
  private static final double SENTENCE_WINDOW = 0.6;

  private Excerpts() {}

  /**
   * The start of {@code plainText}, at most about {@code maxChars} characters (code points) long,
   * on one line. When the text is longer it is cut after the last sentence end ({@code 。！？；},
   * or {@code .!?} before a space) in the last 40% of the window; failing that, at the last word
   * boundary for Latin text, or right at the limit between CJK characters. A cut never splits a
   * surrogate pair or separates a combining mark from its base, and is marked with
   * {@link #ELLIPSIS}.
   */
  public static String auto(String plainText, int maxChars) {
    if (maxChars <= 0) {
      throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
    }
    String text = plainText.strip().replaceAll("\\s+", " ");
    if (text.codePointCount(0, text.length()) <= maxChars) {
      return text;
    }
    int limit = text.offsetByCodePoints(0, maxChars);

    int sentenceEnd = lastSentenceEnd(text, limit);
    int earliest = text.offsetByCodePoints(0, (int) (maxChars * SENTENCE_WINDOW));
    if (sentenceEnd >= earliest) {
      return text.substring(0, sentenceEnd).strip() + ELLIPSIS;
    }

    int cut = backOffToBoundary(text, limit);
    String head = text.substring(0, cut);
    return trimTrailingJoiners(head) + ELLIPSIS;
  }

  /** The index just after the last sentence end that lies before {@code limit}, or -1. */
  private static int lastSentenceEnd(String text, int limit) {
    for (int i = limit; i > 0; ) {
      int cp = text.codePointBefore(i);
      if (cp == '。' || cp == '！' || cp == '？' || cp == '；') {
        return i;
      }
      if ((cp == '.' || cp == '!' || cp == '?') && i < text.length() && Character.isWhitespace(text.charAt(i))) {
        return i;
      }
      i -= Character.charCount(cp);
    }
    return -1;
  }

  /**
   * Moves a cut back so it does not fall inside a Latin word or before a combining mark; a cut
   * between CJK characters is already a boundary.
   */
  private static int backOffToBoundary(String text, int cut) {
    while (cut > 0 && isAttachedToPrevious(text.codePointAt(cut))) {
      cut -= Character.charCount(text.codePointBefore(cut));
    }
    int original = cut;
    while (cut > 0 && isLatinWordChar(text.codePointBefore(cut)) && isLatinWordChar(text.codePointAt(cut))) {
      cut -= Character.charCount(text.codePointBefore(cut));
    }
    // One word longer than the whole window: cutting inside it beats returning nothing.
    return cut == 0 ? original : cut;
  }

  private static boolean isAttachedToPrevious(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || cp == 0x200D
        || (cp >= 0xFE00 && cp <= 0xFE0F);
  }

  private static boolean isLatinWordChar(int cp) {
    return (Character.isLetterOrDigit(cp) || cp == '\'' || cp == '’') && !Cjk.isCjk(cp);
  }

  private static String trimTrailingJoiners(String head) {
    int end = head.length();
    while (end > 0) {
      int cp = head.codePointBefore(end);
      if (Character.isWhitespace(cp) || cp == ',' || cp == '，' || cp == '、' || cp == ':' || cp == '：'
          || cp == ';' || cp == '-' || cp == '(' || cp == '（') {
        end -= Character.charCount(cp);
      } else {
        break;
      }
    }
    return head.substring(0, end);
  }
}
