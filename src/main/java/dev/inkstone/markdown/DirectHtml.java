package dev.inkstone.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a parsed document's HTML straight into one {@code StringBuilder}: the characters
 * flexmark's {@link HtmlRenderer} writes with Inkstone's settings, for the nodes posts are made of.
 *
 * <p>flexmark's renderer feeds every character of the page through its line-tracking writer one
 * call at a time, and builds its table of node renderers again for every document: about a tenth
 * of a 10,000-post build. A document holding anything else (footnotes, definition lists, task
 * lists, video lines, raw HTML with blank lines, ...) is left to flexmark's renderer: {@link
 * #supports} says which, and {@code DirectHtmlTest} renders documents both ways and compares.
 *
 * <p>The writer keeps flexmark's one rule about lines: a block starts and ends on a line of its
 * own, and a new line is only begun when the current one has text. Code blocks and raw HTML are
 * written whole, with the line breaks they hold.
 */
final class DirectHtml {

  private static final Set<Class<? extends Node>> NODES = Set.of(
      Document.class, Paragraph.class, Text.class, TextBase.class, SoftLineBreak.class, HardLineBreak.class,
      Emphasis.class, StrongEmphasis.class, Strikethrough.class, Code.class, Heading.class, FencedCodeBlock.class,
      IndentedCodeBlock.class, CodeBlock.class, BlockQuote.class, BulletList.class, OrderedList.class,
      BulletListItem.class, OrderedListItem.class, ThematicBreak.class, HtmlBlock.class, HtmlCommentBlock.class,
      HtmlInline.class, HtmlInlineComment.class, HtmlEntity.class, Link.class, Image.class, LinkRef.class,
      ImageRef.class, AutoLink.class, MailLink.class, Reference.class, TableBlock.class, TableHead.class,
      TableSeparator.class, TableBody.class, TableRow.class, TableCell.class, TableCaption.class,
      TexMath.MathNode.class);

