package dev.inkstone.template;

import dev.inkstone.output.Html;
import dev.inkstone.config.WebConfig;
import dev.inkstone.markdown.RenderedMarkdown;
import dev.inkstone.output.Output;
import dev.inkstone.site.Author;
import dev.inkstone.site.Page;
import dev.inkstone.site.Site;
import dev.inkstone.site.Slugs;
import dev.inkstone.site.Taxonomy;
import dev.inkstone.site.Term;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The site's feeds: RSS 2.0 at {@code /feed.xml} and Atom 1.0 at {@code /atom.xml}, and the same
 * pair in every category and tag folder ({@code /tags/kafka/feed.xml}). Entries are the newest
 * posts, up to {@code feeds.limit}; each carries the whole post or its excerpt ({@code
 * feeds.content}), with every link and image made absolute, since a feed reader shows the HTML
 * away from the site. Drafts and {@code noindex: true} posts stay out. Written with the JDK's XML writer: two small fixed formats need no library,
 * and the bytes stay under our control (deterministic order, dates in the site's zone).
 */
final class Feeds {
  static final String RSS = "feed.xml";
  static final String ATOM = "atom.xml";
  private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;
  private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /**
   * One feed: where it lives, which posts (indexes into {@code site.posts()}) it holds, and
   * whether it is written as RSS 2.0 ({@code feed.xml}), as Atom ({@code atom.xml}) or both.
   */
  record Feed(String folder, String title, String description, List<Integer> posts, boolean rss, boolean atom) {}

  private final Site site;
  private final SiteUrls urls;
  private final List<RenderedMarkdown> rendered;
  private final IntFunction<String> excerpts;
  private final List<String> summaries;
  private final WebConfig.Feeds config;
  // a post is in the site feed and in each of its terms' feeds: make its HTML absolute once
  private final String[] full;
  private final String[] excerpt;

  /**
   * @param rendered each post's rendered Markdown, by post index (null for HTML posts)
   * @param excerpts each post's excerpt HTML by post index, null without a more marker: what
   *     {@code rendered} gives as {@code excerptHtml()}, without filling in all the rest
   * @param summaries each post's plain-text summary, by post index
   */
  Feeds(Site site, List<RenderedMarkdown> rendered, IntFunction<String> excerpts, List<String> summaries) {
    this.site = site;
    this.urls = new SiteUrls(site.config());
    this.rendered = rendered;
    this.excerpts = excerpts;
    this.summaries = summaries;
    this.config = site.config().web().feeds();
    this.full = new String[site.posts().size()];
    this.excerpt = new String[site.posts().size()];
  }

  private List<Feed> feeds;

  /** The feeds this site has, the site-wide one first; empty when feeds are off. Made once. */
  synchronized List<Feed> feeds() {
    if (feeds == null) {
      feeds = List.copyOf(makeFeeds());
    }
    return feeds;
  }

  private List<Feed> makeFeeds() {
    List<Feed> out = new ArrayList<>();
    if (!config.enabled()) {
      return out;
    }
    boolean[] hidden = new boolean[site.posts().size()];
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < site.posts().size(); i++) {
      hidden[i] = Sitemap.noindex(site.posts().get(i));
      if (!hidden[i]) {
        all.add(i);
      }
    }
    out.add(new Feed("/", site.config().title(), site.config().description(), all, true, true));
    WebConfig.TermFeeds formats = config.terms();
    if (formats != WebConfig.TermFeeds.NONE) {
      for (Taxonomy t : List.of(site.categories(), site.tags())) {
        for (Term term : t.terms().values()) {
          List<Integer> posts = term.posts().stream().filter(i -> !hidden[i]).toList();
          if (!posts.isEmpty()) {
            out.add(new Feed(term.path(), term.name() + " - " + site.config().title(), site.config().description(), posts,
                formats.rss(), formats.atom()));
          }
        }
      }
    }
    return out;
  }

  List<Output> render() {
    // Feeds are independent: write them on all cores, in a stable order. The per-post caches
    // may be filled twice by two threads, with the same string.
    return feeds().parallelStream().flatMap(f -> {
      List<Integer> entries = f.posts().stream().sorted().limit(config.limit()).toList();
      return java.util.stream.Stream.of(
          f.rss() ? Output.rendered(Slugs.fileFor(f.folder() + RSS), rss(f, entries).getBytes(StandardCharsets.UTF_8)) : null,
          f.atom() ? Output.rendered(Slugs.fileFor(f.folder() + ATOM), atom(f, entries).getBytes(StandardCharsets.UTF_8)) : null)
          .filter(java.util.Objects::nonNull);
    }).toList();
  }

  private String rss(Feed f, List<Integer> entries) {
    Xml x = new Xml();
    x.open("rss", "version", "2.0", "xmlns:atom", "http://www.w3.org/2005/Atom", "xmlns:content", "http://purl.org/rss/1.0/modules/content/",
        "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    x.open("channel");
    x.element("title", f.title());
    x.element("link", urls.absolute(f.folder()));
    x.element("description", f.description().isBlank() ? f.title() : f.description());
    x.element("language", site.config().language());
    x.element("generator", "Inkstone");
    ZonedDateTime updated = updated(entries);
    if (updated != null) {
      x.element("lastBuildDate", RFC_822.format(zoned(updated)));
    }
    x.empty("atom:link", "href", urls.absolute(f.folder() + RSS), "rel", "self", "type", "application/rss+xml");
    for (int i : entries) {
      Page p = site.posts().get(i);
      String link = urls.absolute(p.path());
      x.open("item");
      x.element("title", p.title());
      x.element("link", link);
      x.element("guid", link, "isPermaLink", "true");
      x.element("pubDate", RFC_822.format(zoned(p.date())));
      x.element("dc:creator", author(p).name());
      for (String term : terms(p)) {
        x.element("category", term);
      }
      x.element("description", excerptHtml(i, link));
      if (fullContent(f)) {
        x.element("content:encoded", fullHtml(i, link));
      }
      x.close();
    }
    x.close();
    x.close();
    return x.finish();
  }

  /**
   * Only the site's feed carries whole posts: a category or tag feed is for following a topic,
   * and full copies of every post in every term's feed would make most of a big site's bytes.
   */
  private boolean fullContent(Feed f) {
    return config.fullContent() && f.folder().equals("/");
  }

  private String atom(Feed f, List<Integer> entries) {
    Xml x = new Xml();
    x.open("feed", "xmlns", "http://www.w3.org/2005/Atom", "xml:lang", site.config().language());
    x.element("title", f.title());
    if (!f.description().isBlank()) {
      x.element("subtitle", f.description());
    }
    x.empty("link", "href", urls.absolute(f.folder() + ATOM), "rel", "self", "type", "application/atom+xml");
    x.empty("link", "href", urls.absolute(f.folder()), "rel", "alternate", "type", "text/html");
    x.element("id", urls.absolute(f.folder() + ATOM));
    ZonedDateTime updated = updated(entries);
    x.element("updated", RFC_3339.format(zoned(updated == null ? ZonedDateTime.parse("2000-01-01T00:00:00Z") : updated)));
    Author owner = site.owner();
    x.open("author");
    x.element("name", owner.name());
    if (!owner.url().isBlank()) {
      x.element("uri", urls.resolve(owner.url(), urls.absolute("/")));
    }
    x.close();
    x.element("generator", "Inkstone");
    for (int i : entries) {
      Page p = site.posts().get(i);
      String link = urls.absolute(p.path());
      x.open("entry");
      x.element("title", p.title());
      x.empty("link", "href", link, "rel", "alternate", "type", "text/html");
      x.element("id", link);
      x.element("published", RFC_3339.format(zoned(p.date())));
      x.element("updated", RFC_3339.format(zoned(p.updated() != null ? p.updated() : p.date())));
      x.open("author");
      x.element("name", author(p).name());
      x.close();
      for (String term : terms(p)) {
        x.empty("category", "term", term);
      }
      x.element("summary", excerptHtml(i, link), "type", "html");
      if (fullContent(f)) {
        x.element("content", fullHtml(i, link), "type", "html");
      }
      x.close();
    }
    x.close();
    return x.finish();
  }

  // ---- content ---------------------------------------------------------------------------

  private String fullHtml(int i, String link) {
    if (full[i] == null) {
      full[i] = absoluteFull(i, link);
    }
    return full[i];
  }

  private String excerptHtml(int i, String link) {
    if (excerpt[i] == null) {
      excerpt[i] = absoluteExcerpt(i, link);
    }
    return excerpt[i];
  }

  private String absoluteFull(int i, String link) {
    RenderedMarkdown md = rendered.get(i);
    String html = md != null ? md.html() : site.posts().get(i).doc().body();
    return urls.absolutize(html, link);
  }

  private String absoluteExcerpt(int i, String link) {
    String html = excerpts.apply(i);
    if (html != null && !html.isBlank()) {
      return urls.absolutize(html, link);
    }
    return "<p>" + Html.escape(summaries.get(i)) + "</p>";
  }

  private List<String> terms(Page p) {
    List<String> out = new ArrayList<>();
    for (Taxonomy t : List.of(site.categories(), site.tags())) {
      for (String key : p.termKeys(t.key())) {
        Term term = t.terms().get(key);
        if (term != null && !out.contains(term.name())) {
          out.add(term.name());
        }
      }
    }
    return out;
  }

  private Author author(Page p) {
    String id = p.meta().author();
    if (id == null || id.isBlank()) {
      return site.owner();
    }
    Author a = site.authors().get(id);
    if (a != null) {
      return a;
    }
    return site.authors().values().stream().filter(x -> x.name().equals(id)).findFirst().orElse(new Author(id, id, "", "", "", List.of()));
  }

  private ZonedDateTime updated(List<Integer> entries) {
    return entries.stream().map(i -> site.posts().get(i)).map(p -> p.updated() != null && p.updated().isAfter(p.date()) ? p.updated() : p.date())
        .max(Comparator.naturalOrder()).orElse(null);
  }

  private ZonedDateTime zoned(ZonedDateTime t) {
    return t.withZoneSameInstant(site.config().timezone());
  }

}
