package dev.inkstone.source;

import java.util.Locale;

/**
 * Double-quoted YAML strings, for the YAML Inkstone writes into a blog folder (the site.yaml made
 * from another generator's configuration, imported front matter and redirects): quoted, no value
 * is read back as a number, a boolean or a date, and any character survives.
 */
public final class YamlStrings {
  private YamlStrings() {}

  public static String quoted(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
