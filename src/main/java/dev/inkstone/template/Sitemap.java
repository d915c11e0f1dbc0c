package dev.inkstone.template;

import dev.inkstone.output.Output;
import dev.inkstone.site.Page;
import dev.inkstone.site.Site;
import dev.inkstone.site.Taxonomy;
import dev.inkstone.site.Term;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code sitemap.xml} (sitemaps.org 0.9) listing every public HTML page the render stage made,
 * with {@code lastmod} where the page has a date: a post its update or publication, a list page
 * its newest post. Drafts, {@code noindex: true} pages, redirect pages and the 404 page are left
 * out. Past 50,000 URLs the URLs go into {@code sitemap-1.xml}, {@code sitemap-2.xml} ... and
 * {@code sitemap.xml} becomes their index. Also {@code robots.txt}, pointing at the sitemap,
 * unless the blog brings its own.
 */
final class Sitemap {
  static final int MAX_URLS = 50_000;
  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final Site site;
  private final SiteUrls urls;
  private final int maxUrls;

  Sitemap(Site site) {
    this(site, MAX_URLS);
  }

  Sitemap(Site site, int maxUrls) {
    this.site = site;
    this.urls = new SiteUrls(site.config());
    this.maxUrls = maxUrls;
  }

  /** Whether a page asks search engines to stay away: {@code noindex: true}, or a draft built with --drafts. */
  static boolean noindex(Page p) {
    return p.meta().draft() || Boolean.TRUE.equals(p.meta().params().get("noindex"));
  }

  /**
   * @param renderedHtml the site paths of every rendered HTML file
   * @param leaveOut files that are no pages (redirects)
   */
  List<Output> render(java.util.Collection<String> renderedHtml, Set<String> leaveOut) {
    Map<String, ZonedDateTime> dates = dates();
    Set<String> hidden = new java.util.HashSet<>(leaveOut);
    hidden.add("404.html");
    List<Page> all = new ArrayList<>(site.posts());
    all.addAll(site.pages());
    for (Page p : all) {
      if (noindex(p)) {
        hidden.add(p.file());
      }
    }
    // file → lastmod (or null), sorted by file so the order never depends on the render
    TreeMap<String, ZonedDateTime> pages = new TreeMap<>();
    for (String path : renderedHtml) {
      if (path.endsWith(".html") && !hidden.contains(path)) {
        pages.put(path, lastmod(path, dates));
      }
    }
    List<Output> out = new ArrayList<>();
    List<Map.Entry<String, ZonedDateTime>> entries = new ArrayList<>(pages.entrySet());
    if (entries.size() <= maxUrls) {
      out.add(Output.rendered("sitemap.xml", urlset(entries)));
    } else {
      Xml index = new Xml();
      index.open("sitemapindex", "xmlns", NS);
      for (int from = 0, n = 1; from < entries.size(); from += maxUrls, n++) {
        List<Map.Entry<String, ZonedDateTime>> part = entries.subList(from, Math.min(entries.size(), from + maxUrls));
        String name = "sitemap-" + n + ".xml";
        out.add(Output.rendered(name, urlset(part)));
        index.open("sitemap");
        index.element("loc", urls.absolute("/" + name));
        part.stream().map(Map.Entry::getValue).filter(d -> d != null).max(java.util.Comparator.naturalOrder())
            .ifPresent(d -> index.element("lastmod", W3C.format(zoned(d))));
        index.close();
      }
      index.close();
      out.add(Output.rendered("sitemap.xml", index.finish().getBytes(StandardCharsets.UTF_8)));
    }
    if (!site.assets().containsKey("/robots.txt")) {
      String robots = "User-agent: *\nAllow: /\n\nSitemap: " + urls.absolute("/sitemap.xml") + "\n";
      out.add(Output.rendered("robots.txt", robots.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private byte[] urlset(List<Map.Entry<String, ZonedDateTime>> entries) {
    Xml x = new Xml();
    x.open("urlset", "xmlns", NS);
    // a list's pages share their date
    Map<ZonedDateTime, String> formatted = new HashMap<>();
    for (Map.Entry<String, ZonedDateTime> e : entries) {
      x.open("url");
      x.element("loc", urls.absolute(pathOf(e.getKey())));
      if (e.getValue() != null) {
        x.element("lastmod", formatted.computeIfAbsent(e.getValue(), d -> W3C.format(zoned(d))));
      }
      x.close();
    }
    x.close();
    return x.finish().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code posts/a/index.html} → {@code /posts/a/}; {@code a.html} → {@code /a.html}. */
  static String pathOf(String file) {
    if (file.equals("index.html")) {
      return "/";
    }
    return "/" + (file.endsWith("/index.html") ? file.substring(0, file.length() - "index.html".length()) : file);
  }

  /** Dates by output file for posts and pages, by folder (site path) for lists. */
  private Map<String, ZonedDateTime> dates() {
    Map<String, ZonedDateTime> d = new HashMap<>();
    List<Page> all = new ArrayList<>(site.posts());
    all.addAll(site.pages());
    for (Page p : all) {
      ZonedDateTime t = p.updated() != null && (p.date() == null || p.updated().isAfter(p.date())) ? p.updated() : p.date();
      if (t != null) {
        d.put(p.file(), t);
      }
    }
    for (Taxonomy t : site.taxonomies().values()) {
      ZonedDateTime newest = null;
      for (Term term : t.terms().values()) {
        ZonedDateTime n = newest(term.posts());
        d.put(term.path(), n);
        newest = max(newest, n);
      }
      d.put(t.path(), newest);
    }
    ZonedDateTime newest = null;
    for (int i = 0; i < site.posts().size(); i++) {
      Page p = site.posts().get(i);
      ZonedDateTime t = d.get(p.file());
      newest = max(newest, t);
      ZonedDateTime local = p.date().withZoneSameInstant(site.config().timezone());
      String year = "/archives/" + digits(local.getYear(), 4) + "/";
      d.merge(year, t, Sitemap::max);
      d.merge(year + digits(local.getMonthValue(), 2) + "/", t, Sitemap::max);
    }
    d.put("/archives/", newest);
    d.put("/", newest);
    return d;
  }

  private ZonedDateTime lastmod(String file, Map<String, ZonedDateTime> dates) {
    if (dates.containsKey(file)) {
      return dates.get(file);
    }
    String path = pathOf(file);
    // a numbered list page (/tags/x/page/2/) changes when its first page does
    int page = path.lastIndexOf("/page/");
    if (page >= 0 && isPageNumber(path, page + "/page/".length())) {
      path = path.substring(0, page + 1);
    }
    return dates.get(path);
  }

  /** Whether {@code path} ends, from {@code from} on, in digits and a slash: {@code 12/}. */
  private static boolean isPageNumber(String path, int from) {
    int end = path.length() - 1;
    if (end <= from || path.charAt(end) != '/') {
      return false;
    }
    for (int i = from; i < end; i++) {
      if (path.charAt(i) < '0' || path.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code String.format("%0" + width + "d", n)} for n ≥ 0, without a formatter per call. */
  private static String digits(int n, int width) {
    String s = Integer.toString(n);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  private ZonedDateTime newest(List<Integer> posts) {
    ZonedDateTime n = null;
    for (int i : posts) {
      Page p = site.posts().get(i);
      n = max(n, p.updated() != null && p.updated().isAfter(p.date()) ? p.updated() : p.date());
    }
    return n;
  }

  private static ZonedDateTime max(ZonedDateTime a, ZonedDateTime b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private ZonedDateTime zoned(ZonedDateTime t) {
    return t.withZoneSameInstant(site.config().timezone());
  }
}
