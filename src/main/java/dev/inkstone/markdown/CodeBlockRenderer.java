package dev.inkstone.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import java.util.Locale;
import java.util.Set;

/**
 * Renders fenced code blocks: {@code <pre><code class="language-xxx">} with the code already
 * highlighted by {@link Highlighter}; a {@code mermaid} block becomes {@code <pre class="mermaid">}
 * with its source as text, left for the diagram script; a {@code math} block becomes display math.
 */
final class CodeBlockRenderer implements NodeRenderer {
  private final Highlighter highlighter;

  CodeBlockRenderer(Highlighter highlighter) {
    this.highlighter = highlighter;
  }

  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::render));
  }

  /** The first word of the info string, reduced to characters that are safe in a class name. */
  static String language(FencedCodeBlock node) {
    String info = node.getInfo().toString().strip();
    int space = 0;
    while (space < info.length() && !Character.isWhitespace(info.charAt(space)) && info.charAt(space) != '{') {
      space++;
    }
    StringBuilder lang = new StringBuilder();
    for (char c : info.substring(0, space).toCharArray()) {
      if (Character.isLetterOrDigit(c) || c == '+' || c == '#' || c == '-' || c == '_' || c == '.') {
        lang.append(c);
      }
    }
    return lang.toString();
  }

  static boolean isMath(String lowerCaseLanguage) {
    return lowerCaseLanguage.equals("math") || lowerCaseLanguage.equals("katex");
  }

  private void render(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
    html.line();
    html.openPre(); // keeps the code's leading spaces: outside <pre> flexmark trims them
    html.raw(html(node, new StringBuilder()));
    html.closePre();
    html.line();
  }

  /** Appends the block's HTML, from {@code <pre>} to {@code </pre>}, to {@code sb}. */
  StringBuilder html(FencedCodeBlock node, StringBuilder sb) {
    String language = language(node);
    String code = node.getContentChars().normalizeEOL();
    String lower = language.toLowerCase(Locale.ROOT);
    if (lower.equals("mermaid")) {
      sb.append("<pre class=\"mermaid\">");
      Highlighter.escape(code, sb);
      sb.append("</pre>");
    } else if (isMath(lower)) {
      sb.append("<div class=\"math math-display\">\\[");
      Highlighter.escape(code.strip(), sb);
      sb.append("\\]</div>");
    } else {
      sb.append(language.isEmpty() ? "<pre><code>" : "<pre><code class=\"language-" + language + "\">");
      sb.append(highlighter.highlight(language, code));
      sb.append("</code></pre>");
    }
    return sb;
  }
}
