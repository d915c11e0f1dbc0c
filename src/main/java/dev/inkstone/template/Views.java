package dev.inkstone.template;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.List;
import java.util.Map;

/**
 * The template model: small immutable records that templates read as {@code site.title},
 * {@code page.tags}, {@code paginator.items} and so on. Every field is documented because it
 * is the contract between the code and any theme.
 */
public final class Views {
  private Views() {}

  /**
   * The whole site, the same on every page.
   *
   * @param title site title
   * @param subtitle a tagline, may be empty
   * @param description meta description of the site, may be empty
   * @param baseUrl absolute base URL ending in {@code /}
   * @param language BCP 47 tag, e.g. {@code zh-CN}
   * @param owner the site owner (also the author of posts without one)
   * @param copyrightSince first year of the copyright notice; equals {@code year} when unset
   * @param year the build year (from the build clock; the only clock-dependent value)
   * @param copyrightHolder name in the copyright notice
   * @param icp ICP filing number, empty when not configured
   * @param themeCredit whether the footer shows the theme credit
   * @param params {@code params:} from site.yaml
   * @param data every {@code content/data/*.yaml} file by its base name
   * @param taxonomies every taxonomy, categories and tags first
   * @param web verification tokens, analytics services and widgets from site.yaml
   */
  public record SiteView(
      String title,
      String subtitle,
      String description,
      String baseUrl,
      String language,
      AuthorView owner,
      int copyrightSince,
      int year,
      String copyrightHolder,
      String icp,
      boolean themeCredit,
      Map<String, Object> params,
      Map<String, Object> data,
      List<TaxonomyView> taxonomies,
      WebView web) {}

  /** A person: site owner or a post's author from {@code data/authors.yaml}. */
  public record AuthorView(String id, String name, String bio, String avatar, String url, List<LinkView> links) {}

  /** A link to somewhere: blogroll entries, author links. {@code external} when it leaves the site. */
  public record LinkView(String name, String url, String description, boolean external) {}

  /**
   * One menu entry, computed per page so that {@code active} marks the current section.
   *
   * @param url site-relative URL ({@code /posts/x/}) or absolute for external entries; empty for a
   *     pure parent entry without a target
   */
  public record MenuItemView(String name, String url, boolean external, boolean active, List<MenuItemView> children) {}

  /** A post in a list (home, term pages, archives): enough for a card, not the body. */
  public record PostCard(
      String title,
      String url,
      String dateIso,
      String dateText,
      String summary,
      List<TermLink> categories,
      List<TermLink> tags,
      String cover,
      int wordCount,
      int readingMinutes,
      boolean featured) {}

  /** A link to a post: previous/next, related, sidebar lists. */
  public record PostLink(String title, String url, String dateText) {}

  /** A link to a term (a category, a tag, a series) with its post count. */
  public record TermLink(String name, String url, int count) {}

  /** One step of a breadcrumb; the last step (the page itself) has an empty url. */
  public record Crumb(String name, String url) {}

  /** One TOC entry with its nested entries. */
  public record TocItem(String id, String text, int level, List<TocItem> children) {}

  /**
   * The page being rendered. Fields that do not apply to a kind are empty/null/0.
   *
   * @param kind {@code post}, {@code page}, {@code home}, {@code term}, {@code terms},
   *     {@code archives}, {@code archive}, {@code 404}
   * @param title page title (for lists: the term name, "归档 2024" and so on; for home the site title)
   * @param url site-relative URL, e.g. {@code /posts/hello/}
   * @param permalink absolute URL
   * @param dateIso ISO-8601 date-time with offset, for {@code <time datetime>}
   * @param dateText the date as readers see it, e.g. {@code 2023-12-10}
   * @param updatedIso like dateIso for the last update, empty when none
   * @param updatedText like dateText for the last update, empty when none
   * @param author resolved author (falls back to the site owner) for posts and pages
   * @param categories the post's categories, each a leaf term link
   * @param tags the post's tags
   * @param terms other taxonomies of the post by taxonomy key (e.g. {@code series})
   * @param content rendered body HTML (trusted)
   * @param summary plain-text summary: front matter summary, else the excerpt text
   * @param toc table of contents tree
   * @param showToc whether the theme should show the TOC (front matter {@code toc}, else when
   *     the post has at least 3 headings)
   * @param wordCount CJK-aware word count
   * @param readingMinutes estimated reading time
   * @param cover cover image URL or empty
   * @param comments whether comments are allowed on this page
   * @param breadcrumb from home through the (nested) category to the page
   * @param prev the older post, or null
   * @param next the newer post, or null
   * @param related up to ten related posts
   * @param series for each series the post is in: the other posts of the series (empty map when none)
   * @param params unknown front matter keys
   * @param layout front matter {@code layout}, or empty
   * @param hasMath whether the body has TeX math: the theme loads KaTeX only then
   * @param hasMermaid whether the body has a mermaid diagram: the theme loads mermaid only then
   * @param meta what {@code partials/head-meta} puts into {@code <head>}; filled in for every page
   */
  public record PageView(
      String kind,
      String title,
      String url,
      String permalink,
      String dateIso,
      String dateText,
      String updatedIso,
      String updatedText,
      AuthorView author,
      List<TermLink> categories,
      List<TermLink> tags,
      Map<String, List<TermLink>> terms,
      SafeString content,
      String summary,
      List<TocItem> toc,
      boolean showToc,
      int wordCount,
      int readingMinutes,
      String cover,
      boolean comments,
      List<Crumb> breadcrumb,
      PostLink prev,
      PostLink next,
      List<PostLink> related,
      Map<String, List<PostLink>> series,
      Map<String, Object> params,
      String layout,
      boolean hasMath,
      boolean hasMermaid,
      PageMeta meta) {

    /** This view with its metadata filled in. */
    public PageView withMeta(PageMeta meta) {
      return new PageView(kind, title, url, permalink, dateIso, dateText, updatedIso, updatedText, author, categories, tags, terms, content,
          summary, toc, showToc, wordCount, readingMinutes, cover, comments, breadcrumb, prev, next, related, series, params, layout, hasMath,
          hasMermaid, meta);
    }
  }

