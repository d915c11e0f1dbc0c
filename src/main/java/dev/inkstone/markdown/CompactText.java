package dev.inkstone.markdown;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A text kept from parsing until rendering, either as it is or compressed. Compressed (UTF-8,
 * Zstandard's fastest level) it takes about a quarter of the memory of a Java string of mixed
 * Chinese and HTML, which is what lets 100,000 rendered posts wait in a few gigabytes; only big
 * blogs pay for it.
 *
 * <p>Zstandard rather than the JDK's deflate: as small, and three to four times as fast both ways
 * (pages of the benchmark's blog: 150 against 557 ms to compress, 65 against 208 ms to expand);
 * deflate took a fifth of a 100,000-post build's CPU. Where its native library cannot be loaded
 * (a platform it does not ship for, a temporary folder mounted noexec), texts are deflated.
 *
 * <p>A text may have a head, such as a post's excerpt, compressed on its own: lists and feeds read
 * a big blog's excerpts more often than its posts (1.4 times a post at 10,000 posts kept
 * compressed), and each read once expanded the whole post.
 */
final class CompactText {
  /** How texts are compressed in this JVM: Zstandard when its native library loads. */
  enum Codec {
    ZSTD,
    DEFLATE;

    static final Codec BEST = zstdWorks() ? ZSTD : DEFLATE;

    private static boolean zstdWorks() {
      try {
        byte[] probe = "探针 probe".getBytes(UTF_8);
        return Arrays.equals(ZSTD.expand(ZSTD.compress(probe), probe.length), probe);
      } catch (LinkageError | RuntimeException e) {
        return false;
      }
    }

    byte[] compress(byte[] utf8) {
      if (this == ZSTD) {
        return ZSTD_COMPRESS.get().compress(utf8);
      }
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

    byte[] expand(byte[] compressed, int length) {
      byte[] out = new byte[length];
      expand(compressed, out, 0, length);
      return out;
    }

    void expand(byte[] compressed, byte[] into, int from, int length) {
      if (this == ZSTD) {
        if (ZSTD_EXPAND.get().decompressByteArray(into, from, length, compressed, 0, compressed.length) != length) {
          throw new IllegalStateException("compressed text is damaged");
        }
        return;
      }
      Inflater inflater = INFLATERS.get();
      inflater.reset();
      inflater.setInput(compressed);
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
        throw new IllegalStateException("compressed text is damaged", e);
      }
    }
  }

  private static final ThreadLocal<ZstdCompressCtx> ZSTD_COMPRESS = ThreadLocal.withInitial(() -> new ZstdCompressCtx().setLevel(1));
  private static final ThreadLocal<ZstdDecompressCtx> ZSTD_EXPAND = ThreadLocal.withInitial(ZstdDecompressCtx::new);
  // Raw deflate: no zlib header, and no checksum to compute both ways (the length is known).
  private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
  private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

  /** The text itself, or null when compressed. */
  private final String plain;
  /** Where the head ends in {@link #plain}, or -1. */
  private final int headEnd;
  private final Codec codec;
  /** The head compressed, or the whole text when it has no head. */
  private final byte[] head;
  private final int headBytes;
  /** The rest after the head compressed, or null. */
  private final byte[] tail;
  private final int tailBytes;

  private CompactText(String plain, int headEnd, Codec codec, byte[] head, int headBytes, byte[] tail, int tailBytes) {
    this.plain = plain;
    this.headEnd = headEnd;
    this.codec = codec;
    this.head = head;
    this.headBytes = headBytes;
    this.tail = tail;
    this.tailBytes = tailBytes;
  }

  static CompactText of(String text, boolean compress) {
    return of(text, compress, -1);
  }

  /**
   * @param headEnd where the text's {@link #head} ends, or -1 for none
   */
  static CompactText of(String text, boolean compress, int headEnd) {
    return of(text, compress ? Codec.BEST : null, headEnd);
  }

  /** @param codec how to compress the text, or null to keep it as it is */
  static CompactText of(String text, Codec codec, int headEnd) {
    // (a head that would end between the halves of a surrogate pair is kept whole: it cannot
    // be encoded on its own, and no excerpt ends there)
    if (codec == null || text.length() < 64 || headEnd > 0 && Character.isHighSurrogate(text.charAt(headEnd - 1))) {
      return new CompactText(text, headEnd, null, null, 0, null, 0);
    }
    if (headEnd < 0) {
      byte[] utf8 = text.getBytes(UTF_8);
      return new CompactText(null, -1, codec, codec.compress(utf8), utf8.length, null, 0);
    }
    byte[] first = text.substring(0, headEnd).getBytes(UTF_8);
    byte[] rest = text.substring(headEnd).getBytes(UTF_8);
    return new CompactText(null, headEnd, codec, codec.compress(first), first.length, codec.compress(rest), rest.length);
  }

  String text() {
    if (plain != null) {
      return plain;
    }
    byte[] utf8 = new byte[headBytes + tailBytes];
    codec.expand(head, utf8, 0, headBytes);
    if (tail != null) {
      codec.expand(tail, utf8, headBytes, tailBytes);
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
    return new String(codec.expand(head, headBytes), UTF_8);
  }
}
