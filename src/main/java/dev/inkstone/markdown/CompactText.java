package dev.inkstone.markdown;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A text kept from parsing until rendering, either as it is or deflated. Deflated (the fastest
 * level, on UTF-8) it takes about a quarter of the memory of a Java string of mixed Chinese and
 * HTML, which is what lets 100,000 rendered posts wait in a few gigabytes; it costs about a
 * second of CPU per 10,000 posts, so only big blogs pay it.
 *
 * <p>A text may have a head, such as a post's excerpt, deflated on its own: lists and feeds read
 * the excerpts of a big blog's posts about seven times a build, and inflating the whole post for
 * each took more of the CPU than anything else at 100,000 posts.
 */
final class CompactText {
  // Raw deflate: no zlib header, and no checksum to compute both ways (the length is known).
  private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
  private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

  /** The text itself, or null when deflated. */
  private final String plain;
  /** Where the head ends in {@link #plain}, or -1. */
  private final int headEnd;
  /** The head deflated, or the whole text when it has no head. */
  private final byte[] head;
  private final int headBytes;
  /** The rest after the head deflated, or null. */
  private final byte[] tail;
  private final int tailBytes;

  private CompactText(String plain, int headEnd, byte[] head, int headBytes, byte[] tail, int tailBytes) {
    this.plain = plain;
    this.headEnd = headEnd;
    this.head = head;
    this.headBytes = headBytes;
    this.tail = tail;
    this.tailBytes = tailBytes;
  }

  static CompactText of(String text, boolean deflate) {
    return of(text, deflate, -1);
  }

  /**
   * @param headEnd where the text's {@link #head} ends, or -1 for none
   */
  static CompactText of(String text, boolean deflate, int headEnd) {
    // (a head that would end between the halves of a surrogate pair is kept whole: it cannot
    // be encoded on its own, and no excerpt ends there)
    if (!deflate || text.length() < 64 || headEnd > 0 && Character.isHighSurrogate(text.charAt(headEnd - 1))) {
      return new CompactText(text, headEnd, null, 0, null, 0);
    }
    if (headEnd < 0) {
      byte[] utf8 = text.getBytes(UTF_8);
      return new CompactText(null, -1, deflate(utf8), utf8.length, null, 0);
    }
    byte[] first = text.substring(0, headEnd).getBytes(UTF_8);
    byte[] rest = text.substring(headEnd).getBytes(UTF_8);
    return new CompactText(null, headEnd, deflate(first), first.length, deflate(rest), rest.length);
  }

  String text() {
    if (plain != null) {
      return plain;
    }
    byte[] utf8 = new byte[headBytes + tailBytes];
    inflate(head, utf8, 0, headBytes);
    if (tail != null) {
      inflate(tail, utf8, headBytes, tailBytes);
    }
    return new String(utf8, UTF_8);
  }

  /** The text up to the head's end given to {@link #of(String, boolean, int)}; null without one. */
  String head() {
    if (plain != null) {
      return headEnd < 0 ? null : plain.substring(0, headEnd);
    }
    if (tail == null) {
      return null;
    }
    byte[] utf8 = new byte[headBytes];
    inflate(head, utf8, 0, headBytes);
    return new String(utf8, UTF_8);
  }

  private static byte[] deflate(byte[] utf8) {
    Deflater deflater = DEFLATERS.get();
    deflater.reset();
    deflater.setInput(utf8);
    deflater.finish();
    byte[] out = new byte[utf8.length / 3 + 64];
    int size = 0;
    while (!deflater.finished()) {
      if (size == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      size += deflater.deflate(out, size, out.length - size);
    }
    return Arrays.copyOf(out, size);
  }

  private static void inflate(byte[] deflated, byte[] into, int from, int length) {
    Inflater inflater = INFLATERS.get();
    inflater.reset();
    inflater.setInput(deflated);
    try {
      int size = 0;
      while (size < length) {
        int n = inflater.inflate(into, from + size, length - size);
        if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("ends early");
        }
        size += n;
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("deflated text is damaged", e);
    }
  }
}
