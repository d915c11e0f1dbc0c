package dev.inkstone.template;

import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import java.io.Writer;

/**
 * Collects one rendered page. A {@link java.io.StringWriter} locks its buffer on every write,
 * and Pebble writes a page in hundreds of pieces: that locking was a twentieth of a big build.
 * One page is written by one thread, so a plain {@link StringBuilder} does.
 */
final class PageWriter extends Writer implements SpecializedWriter {
  private final StringBuilder text;

  PageWriter(int capacity) {
    this.text = new StringBuilder(capacity);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(int c) {
    text.append((char) c);
  }

  @Override
  public void write(String s) {
    text.append(s);
  }

  @Override
  public void write(String s, int offset, int length) {
    text.append(s, offset, offset + length);
  }

  @Override
  public Writer append(CharSequence s) {
    text.append(s);
    return this;
  }

  @Override
  public void writeSpecialized(int i) {
    text.append(i);
  }

  @Override
  public void writeSpecialized(long l) {
    text.append(l);
  }

  @Override
  public void writeSpecialized(double d) {
    text.append(d);
  }

  @Override
  public void writeSpecialized(float f) {
    text.append(f);
  }

  @Override
  public void writeSpecialized(short s) {
    text.append(s);
  }

  @Override
  public void writeSpecialized(byte b) {
    text.append(b);
  }

  @Override
  public void writeSpecialized(char c) {
    text.append(c);
  }

  @Override
  public void writeSpecialized(String s) {
    text.append(s);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return text.toString();
  }
}
