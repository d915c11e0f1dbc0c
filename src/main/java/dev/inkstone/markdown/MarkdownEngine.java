package dev.inkstone.markdown;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns Markdown into HTML for Inkstone: CommonMark with GFM tables, task lists,
 * strikethrough and autolinks, plus footnotes and definition lists; raw HTML passes through
 * (authors are trusted); a line such as {@code @[bilibili](BV1xx411c7mD)} embeds a video ({@link
 * VideoEmbeds}). Chinese text gets two fixes CommonMark lacks: emphasis closes next to
 * full-width punctuation ({@code **粗体：**后面}) and a line break between two CJK characters
 * adds no space.
 *
 * <p>Build one per build and share it: {@link #parse} and {@link #render} are safe to call from
 * any number of threads.
 */
public final class MarkdownEngine {

  private static final Pattern MORE_MARKER =
      Pattern.compile("<!--\\s*more\\s*-->", Pattern.CASE_INSENSITIVE);

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final DirectHtml direct;
  private final Highlighter highlighter;
  private final boolean compact;

  public MarkdownEngine() {
    this(false);
  }

  /**
   * @param compact keep each document's HTML and plain text compressed until they are used (see
   *     {@link CompactText}), and do not remember highlighted code: for blogs too big to keep
   *     them as strings
   */
  public MarkdownEngine(boolean compact) {
    this.compact = compact;
    this.highlighter = new Highlighter(!compact);
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(
        new QuickTables(),
        TaskListExtension.create(),
        new InkstoneFlexmark.StrikethroughRendering(),
        new QuickAutolinks(),
        FootnoteExtension.create(),
        DefinitionExtension.create(),
        new InkstoneFlexmark(highlighter),
        new VideoEmbeds()));
    // GFM's table rules: a row may have fewer or more cells than the header,
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    // and one hyphen makes a delimiter cell (flexmark wants three)
    options.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
    // flexmark's default checkbox carries `readonly`, which HTML does not allow on checkboxes.
    options.set(TaskListExtension.ITEM_DONE_MARKER, "<input type=\"checkbox\" class=\"task-list-item-checkbox\" checked disabled>");
    options.set(TaskListExtension.ITEM_NOT_DONE_MARKER, "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled>");
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(HtmlRenderer.FORMAT_FLAGS, com.vladsch.flexmark.util.sequence.LineAppendable.F_PASS_THROUGH);
    // One frozen set for both: a renderer built without an extension's options renders its
    // nodes as nothing.
    DataHolder frozen = options.toImmutable();
    this.parser = Parser.builder(frozen).build();
    this.renderer = HtmlRenderer.builder(frozen).build();
    this.direct = new DirectHtml(frozen, new CodeBlockRenderer(highlighter));
  }

  /** CPU milliseconds spent highlighting code so far (a share of the parse stage, over all threads). */
  public long highlightMillis() {
    return highlighter.millis();
  }

  /** Parses a document body (front matter already removed). */
  public ParsedMarkdown parse(String markdown) {
    Objects.requireNonNull(markdown, "markdown");
    Document document = parser.parse(BasedSequence.of(new SourceText(markdown)));
    Facts facts = Facts.of(document);

    String plainText = PlainText.of(document);
    Node marker = findMoreMarker(document);
    // Render now, with a placeholder for every link destination, and let the tree go: a
    // 10,000-post blog cannot keep 10,000 flexmark trees alive until every permalink is known.
    // Text that already holds the placeholder characters keeps its tree instead.
    if (markdown.indexOf(Placeholders.OPEN) < 0 && markdown.indexOf(Placeholders.CLOSE) < 0) {
      Placeholders placeholders = new Placeholders();
      String[] html = renderWith(document, marker, placeholders, facts.direct());
      int excerptEnd = html[1] == null ? -1 : html[1].length();
      return new ParsedMarkdown(null, null, CompactText.of(html[0], compact, excerptEnd), excerptEnd,
          placeholders.destinations(), CompactText.of(plainText, compact), TextStats.of(plainText), facts.headings(), marker != null,
          facts.math(), facts.mermaid());
    }
    return new ParsedMarkdown(document, marker, null, -1, List.of(), CompactText.of(plainText, compact), TextStats.of(plainText),
        facts.headings(), marker != null, facts.math(), facts.mermaid());
  }

  /** What one pass over a fresh tree finds; it also fixes the heading ids, once. */
  private record Facts(List<Heading> headings, boolean math, boolean mermaid, boolean direct) {
    static Facts of(Document document) {
      // Ids are fixed here, once, so every later render reads them and none writes them.
      HeadingIds ids = new HeadingIds();
      List<Heading> headings = new ArrayList<>();
      boolean math = false;
      boolean mermaid = false;
      boolean direct = true;
      for (Node node : document.getDescendants()) {
        direct &= DirectHtml.supports(node);
        if (node instanceof TexMath.MathNode) {
          math = true;
        } else if (node instanceof com.vladsch.flexmark.ast.FencedCodeBlock code) {
          String language = CodeBlockRenderer.language(code).toLowerCase(java.util.Locale.ROOT);
          mermaid |= language.equals("mermaid");
          math |= CodeBlockRenderer.isMath(language);
        }
        if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
          String text = PlainText.inline(heading);
          String id = ids.next(text);
          heading.setAnchorRefId(id);
          headings.add(new Heading(heading.getLevel(), id, text));
        }
      }
      return new Facts(headings, math, mermaid, direct);
    }
  }

  /**
   * For tests: the HTML of {@code markdown} from flexmark's renderer and from {@link DirectHtml}
   * (null when the document holds a node it leaves to flexmark), each with its own resolver.
   */
  String[] renderBothWays(String markdown, LinkResolver forFlexmark, LinkResolver forDirect) {
    Document document = parser.parse(BasedSequence.of(new SourceText(markdown)));
    Facts facts = Facts.of(document);
    String flexmark = renderWith(document, null, forFlexmark, false)[0];
    return new String[] {flexmark, facts.direct() ? renderWith(document, null, forDirect, true)[0] : null};
  }

  /** The whole HTML and the excerpt HTML (null without a marker), links passed through {@code links}. */
  private String[] renderWith(Document document, Node marker, LinkResolver links, boolean directly) {
    document.set(InkstoneFlexmark.LINK_RESOLVER, links);
    try {
      String html = directly ? direct.render(document, links) : renderer.render(document);
      String excerpt = null;
      if (marker != null) {
        // The marker is a raw HTML block, written out as it is; anything before it in code
        // would have been escaped. Rendering the blocks one by one instead loses their links.
        int at = html.indexOf(marker.getChars().toString().strip());
        excerpt = at < 0 ? null : html.substring(0, at);
      }
      return new String[] {html, excerpt};
    } finally {
      document.remove(InkstoneFlexmark.LINK_RESOLVER);
    }
  }

  /**
   * Renders a parsed document, passing every link and image destination through {@code links}.
   * Rendering the same document again, or from several threads, gives the same HTML.
   */
  public RenderedMarkdown render(ParsedMarkdown parsed, LinkResolver links) {
    Objects.requireNonNull(parsed, "parsed");
    Objects.requireNonNull(links, "links");
    if (parsed.document() == null) {
      // every link resolved now, so that what a resolver reports (a broken link) comes with the render
      List<String> resolved = Placeholders.resolveAll(parsed.destinations(), links);
      return RenderedMarkdown.filled(parsed.html(), resolved, parsed.excerptEnd(), Toc.of(parsed.headings()));
    }
    Document document = parsed.document();
    String[] html;
    // flexmark's footnote renderer re-sorts a list kept in the document on every render, and
    // the resolver travels in the document's data: one render of a document at a time.
    // Different documents still render in parallel.
    synchronized (document) {
      html = renderWith(document, parsed.moreMarker(), links, false);
    }
    return RenderedMarkdown.of(html[0], html[1], Toc.of(parsed.headings()));
  }

  /**
   * The excerpt's HTML alone, null without a more marker: what {@code render(parsed,
   * links).excerptHtml()} gives, without filling in the rest of the document.
   */
  public String renderExcerpt(ParsedMarkdown parsed, LinkResolver links) {
    if (parsed.document() != null) {
      return render(parsed, links).excerptHtml();
    }
    if (parsed.excerptEnd() < 0) {
      return null;
    }
    List<String> destinations = parsed.destinations();
    return Placeholders.fill(parsed.excerptHtml(), i -> Placeholders.resolve(destinations.get(i), links));
  }

  /** Renders with every destination left as written. */
  public RenderedMarkdown render(ParsedMarkdown parsed) {
    return render(parsed, LinkResolver.UNCHANGED);
  }

  /** The marker counts only as a block of its own at the top level, as authors write it. */
  private static Node findMoreMarker(Document document) {
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof HtmlBlockBase && MORE_MARKER.matcher(node.getChars().toString().strip()).matches()) {
        return node;
      }
    }
    return null;
  }
}
