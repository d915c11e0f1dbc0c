package dev.inkstone.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One of a command's two output streams, sent to the launcher in frames: each flush becomes one
 * line, a tag ({@code o} for standard output, {@code e} for standard error) and the text with
 * backslash, newline and carriage return escaped as {@code \\}, {@code \n}, {@code \r}. The
 * launcher reads a line with bash's {@code read -r} and prints it with {@code printf '%b'}, so a
 * progress bar's carriage returns arrive as they were written.
 */
final class FrameWriter extends Writer {
  private final char tag;
  private final OutputStream socket;
  private final StringBuilder pending = new StringBuilder();

  /** Both streams of a command share {@code socket}; a frame is written whole under its lock. */
  FrameWriter(char tag, OutputStream socket) {
    this.tag = tag;
    this.socket = socket;
  }

  @Override
  public synchronized void write(char[] chars, int off, int len) {
    pending.append(chars, off, len);
  }

  @Override
  public synchronized void write(String s, int off, int len) {
    pending.append(s, off, off + len);
  }

  @Override
  public synchronized void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    String frame = frame(tag, pending);
    pending.setLength(0);
    synchronized (socket) {
      socket.write(frame.getBytes(StandardCharsets.UTF_8));
      socket.flush();
    }
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  /** {@code text} as one frame line tagged {@code tag}. */
  static String frame(char tag, CharSequence text) {
    StringBuilder f = new StringBuilder(text.length() + 8).append(tag);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> f.append("\\\\");
        case '\n' -> f.append("\\n");
        case '\r' -> f.append("\\r");
        default -> f.append(c);
      }
    }
    return f.append('\n').toString();
  }
}