  /**
   * The page as search engines, social sites and feed readers see it.
   *
   * @param description meta description: the summary, else the excerpt, else the site's description
   * @param image absolute URL of the cover image, or empty
   * @param type Open Graph type: {@code article} for posts, else {@code website}
   * @param keywords the post's categories and tags
   * @param noindex {@code noindex: true} in front matter (or a draft): keep out of search engines
   * @param jsonLd JSON-LD ({@code BlogPosting} for posts, {@code WebSite} for the home page), or empty
   * @param feeds the feeds to announce with {@code <link rel="alternate">}: the site's, and the
   *     term's on a category or tag page
   * @param video whether the content has a click-to-load video (the theme then loads its script)
   */
  public record PageMeta(
      String description, String image, String type, List<String> keywords, boolean noindex, SafeString jsonLd, List<AlternateLink> feeds,
      boolean video) {}

  /** A {@code <link rel="alternate">}: {@code type} is the MIME type, {@code url} absolute. */
  public record AlternateLink(String type, String title, String url) {}

  /**
   * Site verification, analytics and widgets, all off unless site.yaml configures them.
   *
   * @param verification meta name → token ({@code google-site-verification}, {@code msvalidate.01},
   *     {@code baidu-site-verification})
   * @param analytics the analytics services; each null unless configured
   * @param comments the comment widget (giscus, waline, twikoo, utterances)
   * @param views the page-view counter (busuanzi, waline)
   * @param donate the QR codes for the donate page
   * @param icon URL of the site's icon ({@code favicon.svg}, {@code .png} or {@code .ico} in
   *     {@code content/static/}), or empty when it has none
   */
  public record WebView(
      Map<String, String> verification, AnalyticsView analytics, WidgetView comments, WidgetView views, List<DonateView> donate,
      String icon) {}

  /** The analytics services of site.yaml; a service not configured is null. */
  public record AnalyticsView(AnalyticsService google, AnalyticsService plausible, AnalyticsService umami, AnalyticsService baidu) {}

  /** One analytics service: its id (measurement id, domain, website id, hm.js key) and script URL. */
  public record AnalyticsService(String id, String src) {}

  /** A widget: {@code provider} is empty when it is off; {@code options} hold every documented key. */
  public record WidgetView(String provider, Map<String, String> options) {}

  /** One donate QR code: a label and the image URL (with the base path). */
  public record DonateView(String label, String image) {}

  /**
   * One numbered page link of a paginator. A paginator lists the first and last pages and those
   * near the current one, not all of them: a home page of 1,000 pages would otherwise link every
   * one from every one.
   *
   * @param gapBefore whether pages are left out between the previous link and this one
   */
  public record PageLink(int number, String url, boolean current, boolean gapBefore) {

    public PageLink(int number, String url, boolean current) {
      this(number, url, current, false);
    }
  }

  /**
   * A page of a paginated list.
   *
   * @param prevUrl newer page, empty on the first page
   * @param nextUrl older page, empty on the last page
   */
  public record Paginator(
      List<PostCard> items, int number, int totalPages, int totalItems, String prevUrl, String nextUrl, List<PageLink> pages) {}

  /**
   * A term with its place in its taxonomy.
   *
   * @param taxonomy taxonomy key, e.g. {@code categories}
   * @param depth 0 for top-level terms
   * @param size 1..5, the tag-cloud weight from its count
   * @param children nested terms (categories only)
   */
  public record TermView(String taxonomy, String name, String url, int count, int depth, int size, List<TermView> children) {}

  /** A taxonomy and its top-level terms, for the index pages {@code /tags/}, {@code /categories/}. */
  public record TaxonomyView(String key, String label, String url, List<TermView> terms) {}

  /** Archives: years, newest first. */
  public record ArchiveView(List<YearGroup> years) {}

  public record YearGroup(int year, String url, int count, List<MonthGroup> months) {}

  public record MonthGroup(int year, int month, String url, int count, List<PostCard> posts) {}

  /** The sidebar's data; rendered once per build into {@code fragments.sidebar}. */
  /**
   * @param tagCloud the most used tags (site.yaml {@code sidebar.tags}, 50 by default), by name
   * @param tagCount how many tags the site has in all
   * @param tagsUrl the page listing every tag
   */
  public record SidebarView(
      List<PostLink> latest, List<PostLink> hot, List<PostLink> featured, List<TermView> tagCloud, List<LinkView> blogroll, int tagCount,
      String tagsUrl) {}
}
