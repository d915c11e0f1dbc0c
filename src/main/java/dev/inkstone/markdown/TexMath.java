package dev.inkstone.markdown;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * TeX math in Markdown: {@code $...$} inline and {@code $$...$$} display. The TeX is kept away
 * from emphasis and other inline rules, and rendered as text between {@code \(...\)} or
 * {@code \[...\]} in a {@code <span class="math">}, which the theme's KaTeX turns into formulas in
 * the browser (and which reads as TeX without it).
 *
 * <p>Like Pandoc, an inline {@code $} opens only before a non-space and closes only after a
 * non-space and not before a digit, so "costs $5 and $10" stays text; nor does it reach into a
 * code span.
 */
final class TexMath {
  private TexMath() {}

  /** A formula; {@code display} for {@code $$...$$}. */
  static final class MathNode extends Node {
    final boolean display;
    final String tex;

    MathNode(BasedSequence chars, boolean display, String tex) {
      super(chars);
      this.display = display;
      this.tex = tex;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  static final class Factory implements InlineParserExtensionFactory {
    @Override
    public CharSequence getCharacters() {
      return "$";
    }

    @Override
    public InlineParserExtension apply(LightInlineParser parser) {
      return new Parser();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }

  static final class Parser implements InlineParserExtension {
    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    @Override
    public boolean parse(LightInlineParser parser) {
      BasedSequence input = parser.getInput();
      int start = parser.getIndex();
      int n = input.length();
      if (start + 1 < n && input.charAt(start + 1) == '$') {
        int close = input.indexOf("$$", start + 2);
        if (close < 0 || input.subSequence(start + 2, close).isBlank()) {
          return false;
        }
        return add(parser, input, start, close + 2, true, input.subSequence(start + 2, close).toString().strip());
      }
      if (start + 1 >= n || Character.isWhitespace(input.charAt(start + 1))) {
        return false;
      }
      for (int i = start + 1; i < n; i++) {
        char c = input.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '$') {
          boolean closes = !Character.isWhitespace(input.charAt(i - 1)) && (i + 1 >= n || !Character.isDigit(input.charAt(i + 1)));
          if (!closes) {
            return false;
          }
          return add(parser, input, start, i + 1, false, input.subSequence(start + 1, i).toString());
        } else if (c == '`' || (c == '\n' && i + 1 < n && input.charAt(i + 1) == '\n')) {
          return false; // inline math does not reach into a code span
        }
      }
      return false;
    }

    private static boolean add(LightInlineParser parser, BasedSequence input, int start, int end, boolean display, String tex) {
      parser.flushTextNode();
      parser.getBlock().appendChild(new MathNode(input.subSequence(start, end), display, tex));
      parser.setIndex(end);
      return true;
    }
  }

  static final class Renderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(MathNode.class, Renderer::render));
    }

    private static void render(MathNode node, NodeRendererContext context, HtmlWriter html) {
      html.raw(html(node, new StringBuilder()));
    }

    /** Appends the formula's HTML to {@code sb}. */
    static StringBuilder html(MathNode node, StringBuilder sb) {
      sb.append(node.display ? "<span class=\"math math-display\">\\[" : "<span class=\"math math-inline\">\\(");
      Highlighter.escape(node.tex, sb);
      return sb.append(node.display ? "\\]</span>" : "\\)</span>");
    }
  }
}
