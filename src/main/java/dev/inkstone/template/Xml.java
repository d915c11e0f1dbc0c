package dev.inkstone.template;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes the XML of feeds and sitemaps, indented, into a string: the layout and escaping of the
 * JDK's {@link javax.xml.stream.XMLStreamWriter} (text escapes {@code & < >}, attribute values
 * also {@code "}), which this class used until a build's feeds made it a hot path. That writer
 * locked a {@code StringBuffer} for every piece it wrote, and compiling its escaping loop took
 * C2 a fifth of a second in a 10,000-post build. {@code XmlTest} checks the bytes against it.
 */
final class Xml {
  private final StringBuilder out = new StringBuilder(8192).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  private final Deque<String> open = new ArrayDeque<>();

  /** Opens an element on a new line; attributes as name, value pairs. */
  Xml open(String name, String... attributes) {
    newline();
    out.append('<').append(name);
    attributes(attributes);
    out.append('>');
    open.push(name);
    return this;
  }

  Xml close() {
    String name = open.pop();
    newline();
    out.append("</").append(name).append('>');
    return this;
  }

  /** An element holding only text, on one line. */
  Xml element(String name, String value, String... attributes) {
    newline();
    out.append('<').append(name);
    attributes(attributes);
    out.append('>');
    escape(clean(value), false);
    out.append("</").append(name).append('>');
    return this;
  }

  /** An element without content. */
  Xml empty(String name, String... attributes) {
    newline();
    out.append('<').append(name);
    attributes(attributes);
    out.append("/>");
    return this;
  }

  /** The document, every element still open closed, and a final newline. */
  String finish() {
    while (!open.isEmpty()) {
      out.append("</").append(open.pop()).append('>');
    }
    return out.append('\n').toString();
  }

  private void attributes(String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      out.append(' ').append(pairs[i]).append("=\"");
      escape(clean(pairs[i + 1]), true);
      out.append('"');
    }
  }

  private void newline() {
    out.append('\n');
    for (int i = open.size(); i > 0; i--) {
      out.append("  ");
    }
  }

  private void escape(String s, boolean attribute) {
    int from = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      String entity = switch (s.charAt(i)) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> attribute ? "&quot;" : null;
        default -> null;
      };
      if (entity != null) {
        out.append(s, from, i).append(entity);
        from = i + 1;
      }
    }
    out.append(s, from, s.length());
  }

  /** Drops the characters XML 1.0 cannot hold (control characters, lone surrogates). */
  static String clean(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
          || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
      if (!ok && out == null) {
        out = new StringBuilder(s.substring(0, i));
      } else if (ok && out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}
