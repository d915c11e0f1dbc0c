package dev.inkstone.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * The prose of a document, for word counts, search and related posts.
 *
 * <p>Code blocks, raw HTML, images and footnote markers are left out: they are not prose, and a
 * long listing would otherwise dominate both the reading time and the search index. Inline code
 * stays, because it is usually a word of the sentence ({@code the `map` function}). Blocks are
 * separated by a line break; soft line breaks follow the rendering rule (nothing between two CJK
 * characters, a space otherwise).
 */
final class PlainText {

  private final StringBuilder out = new StringBuilder();

  private PlainText() {}

  static String of(Node node) {
    PlainText text = new PlainText();
    text.visit(node);
    return stripped(text.out);
  }

  /** {@code out} without leading and trailing white space, as {@link String#strip}, copied once. */
  private static String stripped(StringBuilder out) {
    // every white space character is in the Basic Multilingual Plane: char by char is code point by code point
    int start = 0;
    int end = out.length();
    while (start < end && Character.isWhitespace(out.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
      end--;
    }
    return out.substring(start, end);
  }

  /** The text of one heading or other inline container, on one line. */
  static String inline(Node node) {
    PlainText text = new PlainText();
    text.visitChildren(node);
    return text.out.toString().replace('\n', ' ').strip();
  }

  private void visit(Node node) {
    if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock || node instanceof CodeBlock
        || node instanceof HtmlBlockBase || node instanceof HtmlInlineBase
        || node instanceof Image || node instanceof ImageRef
        || node instanceof Reference || node instanceof Footnote || node instanceof TableSeparator) {
      return;
    }
    if (node instanceof Text || node instanceof HtmlEntity) {
      BasedSequence chars = node.getChars();
      if (SourceText.appendPlain(chars, out)) {
        return;
      }
      String text = SourceText.text(chars);
      // unescaping runs regular expressions over the text; most text has nothing to unescape
      out.append(text.indexOf('\\') < 0 && text.indexOf('&') < 0 ? text : chars.unescape());
    } else if (node instanceof Code code) {
      out.append(code.getText());
    } else if (node instanceof AutoLink link) {
      out.append(link.getText());
    } else if (node instanceof MailLink link) {
      out.append(link.getText());
    } else if (node instanceof SoftLineBreak lineBreak) {
      if (!SoftBreaks.vanishes(lineBreak)) {
        out.append(' ');
      }
    } else if (node instanceof HardLineBreak) {
      out.append('\n');
    } else if (node instanceof Block) {
      newLine();
      visitChildren(node);
      newLine();
    } else if (node instanceof TableCell) {
      visitChildren(node);
      out.append(' ');
    } else {
      visitChildren(node);
    }
  }

  private void visitChildren(Node node) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      visit(child);
    }
  }

  private void newLine() {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }
}
