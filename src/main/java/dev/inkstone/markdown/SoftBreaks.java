package dev.inkstone.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Decides whether a soft line break vanishes, by looking at the visible characters on both
 * sides of it in the AST rather than in the source, so that {@code **粗体**\n文字} sees 体 and 文
 * and not the asterisks.
 */
final class SoftBreaks {

  /** The neighbour is something other than text (an image, raw HTML, a break): keep the break. */
  private static final int OPAQUE = -2;
  /** The node has no characters (an empty text node): keep looking. */
  private static final int NOTHING = -1;

  private SoftBreaks() {}

  static boolean vanishes(SoftLineBreak lineBreak) {
    int before = lastCharBefore(lineBreak);
    if (before < 0) {
      return false;
    }
    int after = firstCharAfter(lineBreak);
    return after >= 0 && Cjk.joinsAcrossLineBreak(before, after);
  }

  private static int lastCharBefore(Node node) {
    Node current = node;
    while (true) {
      Node previous = current.getPrevious();
      if (previous == null) {
        current = current.getParent();
        if (current == null || current instanceof Block) {
          return OPAQUE;
        }
        continue;
      }
      int c = lastCharOf(previous);
      if (c != NOTHING) {
        return c;
      }
      current = previous;
    }
  }

  private static int firstCharAfter(Node node) {
    Node current = node;
    while (true) {
      Node next = current.getNext();
      if (next == null) {
        current = current.getParent();
        if (current == null || current instanceof Block) {
          return OPAQUE;
        }
        continue;
      }
      int c = firstCharOf(next);
      if (c != NOTHING) {
        return c;
      }
      current = next;
    }
  }

  private static int lastCharOf(Node node) {
    String text = leafText(node);
    if (text != null) {
      return text.isEmpty() ? NOTHING : text.codePointBefore(text.length());
    }
    if (!node.hasChildren()) {
      return OPAQUE;
    }
    for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
      int c = lastCharOf(child);
      if (c != NOTHING) {
        return c;
      }
    }
    return NOTHING;
  }

  private static int firstCharOf(Node node) {
    String text = leafText(node);
    if (text != null) {
      return text.isEmpty() ? NOTHING : text.codePointAt(0);
    }
    if (!node.hasChildren()) {
      return OPAQUE;
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      int c = firstCharOf(child);
      if (c != NOTHING) {
        return c;
      }
    }
    return NOTHING;
  }

  /** The visible text of a text-like leaf, or null for any other node. */
  private static String leafText(Node node) {
    if (node instanceof Text) {
      return node.getChars().unescape();
    }
    if (node instanceof Code code) {
      return code.getText().toString();
    }
    if (node instanceof HtmlEntity) {
      return node.getChars().unescape();
    }
    return null;
  }
}
