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
 */
final class CompactText {
  private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
  private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

  private final String plain;
  private final byte[] deflated;
  private final int length;

  private CompactText(String plain, byte[] deflated, int length) {
    this.plain = plain;
    this.deflated = deflated;
    this.length = length;
  }

  static CompactText of(String text, boolean deflate) {
    if (!deflate || text.length() < 64) {
      return new CompactText(text, null, 0);
    }
    byte[] utf8 = text.getBytes(UTF_8);
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
    return new CompactText(null, Arrays.copyOf(out, size), utf8.length);
  }

  String text() {
    if (plain != null) {
      return plain;
    }
    Inflater inflater = INFLATERS.get();
    inflater.reset();
    inflater.setInput(deflated);
    byte[] utf8 = new byte[length];
    try {
      int size = 0;
      while (size < length && !inflater.finished()) {
        int n = inflater.inflate(utf8, size, length - size);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("ends early");
        }
        size += n;
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("deflated text is damaged", e);
    }
    return new String(utf8, UTF_8);
  }
}
