package dev.inkstone.markdown;

import dev.inkstone.output.Html;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * {@code fill(html, resolved)} encoded as UTF-8, made from {@code html}'s own encoding: the
   * placeholder characters are ASCII, so they are found, and replaced, in the bytes.
   */
  static RenderedMarkdown.Utf8 fillUtf8(String html, List<String> resolved) {
    byte[] source = html.getBytes(StandardCharsets.UTF_8);
    int open = indexOf(source, (byte) OPEN, 0);
    if (open < 0) {
      return new RenderedMarkdown.Utf8(source, source.length);
    }
    byte[] out = new byte[source.length + 64 * resolved.size()];
    int size = 0;
    int from = 0;
    while (open >= 0) {
      int close = indexOf(source, (byte) CLOSE, open);
      int index = 0;
      for (int i = open + 1; i < close; i++) {
        index = index * 10 + (source[i] - '0');
      }
      byte[] url = resolved.get(index).getBytes(StandardCharsets.UTF_8);
      int needed = size + (open - from) + url.length + (source.length - close);
      if (needed > out.length) {
        out = Arrays.copyOf(out, Math.max(needed, out.length * 2));
      }
      System.arraycopy(source, from, out, size, open - from);
      size += open - from;
      System.arraycopy(url, 0, out, size, url.length);
      size += url.length;
      from = close + 1;
      open = indexOf(source, (byte) OPEN, from);
    }
    System.arraycopy(source, from, out, size, source.length - from);
    return new RenderedMarkdown.Utf8(out, size + source.length - from);
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
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
