package dev.inkstone.template;

import io.pebbletemplates.pebble.extension.escaper.EscapingStrategy;

/**
 * Pebble's {@code html} escaping, the autoescaping of every printed value: the five characters
 * that mean something in markup, {@code < > & " '}, written as {@code &lt; &gt; &amp; &quot;
 * &#39;}, exactly as Pebble's own strategy (unbescape's {@code escapeHtml4Xml}) writes them.
 *
 * <p>Pebble's strategy builds unbescape's tables of every HTML 4 and HTML 5 entity the first
 * time a page prints a value, some 20 ms while the other threads wait on the class, early in a
 * build, and then looks each character up in them; a value with nothing to escape, nearly every
 * one, is here returned as it is.
 */
final class MarkupEscaping implements EscapingStrategy {

  @Override
  public String escape(String input) {
    int n = input.length();
    int i = 0;
    while (i < n && !isMarkup(input.charAt(i))) {
      i++;
    }
    if (i == n) {
      return input;
    }
    StringBuilder out = new StringBuilder(n + 16).append(input, 0, i);
    for (; i < n; i++) {
      char c = input.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isMarkup(char c) {
    return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
  }
}