  private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t]*\r?\n");

  private final CodeBlockRenderer code;
  private final ListOptions lists;
  private final Pattern suppressedLinks;
  private final String softBreak;
  private final String hardBreak;
  private final String wwwPrefix;
  private final String noLanguageClass;
  private final String tableClass;
  private final boolean columnSpans;

  /** @param options the frozen options the engine's parser and renderer were built with */
  DirectHtml(DataHolder options, CodeBlockRenderer code) {
    this.code = code;
    this.lists = ListOptions.get(options);
    String suppressed = HtmlRenderer.SUPPRESSED_LINKS.get(options);
    this.suppressedLinks = suppressed.isEmpty() ? null : Pattern.compile(suppressed);
    this.softBreak = HtmlRenderer.SOFT_BREAK.get(options);
    this.hardBreak = HtmlRenderer.HARD_BREAK.get(options);
    this.wwwPrefix = HtmlRenderer.AUTOLINK_WWW_PREFIX.get(options);
    this.noLanguageClass = HtmlRenderer.FENCED_CODE_NO_LANGUAGE_CLASS.get(options).trim();
    this.tableClass = TablesExtension.CLASS_NAME.get(options);
    this.columnSpans = TablesExtension.COLUMN_SPANS.get(options);
  }

  /** Whether {@link #render} writes this node as flexmark would; a document needs it of every node. */
  static boolean supports(Node node) {
    if (!NODES.contains(node.getClass())) {
      return false;
    }
    if (node instanceof Paragraph) {
      // a line of its own starting with @ may be a video (VideoEmbeds)
      return node.getChars().trimStart().firstChar() != '@';
    }
    if (node instanceof HtmlBlock html) {
      return !html.hasChildren() && isPlainRaw(html.getContentChars());
    }
    if (node instanceof HtmlCommentBlock || node instanceof HtmlInline || node instanceof HtmlInlineComment) {
      return isPlainRaw(node.getChars());
    }
    if (node instanceof Image image) {
      return image.getUrlContent().isEmpty();
    }
    return true;
  }

  /**
   * Raw HTML is written as it stands; flexmark's writer treats a blank line or a leading newline
   * in it specially, so such HTML stays with flexmark.
   */
  private static boolean isPlainRaw(BasedSequence chars) {
    return chars.length() > 0 && chars.charAt(0) != '\n' && !BLANK_LINE.matcher(chars).find();
  }

  /** The document's HTML, every link and image destination passed through {@code links}. */
  String render(Document document, LinkResolver links) {
    Writer writer = new Writer(document, links, document.getChars().length() * 5 / 4 + 256);
    writer.children(document);
    writer.line();
    return writer.out.toString();
  }

  /**
   * flexmark's escaping ({@code Escaping.escapeHtml}), which runs a regular expression over every
   * piece of text; most pieces hold none of the characters it replaces.
   */
  static String escape(String s, boolean keepEntities) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '&' || c == '<' || c == '>' || c == '"') {
        return Escaping.escapeHtml(s, keepEntities);
      }
    }
    return s;
  }

  /** One render's output and state. */
  private final class Writer {
    final StringBuilder out;
    final Document document;
    final LinkResolver links;
    /** Where the current line starts in {@link #out}: it has text when the length is past it. */
    int lineStart;
    /** flexmark resolves each destination once per render and link kind, first node first. */
    final Map<String, String> resolvedLinks = new HashMap<>();
    final Map<String, String> resolvedImages = new HashMap<>();

    Writer(Document document, LinkResolver links, int capacity) {
      this.document = document;
      this.links = links;
      this.out = new StringBuilder(capacity);
    }

    void line() {
      if (out.length() > lineStart) {
        out.append('\n');
        lineStart = out.length();
      }
    }

    void raw(String s) {
      int eol = s.lastIndexOf('\n');
      out.append(s);
      if (eol >= 0) {
        lineStart = out.length() - s.length() + eol + 1;
      }
    }

    void text(String s) {
      raw(escape(s, false));
    }

    /**
     * Writes {@code source[start, end)} as it is, copied straight from the source text, when it
     * holds nothing to escape or unescape (nor a NUL, which flexmark's reads replace); false,
     * with nothing written, otherwise.
     */
    private boolean rawPiece(char[] source, int start, int end) {
      int eol = -1;
      for (int i = start; i < end; i++) {
        switch (source[i]) {
          case '\\', '&', '<', '>', '"', '\r', '\0' -> {
            return false;
          }
          case '\n' -> eol = i;
          default -> {}
        }
      }
      out.append(source, start, end - start);
      if (eol >= 0) {
        lineStart = out.length() - (end - eol) + 1;
      }
      return true;
    }

    void attr(String name, String value) {
      out.append(' ').append(name).append("=\"").append(escape(value, true)).append('"');
    }

    void children(Node parent) {
      for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
        node(child);
      }
    }

    /** A block on lines of its own: {@code <tag>}, the children, {@code </tag>}. */
    void block(String tag, Node node) {
      line();
      out.append('<').append(tag).append('>');
      children(node);
      out.append("</").append(tag).append('>');
      line();
    }

    /** An element inside a line. */
    void inline(String tag, Node node) {
      out.append('<').append(tag).append('>');
      children(node);
      out.append("</").append(tag).append('>');
    }

    void node(Node node) {
      Class<?> type = node.getClass();
      if (type == Text.class) {
        BasedSequence chars = node.getChars();
        char[] source = SourceText.array(chars);
        if (source != null && rawPiece(source, chars.getStartOffset(), chars.getEndOffset())) {
          return;
        }
        String text = SourceText.text(chars);
        if (InkstoneFlexmark.TextRenderer.isPlain(text)) {
          raw(text);
        } else {
          text(Escaping.normalizeEOL(chars.unescape()));
        }
      } else if (type == SoftLineBreak.class) {
        if (!SoftBreaks.vanishes((SoftLineBreak) node)) {
          raw(softBreak);
        }
      } else if (type == Paragraph.class) {
        paragraph((Paragraph) node);
      } else if (type == Code.class) {
        out.append("<code>");
        text(Escaping.collapseWhitespace(((Code) node).getText(), true));
        out.append("</code>");
      } else if (type == Link.class) {
        link((Link) node);
      } else if (type == StrongEmphasis.class) {
        inline("strong", node);
      } else if (type == Emphasis.class) {
        inline("em", node);
      } else if (type == Heading.class) {
        heading((Heading) node);
      } else if (type == FencedCodeBlock.class) {
        line();
        raw(code.html((FencedCodeBlock) node, new StringBuilder()).toString());
        line();
      } else if (type == BulletListItem.class || type == OrderedListItem.class) {
        line();
        out.append("<li>");
        BasedSequence suffix = ((ListItem) node).getMarkerSuffix();
        if (suffix.isNotEmpty()) {
          text(suffix.unescape());
        }
        children(node);
        out.append("</li>");
        line();
      } else if (type == BulletList.class) {
        block("ul", node);
      } else if (type == OrderedList.class) {
        int start = ((OrderedList) node).getStartNumber();
        line();
        out.append("<ol");
        if (lists.isOrderedListManualStart() && start != 1) {
          attr("start", String.valueOf(start));
        }
        out.append('>');
        children(node);
        out.append("</ol>");
        line();
      } else if (type == TextBase.class || type == Document.class) {
        children(node);
      } else if (type == HtmlInline.class || type == HtmlInlineComment.class) {
        raw(node.getChars().normalizeEOL());
      } else if (type == HtmlBlock.class) {
        line();
        line();
        raw(((HtmlBlock) node).getContentChars().normalizeEOL());
        line();
        line();
      } else if (type == HtmlCommentBlock.class) {
        raw(node.getChars().normalizeEOL());
      } else if (type == HtmlEntity.class) {
        text(node.getChars().unescape());
      } else if (type == HardLineBreak.class) {
        raw(hardBreak);
      } else if (type == Strikethrough.class) {
        inline("del", node);
      } else if (type == AutoLink.class) {
        autoLink((AutoLink) node);
      } else if (type == MailLink.class) {
        mailLink((MailLink) node);
      } else if (type == Image.class) {
        image((Image) node);
      } else if (type == LinkRef.class) {
        linkRef((LinkRef) node);
      } else if (type == ImageRef.class) {
        imageRef((ImageRef) node);
      } else if (type == TexMath.MathNode.class) {
        raw(TexMath.Renderer.html((TexMath.MathNode) node, new StringBuilder()).toString());
      } else if (type == BlockQuote.class) {
        line();
        out.append("<blockquote>");
        children(node);
        line();
        out.append("</blockquote>");
        line();
      } else if (type == ThematicBreak.class) {
        line();
        out.append("<hr />");
        line();
      } else if (type == IndentedCodeBlock.class) {
        line();
        out.append("<pre><code");
        if (!noLanguageClass.isEmpty()) {
          attr("class", noLanguageClass); // flexmark sets it once <pre> is written: it lands on <code>
        }
        out.append('>');
        text(((IndentedCodeBlock) node).getContentChars().trimTailBlankLines().normalizeEndWithEOL());
        out.append("</code></pre>");
        line();
      } else if (type == TableBlock.class) {
        line();
        out.append("<table");
        if (!tableClass.isEmpty()) {
          attr("class", tableClass);
        }
        out.append('>');
        children(node);
        line();
        out.append("</table>");
        line();
      } else if (type == TableHead.class) {
        block("thead", node);
      } else if (type == TableBody.class) {
        block("tbody", node);
      } else if (type == TableRow.class) {
        block("tr", node);
      } else if (type == TableCaption.class) {
        block("caption", node);
      } else if (type == TableCell.class) {
        cell((TableCell) node);
      } else if (type == TableSeparator.class || type == Reference.class || type == CodeBlock.class) {
        // nothing, as in flexmark
      } else {
        throw new IllegalStateException("DirectHtml.supports let a " + type.getName() + " through");
      }
    }

    void paragraph(Paragraph node) {
      if (node.getFirstChildAnyNot(NonRenderingInline.class) == null) {
        return;
      }
      if (node.getParent() instanceof ParagraphItemContainer item && item.isParagraphWrappingDisabled(node, lists, document)) {
        children(node);
      } else {
        block("p", node);
      }
    }

    void heading(Heading node) {
      String tag = "h" + node.getLevel();
      line();
      out.append('<').append(tag);
      String id = node.getAnchorRefId();
      if (id != null && !id.isEmpty()) {
        attr("id", id);
      }
      out.append('>');
      children(node);
      out.append("</").append(tag).append('>');
      line();
    }

    void cell(TableCell node) {
      String tag = node.isHeader() ? "th" : "td";
      out.append('<').append(tag);
      if (node.getAlignment() != null) {
        attr("align", switch (node.getAlignment()) {
          case LEFT -> "left";
          case CENTER -> "center";
          case RIGHT -> "right";
        });
      }
      if (columnSpans && node.getSpan() > 1) {
        attr("colspan", String.valueOf(node.getSpan()));
      }
      out.append('>');
      children(node);
      out.append("</").append(tag).append('>');
    }

    boolean suppressed(CharSequence url) {
      return suppressedLinks != null && suppressedLinks.matcher(url).matches();
    }

    /**
     * What flexmark's resolver chain gives for {@code url}: the first node to ask decides for
     * every later one of the same kind, and autolinks and undefined references keep theirs.
     */
    String resolve(Map<String, String> resolved, String url, Node node) {
      String known = resolved.get(url);
      if (known != null) {
        return known;
      }
      String result = url;
      if (!url.isEmpty() && !(node instanceof AutoLink) && !(node instanceof MailLink)) {
        String answer = links.resolve(url);
        if (answer != null) {
          result = answer;
        }
      }
      resolved.put(url, result);
      return result;
    }

    void link(Link node) {
      if (suppressed(node.getUrl())) {
        children(node);
        return;
      }
      anchor(resolve(resolvedLinks, node.getUrl().unescape(), node), node.getTitle(), node);
    }

    /** {@code <a href title>}, the children, {@code </a>}; no title attribute when none was written. */
    void anchor(String url, BasedSequence title, Node node) {
      out.append("<a");
      attr("href", url);
      if (title.isNotNull()) {
        attr("title", title.unescape());
      }
      out.append('>');
      children(node);
      out.append("</a>");
    }

    /** {@code <img src alt title />}, as flexmark orders them. */
    void img(String url, Node node, BasedSequence title) {
      out.append("<img");
      attr("src", url);
      attr("alt", new TextCollectingVisitor().collectAndGetText(node));
      if (title.isNotNull()) {
        attr("title", title.unescape());
      }
      out.append(" />");
    }

    void image(Image node) {
      if (suppressed(node.getUrl())) {
        return;
      }
      img(resolve(resolvedImages, node.getUrl().unescape(), node), node, node.getTitle());
    }

    void autoLink(AutoLink node) {
      String text = node.getText().toString();
      if (suppressed(node.getUrl())) {
        text(text);
        return;
      }
      String url = resolve(resolvedLinks, text, node);
      textLink(url.startsWith("www.") ? wwwPrefix + url : url, text);
    }

    /** A link whose text is the address as written. */
    void textLink(String href, String text) {
      out.append("<a");
      attr("href", href);
      out.append('>');
      text(text);
      out.append("</a>");
    }

    void mailLink(MailLink node) {
      String text = node.getText().unescape();
      if (suppressed(node.getUrl())) {
        text(text);
        return;
      }
      textLink("mailto:" + resolve(resolvedLinks, text, node), text);
    }

    void linkRef(LinkRef node) {
      Reference reference = node.isDefined() ? node.getReferenceNode(document) : null;
      if (reference == null) {
        // no definition: the brackets stay text (our resolvers answer nothing for these)
        if (!node.hasChildren()) {
          text(node.getChars().unescape());
        } else {
          text(node.getChars().prefixOf(node.getChildChars()).unescape());
          children(node);
          text(node.getChars().suffixOf(node.getChildChars()).unescape());
        }
        return;
      }
      String target = reference.getUrl().unescape();
      String url = resolve(resolvedLinks, target, node);
      if (suppressed(target)) {
        children(node);
      } else {
        anchor(url, reference.getTitle(), node);
      }
    }

    void imageRef(ImageRef node) {
      Reference reference = node.isDefined() ? node.getReferenceNode(document) : null;
      if (reference == null) {
        text(node.getChars().unescape());
        return;
      }
      String target = reference.getUrl().unescape();
      String url = resolve(resolvedImages, target, node);
      if (!suppressed(target)) {
        img(url, node, reference.getTitle());
      }
    }
  }
}
