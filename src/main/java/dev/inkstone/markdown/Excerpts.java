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
    String text = oneLine(plainText.strip());
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

  /**
   * The text of an HTML fragment on one line: tags dropped, the entities flexmark writes
   * ({@code &lt; &gt; &quot; &#39; &amp;}) decoded, each run of ASCII whitespace made one space,
   * and the ends trimmed. For excerpts of rendered Markdown, not for HTML at large: a comment or
   * a {@code >} inside an attribute is not understood.
   */
  public static String textOfHtml(String html) {
    StringBuilder untagged = new StringBuilder(html.length());
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      int close = c == '<' ? html.indexOf('>', i + 1) : -1;
      if (close >= 0) {
        i = close;
      } else if (c == '<') {
        untagged.append(html, i, html.length());   // no tag can close from here on
        break;
      } else {
        untagged.append(c);
      }
    }
    StringBuilder text = new StringBuilder(untagged.length());
    for (int i = 0; i < untagged.length(); i++) {
      char c = untagged.charAt(i);
      if (c == '&') {
        int entity = entityAt(untagged, i);
        if (entity >= 0) {
          text.append(ENTITY_CHARS.charAt(entity));
          i += ENTITIES[entity].length() - 1;
          continue;
        }
      }
      appendCollapsing(text, c);
    }
    return text.toString().trim();
  }

  /** {@code text} with each run of ASCII whitespace (what {@code \\s} matches) made one space. */
  static String oneLine(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isAsciiSpace(c) && (c != ' ' || (i + 1 < text.length() && isAsciiSpace(text.charAt(i + 1))))) {
        StringBuilder b = new StringBuilder(text.length()).append(text, 0, i);
        for (int j = i; j < text.length(); j++) {
          appendCollapsing(b, text.charAt(j));
        }
        return b.toString();
      }
    }
    return text;   // nothing to collapse: most texts
  }

  private static final String[] ENTITIES = {"&lt;", "&gt;", "&quot;", "&#39;", "&amp;"};
  private static final String ENTITY_CHARS = "<>\"'&";

  private static int entityAt(CharSequence s, int at) {
    for (int e = 0; e < ENTITIES.length; e++) {
      String entity = ENTITIES[e];
      if (at + entity.length() <= s.length()) {
        int k = 1;
        while (k < entity.length() && s.charAt(at + k) == entity.charAt(k)) {
          k++;
        }
        if (k == entity.length()) {
          return e;
        }
      }
    }
    return -1;
  }

  /**
   * Appends {@code c}, or one space for a run of ASCII whitespace: every space in {@code b} stands
   * for such a run, so whitespace after one continues it.
   */
  private static void appendCollapsing(StringBuilder b, char c) {
    if (!isAsciiSpace(c)) {
      b.append(c);
    } else if (b.isEmpty() || b.charAt(b.length() - 1) != ' ') {
      b.append(' ');
    }
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
