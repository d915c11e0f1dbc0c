package dev.inkstone.importer;

import dev.inkstone.markdown.VideoEmbeds;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** WordPress shortcode attributes ({@code key="value"}, {@code key='value'}, {@code key=value}, bare values). */
final class Shortcodes {
  private static final Pattern ATTR = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s'\"\\]]+))|\"([^\"]*)\"|(\\S+)");

  private Shortcodes() {}

  /** Attributes by lower-case name; bare values are numbered {@code 0}, {@code 1}, ... */
  static Map<String, String> attributes(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    String t = text.strip();
    if (t.startsWith("=")) {
      // [youtube=https://...]
      out.put("0", t.substring(1).strip());
      return out;
    }
    Matcher m = ATTR.matcher(t);
    int bare = 0;
    while (m.find()) {
      if (m.group(1) != null) {
        String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        out.put(m.group(1).toLowerCase(Locale.ROOT), v);
      } else {
        out.put(String.valueOf(bare++), m.group(5) != null ? m.group(5) : m.group(6));
      }
    }
    return out;
  }

  /** The YouTube video id of a watch, share or embed URL, or null. */
  private static String youtubeId(String url) {
    Matcher m = Pattern.compile("(?:youtube(?:-nocookie)?\\.com/(?:watch\\?(?:.*&)?v=|embed/|v/|shorts/)|youtu\\.be/)([\\w-]{6,})")
        .matcher(url == null ? "" : url);
    return m.find() ? m.group(1) : null;
  }

  /**
   * A YouTube watch, share or embed URL as Markdown that stands as a paragraph of its own:
   * Inkstone's video line for a standard id, the player's iframe for an id of another shape;
   * null when {@code url} is not YouTube's.
   */
  static String youtube(String url) {
    String standard = VideoEmbeds.youtubeId(url);
    if (standard != null) {
      return VideoEmbeds.youtubeLine(standard);
    }
    String id = youtubeId(url);
    return id == null ? null : VideoEmbeds.youtubeIframe(id);
  }
}
