package dev.inkstone.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;

/**
 * A parsed document and what later stages need before rendering. Immutable to its users; safe
 * to share between threads and to render any number of times with {@link MarkdownEngine#render}.
 */
public final class ParsedMarkdown {

  /** The tree, kept only when the text could not be rendered ahead with placeholders. */
  private final Document document;
  private final Node moreMarker;
  /** HTML rendered at parse time, with a placeholder for each link destination; or null. */
  private final CompactText html;
  /** Where the excerpt ends in {@link #html}, or -1 without a marker. */
  private final int excerptEnd;
  private final List<String> destinations;
  private final CompactText plainText;
  private final TextStats stats;
  private final List<Heading> headings;
  private final boolean hasMoreMarker;
  private final boolean hasMath;
  private final boolean hasMermaid;

  ParsedMarkdown(Document document, Node moreMarker, CompactText html, int excerptEnd, List<String> destinations, CompactText plainText,
      TextStats stats, List<Heading> headings, boolean hasMoreMarker, boolean hasMath, boolean hasMermaid) {
    this.hasMath = hasMath;
    this.hasMermaid = hasMermaid;
    this.document = document;
    this.moreMarker = moreMarker;
    this.html = html;
    this.excerptEnd = excerptEnd;
    this.destinations = List.copyOf(destinations);
    this.plainText = plainText;
    this.stats = stats;
    this.headings = List.copyOf(headings);
    this.hasMoreMarker = hasMoreMarker;
  }

  /**
   * The prose: paragraphs, headings, lists, tables, quotes, footnotes and inline code; code
   * blocks, raw HTML and images are left out. Blocks are separated by line breaks.
   */
  public String plainText() {
    return plainText.text();
  }

  /** Word count and reading time of {@link #plainText()}. */
  public TextStats stats() {
    return stats;
  }

  /** Every heading in document order, with the id it gets in the HTML. */
  public List<Heading> headings() {
    return headings;
  }

  /** Whether the author marked the end of the excerpt with {@code <!--more-->}. */
  public boolean hasMoreMarker() {
    return hasMoreMarker;
  }

  /** Whether the text has a formula ({@code $...$}, {@code $$...$$} or a {@code math} block). */
  public boolean hasMath() {
    return hasMath;
  }

  /** Whether the text has a {@code mermaid} diagram block. */
  public boolean hasMermaid() {
    return hasMermaid;
  }

  Document document() {
    return document;
  }

  Node moreMarker() {
    return moreMarker;
  }

  /** The HTML rendered at parse time, or null when the tree was kept instead. */
  String html() {
    return html == null ? null : html.text();
  }

  /** The HTML up to {@link #excerptEnd}, read without the rest; null without a marker. */
  String excerptHtml() {
    return html == null ? null : html.head();
  }

  int excerptEnd() {
    return excerptEnd;
  }

  List<String> destinations() {
    return destinations;
  }
}
