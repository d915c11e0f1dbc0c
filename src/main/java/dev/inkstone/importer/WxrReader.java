package dev.inkstone.importer;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a WordPress export with StAX: the channel first, then one {@link Wxr.Item} at a time,
 * so only one item's text is ever held in memory. DTDs and external entities are refused.
 */
final class WxrReader {
  static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");

  interface Handler {
    /** Called once, before the first item (or at the end when there is none). */
    void channel(Wxr.Channel channel);

    void item(Wxr.Item item);
  }

  private final Path file;
  private final XMLStreamReader r;

  private WxrReader(Path file, XMLStreamReader r) {
    this.file = file;
    this.r = r;
  }

  /** Reads the whole export; a malformed one ends with a {@link ProblemsException} naming the line and column. */
  static void read(Path file, Handler handler) {
    // The JDK's own parser: a StAX library on the classpath (Woodstox comes with test tools) would
    // otherwise take over and report errors differently.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = factory.createXMLStreamReader(in);
      try {
        new WxrReader(file, r).document(handler);
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
      int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNumber());
      String message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
      int cut = message.indexOf("Message: ");
      message = cut >= 0 ? message.substring(cut + 9).strip() : message.strip();
      throw new ProblemsException(Problem.at(file, line, column, "the export is not well-formed XML: " + message,
          "the file may be truncated or edited by hand; export it again from WordPress (Tools → Export)"));
    } catch (IOException e) {
      throw new ProblemsException(Problem.in(file, "cannot read the export: " + e.getMessage(), "check the path and its permissions"));
    }
  }

  private void document(Handler handler) throws XMLStreamException {
    boolean channelSeen = false;
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT) {
        if (r.getLocalName().equals("channel")) {
          channel(handler);
          channelSeen = true;
        } else if (!r.getLocalName().equals("rss")) {
          skip();
        }
      }
    }
    if (!channelSeen) {
      throw new ProblemsException(Problem.in(file, "this is not a WordPress export: no <channel> found",
          "export the blog from WordPress with Tools → Export → All content"));
    }
  }

  private void channel(Handler handler) throws XMLStreamException {
    Map<String, String> fields = new LinkedHashMap<>();
    List<Wxr.Author> authors = new ArrayList<>();
    List<Wxr.Category> categories = new ArrayList<>();
    List<Wxr.Tag> tags = new ArrayList<>();
    boolean announced = false;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      boolean wp = isWp();
      if (name.equals("item")) {
        if (!announced) {
          handler.channel(channelOf(fields, authors, categories, tags));
          announced = true;
        }
        handler.item(item());
      } else if (wp && name.equals("author")) {
        Map<String, String> a = flat();
        authors.add(new Wxr.Author(a.getOrDefault("author_login", ""), a.getOrDefault("author_display_name", ""),
            a.getOrDefault("author_email", ""), a.getOrDefault("author_first_name", ""), a.getOrDefault("author_last_name", "")));
      } else if (wp && name.equals("category")) {
        Map<String, String> c = flat();
        categories.add(new Wxr.Category(number(c.get("term_id")), c.getOrDefault("category_nicename", ""),
            c.getOrDefault("category_parent", ""), c.getOrDefault("cat_name", ""), c.getOrDefault("category_description", "")));
      } else if (wp && name.equals("tag")) {
        Map<String, String> t = flat();
        tags.add(new Wxr.Tag(number(t.get("term_id")), t.getOrDefault("tag_slug", ""), t.getOrDefault("tag_name", "")));
      } else if (!fields.containsKey(key(name, wp))) {
        fields.put(key(name, wp), text());
      } else {
        skip();
      }
    }
    if (!announced) {
      handler.channel(channelOf(fields, authors, categories, tags));
    }
  }

  private static Wxr.Channel channelOf(Map<String, String> f, List<Wxr.Author> authors, List<Wxr.Category> categories,
      List<Wxr.Tag> tags) {
    return new Wxr.Channel(f.getOrDefault("title", ""), f.getOrDefault("link", ""), f.getOrDefault("description", ""),
        f.getOrDefault("language", ""), f.get("wp:wxr_version"), f.getOrDefault("wp:base_blog_url", ""), List.copyOf(authors),
        List.copyOf(categories), List.copyOf(tags));
  }

  private Wxr.Item item() throws XMLStreamException {
    int line = r.getLocation().getLineNumber();
    Map<String, String> f = new LinkedHashMap<>();
    List<Wxr.ItemTerm> terms = new ArrayList<>();
    Map<String, String> meta = new LinkedHashMap<>();
    List<Wxr.Comment> comments = new ArrayList<>();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      boolean wp = isWp();
      if (!wp && name.equals("category")) {
        String domain = attr("domain");
        String slug = attr("nicename");
        terms.add(new Wxr.ItemTerm(domain, slug, text().strip()));
      } else if (wp && name.equals("postmeta")) {
        Map<String, String> m = flat();
        meta.putIfAbsent(m.getOrDefault("meta_key", ""), m.getOrDefault("meta_value", ""));
      } else if (wp && name.equals("comment")) {
        Map<String, String> c = flat();
        comments.add(new Wxr.Comment(number(c.get("comment_id")), c.getOrDefault("comment_author", ""),
            c.getOrDefault("comment_author_email", ""), c.getOrDefault("comment_author_url", ""), c.getOrDefault("comment_date", ""),
            c.getOrDefault("comment_date_gmt", ""), c.getOrDefault("comment_content", ""), c.getOrDefault("comment_approved", ""),
            c.getOrDefault("comment_type", ""), number(c.get("comment_parent"))));
      } else if (name.equals("encoded")) {
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        String prefix = r.getPrefix() == null ? "" : r.getPrefix();
        f.put(ns.contains("excerpt") || prefix.equals("excerpt") ? "excerpt" : "content", text());
      } else {
        f.put(key(name, wp), text());
      }
    }
    return new Wxr.Item(line, number(f.get("wp:post_id")), f.getOrDefault("title", "").strip(), f.getOrDefault("link", "").strip(),
        f.getOrDefault("creator", "").strip(), f.getOrDefault("content", ""), f.getOrDefault("excerpt", ""),
        f.getOrDefault("wp:post_date", "").strip(), f.getOrDefault("wp:post_date_gmt", "").strip(),
        f.getOrDefault("wp:post_modified", "").strip(), f.getOrDefault("wp:post_modified_gmt", "").strip(),
        f.getOrDefault("wp:post_name", "").strip(), f.getOrDefault("wp:status", "").strip(), number(f.get("wp:post_parent")),
        (int) number(f.get("wp:menu_order")), f.getOrDefault("wp:post_type", "").strip(), f.getOrDefault("wp:post_password", ""),
        "1".equals(f.getOrDefault("wp:is_sticky", "0").strip()), f.getOrDefault("wp:attachment_url", "").strip(), List.copyOf(terms),
        meta, List.copyOf(comments));
  }

  private boolean isWp() {
    String ns = r.getNamespaceURI();
    String prefix = r.getPrefix();
    return (ns != null && ns.contains("wordpress.org/export")) || "wp".equals(prefix);
  }

  private static String key(String name, boolean wp) {
    return wp ? "wp:" + name : name;
  }

  private String attr(String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v.strip();
  }

  /** Child elements of the current one, by local name, each child's text (the first of a name wins). */
  private Map<String, String> flat() throws XMLStreamException {
    Map<String, String> out = new LinkedHashMap<>();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String name = r.getLocalName();
        String text = text();
        out.putIfAbsent(name, text);
      }
    }
    return out;
  }

  /** All text inside the current element, nested elements included; leaves the reader on its end tag. */
  private String text() throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE, XMLStreamConstants.ENTITY_REFERENCE ->
            sb.append(r.getText());
        default -> { }
      }
    }
    return sb.toString();
  }

  private void skip() throws XMLStreamException {
    text();
  }

  private static long number(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
