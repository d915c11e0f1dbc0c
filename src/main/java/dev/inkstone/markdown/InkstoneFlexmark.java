package dev.inkstone.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * Inkstone's changes to flexmark, packed as one extension: CJK-friendly emphasis and
 * strikethrough, CJK-aware soft line breaks, heading ids computed at parse time, links
 * rewritten through the caller's {@link dev.inkstone.markdown.LinkResolver}, and code blocks
 * highlighted at build time ({@link CodeBlockRenderer}).
 */
final class InkstoneFlexmark implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

  /**
   * The resolver of the render under way. flexmark 0.64 offers no per-call channel into its
   * shared renderer, so {@link MarkdownEngine#render} puts it into the document's data while it
   * holds that document's lock, and takes it out afterwards.
   */
  static final NullableDataKey<dev.inkstone.markdown.LinkResolver> LINK_RESOLVER =
      new NullableDataKey<>("INKSTONE_LINK_RESOLVER");

  /**
   * Only the rendering half of flexmark's strikethrough extension: its parsing half registers a
   * {@code ~} processor with the CommonMark flanking rule, which {@link CjkFlanking.Tilde}
   * replaces.
   */
  static final class StrikethroughRendering implements HtmlRenderer.HtmlRendererExtension {
    private final StrikethroughExtension delegate = StrikethroughExtension.create();

    @Override
    public void rendererOptions(MutableDataHolder options) {
      delegate.rendererOptions(options);
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
      delegate.extend(builder, rendererType);
    }
  }

  private final Highlighter highlighter;

  InkstoneFlexmark(Highlighter highlighter) {
    this.highlighter = highlighter;
  }

  @Override
  public void parserOptions(MutableDataHolder options) {
    // The core processors would claim '*' and '_' before ours; turn them off.
    options.set(Parser.ASTERISK_DELIMITER_PROCESSOR, false);
    options.set(Parser.UNDERSCORE_DELIMITER_PROCESSOR, false);
    // SharedHtmlBlocks and GatedBlockStarts stand in for these core block parsers.
    options.set(Parser.HTML_BLOCK_PARSER, false);
    options.set(Parser.HEADING_PARSER, false);
    options.set(Parser.FENCED_CODE_BLOCK_PARSER, false);
    options.set(Parser.THEMATIC_BREAK_PARSER, false);
  }

  @Override
  public void extend(Parser.Builder builder) {
    boolean strongWrapsEmphasis = Parser.STRONG_WRAPS_EMPHASIS.get(builder);
    builder.customDelimiterProcessor(new CjkFlanking.Asterisk(strongWrapsEmphasis));
    builder.customDelimiterProcessor(new CjkFlanking.Underscore(strongWrapsEmphasis));
    builder.customDelimiterProcessor(new CjkFlanking.Tilde());
    builder.customInlineParserExtensionFactory(new TexMath.Factory());
    builder.customBlockParserFactory(new GatedBlockStarts.Headings());
    builder.customBlockParserFactory(new GatedBlockStarts.Fences());
    builder.customBlockParserFactory(new SharedHtmlBlocks());
    builder.customBlockParserFactory(new GatedBlockStarts.ThematicBreaks());
  }

  @Override
  public void rendererOptions(MutableDataHolder options) {}

  @Override
  public void extend(HtmlRenderer.Builder builder, String rendererType) {
    builder.nodeRendererFactory(SoftBreakRenderer::new);
    builder.nodeRendererFactory(TextRenderer::new);
    builder.nodeRendererFactory(options -> new CodeBlockRenderer(highlighter));
    builder.nodeRendererFactory(options -> new TexMath.Renderer());
    builder.htmlIdGeneratorFactory(new ParsedIdsFactory());
    builder.linkResolverFactory(new LinkResolverFactory());
  }

  /** Writes nothing for a soft break between two CJK characters, the usual newline otherwise. */
  static final class SoftBreakRenderer implements NodeRenderer {
    SoftBreakRenderer(DataHolder options) {}

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(SoftLineBreak.class, this::render));
    }

    private void render(SoftLineBreak node, NodeRendererContext context, HtmlWriter html) {
      if (!SoftBreaks.vanishes(node)) {
        html.raw(context.getHtmlOptions().softBreak);
      }
    }
  }

  /**
   * Writes text as flexmark does, but without its regular expressions for the usual text, which
   * has nothing to unescape or escape: they were a twentieth of a big build.
   */
  static final class TextRenderer implements NodeRenderer {
    TextRenderer(DataHolder options) {}

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(Text.class, TextRenderer::render));
    }

    private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
      BasedSequence chars = node.getChars();
      String text = SourceText.text(chars);
      if (isPlain(text)) {
        html.raw(text);
      } else {
        html.text(Escaping.normalizeEOL(chars.unescape()));
      }
    }

    static boolean isPlain(String s) {
      for (int i = 0, n = s.length(); i < n; i++) {
        switch (s.charAt(i)) {
          case '\\', '&', '<', '>', '"', '\r' -> {
            return false;
          }
          default -> {}
        }
      }
      return true;
    }
  }

  static final class ParsedIdsFactory implements HeaderIdGeneratorFactory {
    @Override
    public HtmlIdGenerator create(LinkResolverContext context) {
      return new ParsedIds();
    }

    @Override
    public HtmlIdGenerator create() {
      return new ParsedIds();
    }
  }

  /**
   * Hands out the ids {@link MarkdownEngine#parse} stored on each heading. flexmark's own
   * generator assigns ids while rendering, which would write to a shared AST and would not know
   * our slug rules.
   */
  static final class ParsedIds implements HtmlIdGenerator {
    @Override
    public void generateIds(Document document) {}

    @Override
    public String getId(Node node) {
      return node instanceof com.vladsch.flexmark.ast.Heading heading ? heading.getAnchorRefId() : null;
    }

    @Override
    public String getId(CharSequence text) {
      return HeadingIds.slug(text.toString());
    }
  }

  static final class LinkResolverFactory extends IndependentLinkResolverFactory {
    @Override
    public com.vladsch.flexmark.html.LinkResolver apply(LinkResolverBasicContext context) {
      dev.inkstone.markdown.LinkResolver resolver = LINK_RESOLVER.get(context.getDocument());
      if (resolver == null) {
        return (node, ctx, link) -> link;
      }
      return (node, ctx, link) -> {
        // flexmark asks about a [word] with no reference definition too (arr[i], [1], [TOC]) and
        // makes it a link if a resolver answers: it stays text, as CommonMark says
        if (node instanceof AutoLink || node instanceof MailLink || node instanceof RefNode ref && !ref.isDefined()
            || !isResolvable(link.getLinkType())) {
          return link;
        }
        String resolved = resolver.resolve(link.getUrl());
        if (resolved == null || resolved.equals(link.getUrl())) {
          return link;
        }
        return link.withUrl(resolved).withStatus(LinkStatus.VALID);
      };
    }

    private static boolean isResolvable(LinkType type) {
      return type.equals(LinkType.LINK) || type.equals(LinkType.IMAGE)
          || type.equals(LinkType.LINK_REF) || type.equals(LinkType.IMAGE_REF);
    }
  }
}
