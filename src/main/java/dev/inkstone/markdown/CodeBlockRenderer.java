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
    String language = language(node);
    String code = node.getContentChars().normalizeEOL();
    String lower = language.toLowerCase(Locale.ROOT);
    html.line();
    html.openPre(); // keeps the code's leading spaces: outside <pre> flexmark trims them
    if (lower.equals("mermaid")) {
      html.raw("<pre class=\"mermaid\">");
      html.raw(Highlighter.escape(code, new StringBuilder()));
      html.raw("</pre>");
    } else if (isMath(lower)) {
      html.raw("<div class=\"math math-display\">\\[");
      html.raw(Highlighter.escape(code.strip(), new StringBuilder()));
      html.raw("\\]</div>");
    } else {
      html.raw(language.isEmpty() ? "<pre><code>" : "<pre><code class=\"language-" + language + "\">");
      html.raw(highlighter.highlight(language, code));
      html.raw("</code></pre>");
    }
    html.closePre();
    html.line();
  }
}
