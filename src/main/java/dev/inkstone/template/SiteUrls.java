package dev.inkstone.template;

import dev.inkstone.config.SiteConfig;
import dev.inkstone.site.Slugs;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs for things that leave the site's pages: feeds, sitemaps, metadata. A site path such as
 * {@code /posts/缓存/} becomes the percent-encoded URL with the base path ({@link #url}) or the
 * absolute URL ({@link #absolute}); links inside rendered HTML are made absolute for readers
 * that see the HTML without the page around it ({@link #absolutize}).
 */
final class SiteUrls {
  private static final Pattern ATTRIBUTE =
      Pattern.compile("(?i)(\\s(?:href|src|poster)\\s*=\\s*)(\"([^\"]*)\"|'([^']*)')");
  private static final Pattern SRCSET = Pattern.compile("(?i)(\\ssrcset\\s*=\\s*)(\"([^\"]*)\"|'([^']*)')");

  private final String basePath;
  private final String origin;

  SiteUrls(SiteConfig config) {
    this.basePath = config.basePath();
    String base = config.baseUrl();
    this.origin = base.substring(0, base.length() - basePath.length());
  }

  /** The site's path below its host, {@code /} or such as {@code /blog/}. */
  String basePath() {
    return basePath;
  }

  /** Scheme and host of the site, such as {@code https://example.org}. */
  String origin() {
    return origin;
  }

  /** {@code /posts/a/} → {@code /blog/posts/a/} under a base path, percent-encoded. */
  String url(String sitePath) {
    return Slugs.encodePath(basePath + sitePath.substring(1));
  }

  /** {@code /posts/a/} → {@code https://example.org/blog/posts/a/}. */
  String absolute(String sitePath) {
    return origin + url(sitePath);
  }

  /** A URL as written in content or config (site path, relative, absolute) made absolute against {@code page}. */
  String resolve(String href, String page) {
    if (href.isEmpty() || Slugs.isExternal(href)) {
      return href;
    }
    if (href.startsWith("/")) {
      return origin + href;
    }
    try {
      return URI.create(page).resolve(href).toString();
    } catch (IllegalArgumentException e) {
      return href;
    }
  }

  /** Every {@code href}, {@code src}, {@code poster} and {@code srcset} in {@code html} made absolute against {@code page}. */
  String absolutize(String html, String page) {
    Matcher m = ATTRIBUTE.matcher(html);
    StringBuilder sb = new StringBuilder(html.length() + 256);
    while (m.find()) {
      boolean dq = m.group(3) != null;
      String value = dq ? m.group(3) : m.group(4);
      String q = dq ? "\"" : "'";
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + q + resolve(value, page) + q));
    }
    m.appendTail(sb);
    Matcher s = SRCSET.matcher(sb.toString());
    StringBuilder out = new StringBuilder(sb.length());
    while (s.find()) {
      boolean dq = s.group(3) != null;
      String value = dq ? s.group(3) : s.group(4);
      StringBuilder set = new StringBuilder();
      for (String candidate : value.split(",")) {
        String c = candidate.trim();
        if (c.isEmpty()) {
          continue;
        }
        int space = c.indexOf(' ');
        String u = space < 0 ? c : c.substring(0, space);
        set.append(set.length() == 0 ? "" : ", ").append(resolve(u, page)).append(space < 0 ? "" : c.substring(space));
      }
      String q = dq ? "\"" : "'";
      s.appendReplacement(out, Matcher.quoteReplacement(s.group(1) + q + set + q));
    }
    s.appendTail(out);
    return out.toString();
  }
}
