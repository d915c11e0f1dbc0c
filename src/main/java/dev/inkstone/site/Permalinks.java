package dev.inkstone.site;

import java.time.ZonedDateTime;

/** Expands permalink patterns such as {@code /:year/:month/:day/:slug/}. */
final class Permalinks {
  private Permalinks() {}

  static String post(String pattern, String slug, ZonedDateTime date, String categoryPath) {
    String out = pattern
        .replace(":year", String.format("%04d", date.getYear()))
        .replace(":month", String.format("%02d", date.getMonthValue()))
        .replace(":day", String.format("%02d", date.getDayOfMonth()))
        .replace(":category", categoryPath.isEmpty() ? "uncategorized" : categoryPath)
        .replace(":section", "posts")
        .replace(":slug", slug)
        .replace(":title", slug);
    return clean(out);
  }

  static String page(String pattern, String path, String slug) {
    return clean(pattern.replace(":path", path).replace(":slug", slug));
  }

  private static String clean(String url) {
    String u = url.replaceAll("/{2,}", "/");
    return u.startsWith("/") ? u : "/" + u;
  }
}
