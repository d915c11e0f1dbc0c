package dev.inkstone.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * The text of a post as flexmark parses it. It is not a {@link String}, as flexmark hashes a
 * String it parses: a pass over every character of every post that the interpreter, early in a
 * build, makes slow (up to a twentieth of a big build), and nothing reads that hash. Its
 * characters sit in an array, one call away from flexmark's every read instead of four.
 */
final class SourceText implements CharSequence {
  /** flexmark's sequence for one unbroken piece of its source (a package-private class). */
  private static final Class<?> PIECE = BasedSequence.of("piece").getClass();

  private final String text;
  private final char[] chars;

  SourceText(String text) {
    this.text = text;
    this.chars = text.toCharArray();
  }

  /**
   * The characters of {@code chars} as a string. flexmark copies them out one by one; a piece of
   * a source text is copied in one go, unless it holds a NUL, which flexmark's reads replace.
   */
  static String text(BasedSequence chars) {
    if (chars.getClass() == PIECE && chars.getBase() instanceof SourceText source) {
      String piece = source.text.substring(chars.getStartOffset(), chars.getEndOffset());
      if (piece.indexOf('\0') < 0) {
        return piece;
      }
    }
    return chars.toString();
  }

  /**
   * The source text's characters when {@code chars} is a piece of one (its offsets index them),
   * or null: for reading a piece in place instead of copying it out.
   */
  static char[] array(BasedSequence chars) {
    return chars.getClass() == PIECE && chars.getBase() instanceof SourceText source ? source.chars : null;
  }

  /**
   * Appends {@code chars} to {@code out} straight from the source text when they are a piece of
   * one and hold none of {@code \\ & NUL} (what unescaping or flexmark's reads would change);
   * false, with nothing appended, otherwise.
   */
  static boolean appendPlain(BasedSequence chars, StringBuilder out) {
    char[] all = array(chars);
    if (all == null) {
      return false;
    }
    int start = chars.getStartOffset();
    int end = chars.getEndOffset();
    for (int i = start; i < end; i++) {
      char c = all[i];
      if (c == '\\' || c == '&' || c == '\0') {
        return false;
      }
    }
    out.append(all, start, end - start);
    return true;
  }

  /** Where {@code c} first occurs in {@code chars}, or -1; a piece of a source text is scanned in place. */
  static int indexOf(BasedSequence chars, char c) {
    if (chars.getClass() == PIECE && chars.getBase() instanceof SourceText source) {
      char[] all = source.chars;
      for (int i = chars.getStartOffset(), end = chars.getEndOffset(); i < end; i++) {
        if (all[i] == c) {
          return i - chars.getStartOffset();
        }
      }
      return -1;
    }
    return chars.indexOf(c);
  }

  @Override
  public int length() {
    return chars.length;
  }

  @Override
  public char charAt(int index) {
    return chars[index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
