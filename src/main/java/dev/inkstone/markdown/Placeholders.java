package dev.inkstone.markdown;

import dev.inkstone.output.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Lets Markdown be rendered before the permalinks are known: at parse time every link
 * destination is replaced by a numbered placeholder, and once the site is assembled each
 * placeholder is filled with the resolved URL, escaped as flexmark would have escaped it.
 */
final class Placeholders implements LinkResolver {
  static final char OPEN = '\u0002';
  static final char CLOSE = '\u0003';

  private final List<String> destinations = new ArrayList<>();

  @Override
  public String resolve(String destination) {
    destinations.add(destination);
    return OPEN + Integer.toString(destinations.size() - 1) + CLOSE;
  }

  List<String> destinations() {
    return destinations;
  }

  static List<String> resolveAll(List<String> destinations, LinkResolver links) {
    List<String> out = new ArrayList<>(destinations.size());
    for (String d : destinations) {
      out.add(resolve(d, links));
    }
    return out;
  }

  /** One destination resolved and escaped, as flexmark would have written it. */
  static String resolve(String destination, LinkResolver links) {
    return Html.escape(links.resolve(destination));
  }

  static String fill(String html, List<String> resolved) {
    return fill(html, resolved::get);
  }

  /** {@code html} with placeholder {@code i} replaced by {@code resolved.apply(i)}. */
  static String fill(String html, IntFunction<String> resolved) {
    int open = html.indexOf(OPEN);
    if (open < 0) {
      return html;
    }
    StringBuilder sb = new StringBuilder(html.length() + 64);
    int from = 0;
    while (open >= 0) {
      int close = html.indexOf(CLOSE, open);
      sb.append(html, from, open).append(resolved.apply(Integer.parseInt(html, open + 1, close, 10)));
      from = close + 1;
      open = html.indexOf(OPEN, from);
    }
    return sb.append(html, from, html.length()).toString();
  }

}
