package dev.inkstone.site;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Slugs and URL encoding. A slug keeps CJK characters as they are (a Chinese title makes a
 * readable Chinese URL), lower-cases Latin letters with {@link Locale#ROOT} and turns everything
 * else into single dashes. URLs handed to templates are percent-encoded, so they are valid
 * everywhere, while files on disk keep the readable Unicode names.
 */
public final class Slugs {
  private Slugs() {}

  public static String slugify(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    boolean dash = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp) || cp == '_' || cp == '.') {
        if (dash && out.length() > 0) {
          out.append('-');
        }
        dash = false;
        out.appendCodePoint(cp);
      } else {
        dash = true;
      }
    }
    String slug = out.toString();
    while (slug.endsWith(".")) {
      slug = slug.substring(0, slug.length() - 1);
    }
    while (slug.startsWith(".")) {
      slug = slug.substring(1);
    }
    return slug;
  }

  /** The URL segment of a term: {@code C++} is {@code cplus}, {@code C#} is {@code csharp}. */
  public static String term(String name) {
    String slug = slugify(name.trim().replace("#", "sharp").replace("+", "plus"));
    return slug.isEmpty() ? "term" : slug;
  }

  /** Percent-encodes everything in a site path that is not an unreserved ASCII character or {@code /}. */
  public static String encodePath(String path) {
    if (isPlain(path)) {
      return path;
    }
    StringBuilder out = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_' || c == '.'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

  private static boolean isPlain(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_' || c == '.'
          || c == '~')) {
        return false;
      }
    }
    return true;
  }

  /** The file in the site folder that serves a URL path: {@code /a/b/} → {@code a/b/index.html}. */
  public static String fileFor(String urlPath) {
    String p = urlPath.startsWith("/") ? urlPath.substring(1) : urlPath;
    if (p.isEmpty() || p.endsWith("/")) {
      return p + "index.html";
    }
    return p;
  }

  /**
   * Whether {@code href} leaves the site: it starts with a scheme ({@code https:},
   * {@code mailto:}; RFC 3986: a letter, then letters, digits, {@code + - .}, then a colon) or is
   * protocol-relative ({@code //cdn.example}).
   */
  public static boolean isExternal(String href) {
    if (href.startsWith("//")) {
      return true;
    }
    if (href.isEmpty() || !isAsciiLetter(href.charAt(0))) {
      return false;
    }
    for (int i = 1; i < href.length(); i++) {
      char c = href.charAt(i);
      if (c == ':') {
        return true;
      }
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
