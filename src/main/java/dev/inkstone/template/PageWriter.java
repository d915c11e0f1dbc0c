package dev.inkstone.template;

import dev.inkstone.markdown.RenderedMarkdown;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects one rendered page as UTF-8 bytes, the form it is written in. A page went through a
 * locked {@link java.io.StringWriter}, a buffer widened to two bytes a character at its first
 * Chinese one, a copy into a string and an encoding pass: a tenth of a big build. One page is
 * written by one thread, so nothing here locks.
 */
final class PageWriter extends Writer implements SpecializedWriter {
  /**
   * Each thread's buffer, lent to one writer at a time: a build renders page after page on a
   * thread, and a new 32 KB buffer for each (and its growth) was a tenth of what a build allocates.
   */
  private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

  /**
   * A template's text as UTF-8, by the array Pebble writes it from (a text node's own array, the
   * same one on every render); the chars are kept beside the bytes and compared on every use, so
   * an array written again with other text is encoded again.
   */
  static final class TemplateText {
    private final Map<char[], Encoded> encoded = new ConcurrentHashMap<>();

    private record Encoded(char[] chars, byte[] bytes) {}

    byte[] bytes(char[] chars) {
      Encoded known = encoded.get(chars);
      if (known == null || !Arrays.equals(known.chars(), chars)) {
        known = new Encoded(chars.clone(), new String(chars).getBytes(StandardCharsets.UTF_8));
        if (encoded.size() < 100_000) {
          encoded.put(chars, known);
        }
      }
      return known.bytes();
    }
  }

  private final TemplateText text;
  private byte[] bytes;
  private int size;
  /** The first half of a surrogate pair whose second half has not been written yet, or 0. */
  private char high;

  PageWriter(int capacity) {
    this(capacity, new TemplateText());
  }

  /** @param text where the engine keeps its templates' text encoded */
  PageWriter(int capacity, TemplateText text) {
    this.text = text;
    byte[] spare = SPARE.get();
    if (spare != null && spare.length >= capacity) {
      SPARE.set(null);
      this.bytes = spare;
    } else {
      this.bytes = new byte[capacity];
    }
  }

  /** What was written, encoded as UTF-8; a lone half of a surrogate pair becomes {@code ?}. */
  byte[] bytes() {
    flushHigh();
    return Arrays.copyOf(bytes, size);
  }

  @Override
  public String toString() {
    flushHigh();
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  /** Lends the buffer to the thread's next writer: this one is done, and holds nothing now. */
  void release() {
    if (bytes.length <= 1 << 20) {
      SPARE.set(bytes);
    }
    bytes = new byte[0];
    size = 0;
  }

  /**
   * HTML that every page of a build prints (the sidebar, the footer), kept with its UTF-8 so that
   * pages copy the bytes instead of encoding it again. Still a {@link SafeString}: not escaped.
   */
  static final class Shared extends SafeString {
    private final byte[] utf8;

    Shared(String html, byte[] utf8) {
      super(html);
      this.utf8 = utf8;
    }
  }

  /**
   * A post's rendered Markdown as the page's content: printed from its UTF-8, which is filled in
   * with the post's links as bytes, so the page never holds the body as a string. Still a
   * {@link SafeString} (not escaped) that reads as the HTML wherever a template uses it as text.
   * Equal to the same rendering without comparing text, which is how the preview server finds a
   * post page unchanged.
   */
  static final class Markdown extends SafeString {
    private final RenderedMarkdown md;

    Markdown(RenderedMarkdown md) {
      super("");
      this.md = md;
    }

    /** Whether the HTML contains {@code s}, found without filling in the links. */
    boolean contains(String s) {
      return md.contains(s);
    }

    @Override
    public String toString() {
      return md.html();
    }

    @Override
    public boolean equals(Object o) {
      if (o instanceof Markdown other && other.md == md) {
        return true;
      }
      return o instanceof SafeString other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
      return toString().hashCode();
    }
  }

  /** Writes text already encoded as UTF-8, such as a block kept for many pages. */
  void writeEncoded(byte[] utf8) {
    flushHigh();
    append(utf8);
  }

  /** How Pebble prints a value: a {@link Shared} fragment as its bytes, anything else as text. */
  @Override
  public void write(Object value) {
    if (value instanceof Shared shared) {
      writeEncoded(shared.utf8);
    } else if (value instanceof Markdown markdown) {
      RenderedMarkdown.Utf8 html = markdown.md.htmlUtf8();
      flushHigh();
      append(html.bytes(), html.length());
    } else {
      SpecializedWriter.super.write(value);
    }
  }

  /** How Pebble writes a template's text: encoded once per template, not on every page. */
  @Override
  public void write(char[] chars) {
    int n = chars.length;
    if (high != 0 || n == 0 || Character.isSurrogate(chars[0]) || Character.isSurrogate(chars[n - 1])) {
      add(new String(chars)); // the rare text that starts or ends with half a pair
      return;
    }
    append(text.bytes(chars));
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    add(new String(chars, offset, length));
  }

  @Override
  public void write(int c) {
    add(String.valueOf((char) c));
  }

  @Override
  public void write(String s) {
    add(s);
  }

  @Override
  public void write(String s, int offset, int length) {
    add(s.substring(offset, offset + length));
  }

  @Override
  public Writer append(CharSequence s) {
    add(String.valueOf(s));
    return this;
  }

  @Override
  public void writeSpecialized(int i) {
    add(Integer.toString(i));
  }

  @Override
  public void writeSpecialized(long l) {
    add(Long.toString(l));
  }

  @Override
  public void writeSpecialized(double d) {
    add(Double.toString(d));
  }

  @Override
  public void writeSpecialized(float f) {
    add(Float.toString(f));
  }

  @Override
  public void writeSpecialized(short s) {
    add(Short.toString(s));
  }

  @Override
  public void writeSpecialized(byte b) {
    add(Byte.toString(b));
  }

  @Override
  public void writeSpecialized(char c) {
    add(String.valueOf(c));
  }

  @Override
  public void writeSpecialized(String s) {
    add(s);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  private void add(String s) {
    if (high != 0) {
      s = high + s;
      high = 0;
    }
    int end = s.length();
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      // Its other half may come with the next piece; encoding it alone would make it a '?'.
      high = s.charAt(end - 1);
      s = s.substring(0, end - 1);
    }
    append(s.getBytes(StandardCharsets.UTF_8));
  }

  private void append(byte[] encoded) {
    append(encoded, encoded.length);
  }

  private void append(byte[] encoded, int length) {
    if (size + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
    }
    System.arraycopy(encoded, 0, bytes, size, length);
    size += length;
  }

  private void flushHigh() {
    if (high != 0) {
      high = 0;
      add("?"); // what String.getBytes makes of a lone half
    }
  }
}
