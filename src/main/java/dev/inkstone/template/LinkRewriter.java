package dev.inkstone.template;

import dev.inkstone.site.Page;
import dev.inkstone.site.Slugs;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes links that work in the author's editor preview work in the site: a path relative to the
 * Markdown file ({@code ./img/a.png}, {@code ../images/a.png}) becomes the URL the file is copied
 * to, and a link to another post's source ({@code ../2023/other.md#part}) becomes that post's
 * URL. Site-absolute links get the base path; everything else is left alone.
 */
final class LinkRewriter {
  private final Map<String, String> pageBySource;
  private final Map<String, String> assetBySource;
  private final SiteUrls urls;

  /**
   * @param pageBySource blog-relative source path → site path of the page
   * @param assetBySource blog-relative source path → site path of the copied file
   */
  LinkRewriter(Map<String, String> pageBySource, Map<String, String> assetBySource, SiteUrls urls) {
    this.pageBySource = pageBySource;
    this.assetBySource = assetBySource;
    this.urls = urls;
  }

  String rewrite(Page from, String destination) {
    if (destination == null || destination.isEmpty() || destination.startsWith("#") || Slugs.isExternal(destination)) {
      return destination;
    }
    if (destination.startsWith("/")) {
      String basePath = urls.basePath();
      return basePath.equals("/") || destination.startsWith(basePath) ? destination : basePath + destination.substring(1);
    }
    int cut = indexOfAny(destination, '#', '?');
    String target = cut < 0 ? destination : destination.substring(0, cut);
    String suffix = cut < 0 ? "" : destination.substring(cut);
    String decoded = decode(target);
    Path dir = from.doc().source().path().getParent();
    String resolved = (dir == null ? Path.of(decoded) : dir.resolve(decoded)).normalize().toString().replace('\\', '/');
    String page = pageBySource.get(resolved);
    if (page != null) {
      return urls.url(page) + suffix;
    }
    String asset = assetBySource.get(resolved);
    if (asset != null) {
      return urls.url(asset) + suffix;
    }
    return destination;
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) {
      return j;
    }
    return j < 0 ? i : Math.min(i, j);
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
