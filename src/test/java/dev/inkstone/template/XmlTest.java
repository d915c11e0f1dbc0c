package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Random;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

/** {@link Xml} writes what the JDK's StAX writer wrote, byte for byte. */
class XmlTest {

  /** The JDK's writer, laid out as {@link Xml} lays out: the reference. */
  private static final class Stax {
    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter w;
    private int depth;

    Stax() throws XMLStreamException {
      w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
      w.writeStartDocument("UTF-8", "1.0");
    }

    void open(String name, String... attributes) throws XMLStreamException {
      newline();
      w.writeStartElement(name);
      attributes(attributes);
      depth++;
    }

    void close() throws XMLStreamException {
      depth--;
      newline();
      w.writeEndElement();
    }

    void element(String name, String value, String... attributes) throws XMLStreamException {
      newline();
      w.writeStartElement(name);
      attributes(attributes);
      w.writeCharacters(Xml.clean(value));
      w.writeEndElement();
    }

    void empty(String name, String... attributes) throws XMLStreamException {
      newline();
      w.writeEmptyElement(name);
      attributes(attributes);
    }

    String finish() throws XMLStreamException {
      w.writeEndDocument();
      w.close();
      return text + "\n";
    }

    private void attributes(String... pairs) throws XMLStreamException {
      for (int i = 0; i < pairs.length; i += 2) {
        w.writeAttribute(pairs[i], Xml.clean(pairs[i + 1]));
      }
    }

    private void newline() throws XMLStreamException {
      w.writeCharacters("\n" + "  ".repeat(depth));
    }
  }

  @Test
  void aFeedIsWrittenAsStaxWroteIt() throws XMLStreamException {
    String[] texts = {"", "plain", "a < b && c > d", "\"quoted\" 'single'", "微服务 & 熔断", "emoji 😀 ok",
        "control \u0001\u0008 gone", "lone \uD800 half", "tab\tline\nreturn\r", "]]> <![CDATA[", "&amp; already"};
    Xml x = new Xml();
    Stax s = new Stax();
    x.open("rss", "version", "2.0", "xmlns:atom", "http://www.w3.org/2005/Atom");
    s.open("rss", "version", "2.0", "xmlns:atom", "http://www.w3.org/2005/Atom");
    x.open("channel");
    s.open("channel");
    for (String t : texts) {
      x.element("title", t);
      s.element("title", t);
      x.element("link", t, "href", t, "rel", "alternate");
      s.element("link", t, "href", t, "rel", "alternate");
      x.empty("atom:link", "href", t, "type", "application/rss+xml");
      s.empty("atom:link", "href", t, "type", "application/rss+xml");
      x.open("item", "id", t);
      s.open("item", "id", t);
      x.element("description", "<p>" + t + "</p>");
      s.element("description", "<p>" + t + "</p>");
      x.close();
      s.close();
    }
    x.close();
    s.close();
    x.empty("last");
    s.empty("last");
    assertThat(x.finish()).isEqualTo(s.finish());
  }

  @Test
  void elementsLeftOpenAreClosedAtTheEnd() throws XMLStreamException {
    Xml x = new Xml();
    Stax s = new Stax();
    x.open("urlset");
    s.open("urlset");
    x.open("url");
    s.open("url");
    x.element("loc", "https://example.com/?a=1&b=2");
    s.element("loc", "https://example.com/?a=1&b=2");
    assertThat(x.finish()).isEqualTo(s.finish()).endsWith("</url></urlset>\n");
  }

  @Test
  void everyCharacterIsEscapedAsStaxEscapedIt() throws XMLStreamException {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      String matter = "<>&\"' a中\uD83D\uDE00\n\t\u0000";
      for (int i = 0; i < 64; i++) {
        // mostly the characters that matter, now and then any UTF-16 unit
        text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : matter.charAt(random.nextInt(matter.length())));
      }
      Xml x = new Xml();
      Stax s = new Stax();
      x.element("e", text.toString(), "a", text.toString());
      s.element("e", text.toString(), "a", text.toString());
      assertThat(x.finish()).as("round %d", round).isEqualTo(s.finish());
    }
  }
}
