package dev.inkstone.template;

import dev.inkstone.config.WebConfig;
import dev.inkstone.site.Page;
import dev.inkstone.site.Site;
import dev.inkstone.template.Views.*;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills {@link PageMeta} for every page: description, absolute cover image, keywords, {@code
 * noindex}, the feeds to announce and the JSON-LD. Templates only print it (see {@code
 * partials/head-meta.peb}). Also turns the site's {@link WebConfig} into the template's {@link
 * WebView}.
 */
final class Metadata {
  private final Site site;
  private final SiteUrls urls;
  private final List<AlternateLink> siteFeeds = new ArrayList<>();
  private final Map<String, List<AlternateLink>> termFeeds = new LinkedHashMap<>();

  Metadata(Site site, List<Feeds.Feed> feeds) {
    this.site = site;
    this.urls = new SiteUrls(site.config());
    for (Feeds.Feed f : feeds) {
      List<AlternateLink> links = new ArrayList<>();
      if (f.rss()) {
        links.add(new AlternateLink("application/rss+xml", f.title() + " (RSS)", urls.absolute(f.folder() + Feeds.RSS)));
      }
      if (f.atom()) {
        links.add(new AlternateLink("application/atom+xml", f.title() + " (Atom)", urls.absolute(f.folder() + Feeds.ATOM)));
      }
      if (f.folder().equals("/")) {
        siteFeeds.addAll(links);
      } else {
        termFeeds.put(urls.absolute(f.folder()), links);
      }
    }
  }

  WebView web() {
    WebConfig w = site.config().web();
    List<DonateView> donate = w.donate().stream()
        .map(d -> new DonateView(d.label(), d.image().startsWith("/") && !d.image().startsWith("//") ? urls.url(d.image()) : d.image())).toList();
    AnalyticsView analytics = new AnalyticsView(service(w, "google"), service(w, "plausible"), service(w, "umami"), service(w, "baidu"));
    return new WebView(w.verification(), analytics, new WidgetView(w.comments().provider(), w.comments().options()),
        new WidgetView(w.views().provider(), w.views().options()), donate, icon());
  }

  private String icon() {
    for (String name : List.of("/favicon.svg", "/favicon.png", "/favicon.ico")) {
      if (site.assets().containsKey(name)) {
        return urls.url(name);
      }
    }
    return "";
  }

  private static AnalyticsService service(WebConfig w, String name) {
    Map<String, String> s = w.analytics().get(name);
    return s == null ? null : new AnalyticsService(s.get("id"), s.get("src"));
  }

  /** The view with its metadata filled in; {@code source} is the post or page, null for lists. */
  PageView complete(PageView v, Page source) {
    if (v.meta() != null) {
      return v;
    }
    String description = v.summary() == null || v.summary().isBlank() ? site.config().description() : v.summary();
    if (description.isBlank()) {
      description = site.config().title();
    }
    String image = v.cover() == null || v.cover().isEmpty() ? "" : urls.resolve(v.cover(), v.permalink());
    boolean post = v.kind().equals("post");
    List<String> keywords = new ArrayList<>();
    for (TermLink t : v.categories()) {
      keywords.add(t.name());
    }
    for (TermLink t : v.tags()) {
      if (!keywords.contains(t.name())) {
        keywords.add(t.name());
      }
    }
    boolean noindex = source != null ? Sitemap.noindex(source) : v.kind().equals("404");
    List<AlternateLink> feeds = new ArrayList<>(siteFeeds);
    feeds.addAll(termFeeds.getOrDefault(v.permalink(), List.of()));
    String json = post ? blogPosting(v, description, image, keywords) : v.kind().equals("home") && v.permalink().equals(urls.absolute("/"))
        ? webSite() : "";
    boolean video = v.content() instanceof PageWriter.Markdown md ? md.contains(" data-embed=")
        : v.content() != null && v.content().toString().contains(" data-embed=");
    PageMeta meta = new PageMeta(description, image, post ? "article" : "website", List.copyOf(keywords), noindex,
        json.isEmpty() ? null : new SafeString(json), List.copyOf(feeds), video);
    return v.withMeta(meta);
  }

  private String blogPosting(PageView v, String description, String image, List<String> keywords) {
    Json j = new Json();
    j.field("@context", "https://schema.org").field("@type", "BlogPosting").field("headline", v.title()).field("description", description)
        .field("url", v.permalink());
    j.raw("mainEntityOfPage", new Json().field("@type", "WebPage").field("@id", v.permalink()).done());
    j.field("datePublished", v.dateIso());
    j.field("dateModified", v.updatedIso().isEmpty() ? v.dateIso() : v.updatedIso());
    if (v.author() != null) {
      Json a = new Json().field("@type", "Person").field("name", v.author().name());
      if (!v.author().url().isEmpty()) {
        a.field("url", urls.resolve(v.author().url(), v.permalink()));
      }
      j.raw("author", a.done());
    }
    if (!image.isEmpty()) {
      j.field("image", image);
    }
    if (!keywords.isEmpty()) {
      j.field("keywords", String.join(", ", keywords));
    }
    j.field("inLanguage", site.config().language());
    j.raw("publisher", new Json().field("@type", "Organization").field("name", site.config().title()).field("url", urls.absolute("/")).done());
    return j.done();
  }

  private String webSite() {
    Json j = new Json().field("@context", "https://schema.org").field("@type", "WebSite").field("name", site.config().title())
        .field("url", urls.absolute("/")).field("inLanguage", site.config().language());
    if (!site.config().description().isBlank()) {
      j.field("description", site.config().description());
    }
    return j.done();
  }

  /** Just enough JSON for JSON-LD: string fields and nested objects, safe inside {@code <script>}. */
  private static final class Json {
    private final StringBuilder sb = new StringBuilder("{");

    Json field(String name, String value) {
      return raw(name, quote(value));
    }

    Json raw(String name, String json) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(quote(name)).append(':').append(json);
      return this;
    }

    String done() {
      return sb + "}";
    }

    static String quote(String s) {
      return dev.inkstone.output.Json.string(s);
    }
  }
}
