package dev.inkstone.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The site as {@code site.yaml} describes it, with defaults filled in, so that a folder holding
 * only {@code content/posts/*.md} builds.
 *
 * @param file where the configuration came from, or {@code null} when there is none
 * @param baseUrl absolute URL ending in {@code /}
 * @param basePath the path part of {@code baseUrl}, {@code /} or e.g. {@code /blog/}
 * @param author the owner: an id in {@code data/authors.yaml} or a plain name
 * @param paginate posts per list page
 * @param postPermalink pattern for posts, e.g. {@code /posts/:slug/}
 * @param pagePermalink pattern for pages, e.g. {@code /:path/}
 * @param taxonomies the extra taxonomies besides categories and tags, e.g. {@code series}
 * @param copyrightSince first year of the copyright notice, 0 when unset
 * @param relatedCount how many related posts each post lists
 * @param params free values for templates
 * @param web feeds, verification, analytics and widgets (see {@link WebConfig})
 * @param sidebarTags how many of the most used tags the sidebar's tag cloud shows
 */
public record SiteConfig(
    Path file,
    String title,
    String subtitle,
    String description,
    String baseUrl,
    String basePath,
    String language,
    ZoneId timezone,
    String author,
    int paginate,
    String postPermalink,
    String pagePermalink,
    List<String> taxonomies,
    int copyrightSince,
    String copyrightHolder,
    String icp,
    boolean themeCredit,
    String theme,
    List<MenuEntry> menu,
    int sidebarLatest,
    int sidebarHot,
    int sidebarFeatured,
    int relatedCount,
    boolean prevNextInCategory,
    Map<String, Object> params,
    WebConfig web,
    int sidebarTags) {

  public SiteConfig {
    taxonomies = List.copyOf(taxonomies);
    menu = List.copyOf(menu);
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }

  /** The same configuration with another base URL (from {@code --base-url}). */
  public SiteConfig withBaseUrl(String url) {
    String normalized = SiteConfigReader.normalizeBaseUrl(url);
    return new SiteConfig(file, title, subtitle, description, normalized, SiteConfigReader.pathOf(normalized), language, timezone,
        author, paginate, postPermalink, pagePermalink, taxonomies, copyrightSince, copyrightHolder, icp, themeCredit, theme, menu,
        sidebarLatest, sidebarHot, sidebarFeatured, relatedCount, prevNextInCategory, params, web, sidebarTags);
  }
}
