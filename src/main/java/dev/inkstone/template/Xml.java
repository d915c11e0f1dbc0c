package dev.inkstone.template;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin, indenting layer over the JDK's {@link XMLStreamWriter} for feeds and sitemaps: the
 * writer does the escaping, this class the layout, so the same calls give the same bytes.
 */
final class Xml {
  // Always the JDK's writer, so the bytes of feeds never depend on what else is on the classpath.
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private final StringWriter text = new StringWriter();
  private final XMLStreamWriter w;
  private int depth;

  Xml() {
    try {
      w = FACTORY.createXMLStreamWriter(text);
      w.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens an element on a new line; attributes as name, value pairs. */
  Xml open(String name, String... attributes) {
    try {
      newline();
      w.writeStartElement(name);
      attributes(attributes);
      depth++;
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  Xml close() {
    try {
      depth--;
      newline();
      w.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An element holding only text, on one line. */
  Xml element(String name, String value, String... attributes) {
    try {
      newline();
      w.writeStartElement(name);
      attributes(attributes);
      w.writeCharacters(clean(value));
      w.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An element without content. */
  Xml empty(String name, String... attributes) {
    try {
      newline();
      w.writeEmptyElement(name);
      attributes(attributes);
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  String finish() {
    try {
      w.writeEndDocument();
      w.close();
      return text + "\n";
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  private void attributes(String... pairs) throws XMLStreamException {
    for (int i = 0; i < pairs.length; i += 2) {
      w.writeAttribute(pairs[i], clean(pairs[i + 1]));
    }
  }

  private void newline() throws XMLStreamException {
    w.writeCharacters("\n" + "  ".repeat(Math.max(0, depth)));
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
