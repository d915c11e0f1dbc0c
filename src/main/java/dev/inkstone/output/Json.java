package dev.inkstone.output;

/**
 * JSON string literals, for the few JSON files and snippets the site and the preview server
 * write (search index, JSON-LD, live-reload events). {@code <}, {@code >} and {@code &} are
 * escaped too, so a literal is safe inside an HTML {@code <script>} element as well.
 */
public final class Json {
  private Json() {}

  /** Appends {@code s} as a quoted JSON string. */
  public static StringBuilder string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  /** {@code s} as a quoted JSON string. */
  public static String string(String s) {
    return string(new StringBuilder(s.length() + 2), s).toString();
  }
}
