package dev.inkstone.markdown;

import com.vladsch.flexmark.ext.gfm.strikethrough.internal.StrikethroughDelimiterProcessor;
import com.vladsch.flexmark.parser.core.delimiter.AsteriskDelimiterProcessor;
import com.vladsch.flexmark.parser.core.delimiter.UnderscoreDelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterRun;

/**
 * The flanking rules of the markdown-cjk-friendly specification (tats-u/markdown-cjk-friendly),
 * applied to flexmark's emphasis and strikethrough delimiters.
 *
 * <p>CommonMark refuses to close {@code **粗体：**后面} because the closing run follows punctuation
 * and precedes a letter. The amended rule only treats <em>non-CJK</em> punctuation that way, and
 * lets a CJK character on the outer side stand in for whitespace. When neither neighbour is CJK,
 * both formulas reduce to CommonMark's, so Latin text parses exactly as before.
 *
 * <p>flexmark hands each delimiter processor the single UTF-16 unit on either side plus its own
 * punctuation and whitespace verdicts; we reuse those verdicts and only add the CJK test, so the
 * idea of "punctuation" stays flexmark's. Variation selectors and supplementary characters before
 * a run cannot be seen through one UTF-16 unit; they fall back to CommonMark behaviour.
 */
final class CjkFlanking {

  private CjkFlanking() {}

  static boolean leftFlanking(
      String before, String after, boolean beforeIsPunctuation, boolean afterIsPunctuation,
      boolean beforeIsWhitespace, boolean afterIsWhitespace) {
    if (afterIsWhitespace) {
      return false;
    }
    boolean afterIsNonCjkPunctuation = afterIsPunctuation && !Cjk.isCjk(after);
    return !afterIsNonCjkPunctuation
        || beforeIsWhitespace
        || beforeIsPunctuation
        || Cjk.isCjk(before);
  }

  static boolean rightFlanking(
      String before, String after, boolean beforeIsPunctuation, boolean afterIsPunctuation,
      boolean beforeIsWhitespace, boolean afterIsWhitespace) {
    if (beforeIsWhitespace) {
      return false;
    }
    boolean beforeIsNonCjkPunctuation = beforeIsPunctuation && !Cjk.isCjk(before);
    return !beforeIsNonCjkPunctuation
        || afterIsWhitespace
        || afterIsPunctuation
        || Cjk.isCjk(after);
  }

  /**
   * How many delimiters an opener and closer use, with CommonMark's "rule of 3" as the current
   * specification words it: flexmark 0.64 refuses a match whose lengths add up to a multiple of
   * 3 even when both are multiples of 3, so {@code ***粗斜体：***后面} stayed literal. The CJK rule
   * makes such both-ways runs common (any CJK letter after a run makes it left-flanking too).
   */
  static int delimiterUse(DelimiterRun opener, DelimiterRun closer, boolean strongWrapsEmphasis) {
    int open = opener.length();
    int close = closer.length();
    boolean eitherBothWays = opener.canClose() || closer.canOpen();
    if (eitherBothWays && (open + close) % 3 == 0 && !(open % 3 == 0 && close % 3 == 0)) {
      return 0;
    }
    if (open < 3 || close < 3) {
      return Math.min(open, close);
    }
    return close % 2 == 0 ? 2 : (strongWrapsEmphasis ? 1 : 2);
  }

  /** {@code *} and {@code **}: open when left-flanking, close when right-flanking. */
  static final class Asterisk extends AsteriskDelimiterProcessor {
    private final boolean strongWrapsEmphasis;

    Asterisk(boolean strongWrapsEmphasis) {
      super(strongWrapsEmphasis);
      this.strongWrapsEmphasis = strongWrapsEmphasis;
    }

    @Override
    public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
      return delimiterUse(opener, closer, strongWrapsEmphasis);
    }

    @Override
    public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
        boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
        boolean afterIsWhitespace) {
      return leftFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace,
          afterIsWhitespace);
    }

    @Override
    public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
        boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
        boolean afterIsWhitespace) {
      return rightFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace,
          afterIsWhitespace);
    }
  }

  /**
   * {@code _} and {@code __}: as CommonMark, a run that flanks both ways opens only after
   * punctuation and closes only before it, so {@code snake_case} and {@code 中_文_字} stay literal.
   */
  static final class Underscore extends UnderscoreDelimiterProcessor {
    private final boolean strongWrapsEmphasis;

    Underscore(boolean strongWrapsEmphasis) {
      super(strongWrapsEmphasis);
      this.strongWrapsEmphasis = strongWrapsEmphasis;
    }

    @Override
    public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
      return delimiterUse(opener, closer, strongWrapsEmphasis);
    }

    @Override
    public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
        boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
        boolean afterIsWhitespace) {
      boolean left = leftFlanking(before, after, beforeIsPunctuation, afterIsPunctuation,
          beforeIsWhitespace, afterIsWhitespace);
      boolean right = rightFlanking(before, after, beforeIsPunctuation, afterIsPunctuation,
          beforeIsWhitespace, afterIsWhitespace);
      return left && (!right || beforeIsPunctuation);
    }

    @Override
    public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
        boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
        boolean afterIsWhitespace) {
      boolean left = leftFlanking(before, after, beforeIsPunctuation, afterIsPunctuation,
          beforeIsWhitespace, afterIsWhitespace);
      boolean right = rightFlanking(before, after, beforeIsPunctuation, afterIsPunctuation,
          beforeIsWhitespace, afterIsWhitespace);
      return right && (!left || afterIsPunctuation);
    }
  }

  /** {@code ~~}: GFM strikethrough uses the emphasis flanking rules, so it gets the same fix. */
  static final class Tilde extends StrikethroughDelimiterProcessor {
    @Override
    public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
        boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
        boolean afterIsWhitespace) {
      return leftFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace,
          afterIsWhitespace);
    }

    @Override
    public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
        boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
        boolean afterIsWhitespace) {
      return rightFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace,
          afterIsWhitespace);
    }
  }
}
