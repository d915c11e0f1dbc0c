package dev.inkstone.template;

import dev.inkstone.output.Html;
import dev.inkstone.output.Output;
import dev.inkstone.site.Page;
import dev.inkstone.site.Site;
import dev.inkstone.site.Term;
import dev.inkstone.site.Slugs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Old URLs kept alive. Every {@code aliases:} entry of a page (a WordPress {@code
 * /archives/123.html}, a {@code /2019/05/old-slug/}) gets a small page at that path that sends
 * the reader on (meta refresh, a canonical link for search engines, a plain link for everyone
 * else, {@code noindex}). All aliases, including the {@code /?p=123} ones that cannot be files,
 * also go into {@code _redirects}, the file Netlify and Cloudflare Pages read to answer with a
 * real 301. A blog that brings its own {@code _redirects} keeps it.
 *
 * <p>The redirect page is the one HTML document built in Java: it belongs to no theme and must
 * work even where the theme would fail.
 */
final class Redirects {
  private final Site site;
  private final SiteUrls urls;
  private final List<String> files = new ArrayList<>();

  Redirects(Site site) {
    this.site = site;
    this.urls = new SiteUrls(site.config());
  }

  /** The redirect pages and {@code _redirects}. */
  List<Output> render() {
    List<Output> out = new ArrayList<>();
    Set<String> rules = new LinkedHashSet<>();
    List<Page> all = new ArrayList<>(site.posts());
    all.addAll(site.pages());
    // A real page always wins over a redirect: an imported post's old URL is often its new one.
    // Most blogs have no redirects at all: the pages are indexed when the first one needs it, so a
    // preview save does not index every page for none.
    Set<String> pageFiles = null;
    for (Page p : all) {
      for (String alias : p.meta().aliases()) {
        String path = alias.trim();
        if (path.isEmpty()) {
          continue;
        }
        path = path.startsWith("/") ? path : "/" + path;
        int q = path.indexOf('?');
        if (q >= 0) {
          // a query string cannot be a file: only the host can answer /?p=123 (Netlify's query matching)
          String query = path.substring(q + 1).replace('&', ' ');
          rules.add(urls.url(path.substring(0, q)) + " " + query + " " + urls.url(p.path()) + " 301");
          continue;
        }
        String file = Slugs.fileFor(path.endsWith(".html") || path.endsWith(".htm") || path.endsWith("/") ? path : path + "/");
        if (pageFiles == null) {
          pageFiles = filesOf(all);
        }
        if (pageFiles.contains(file)) {
          continue;
        }
        files.add(file);
        out.add(Output.rendered(file, page(p).getBytes(StandardCharsets.UTF_8)));
        rules.add(urls.url(path) + " " + urls.url(p.path()) + " 301");
      }
    }
    List<String[]> fromData = dataRedirects();
    if (pageFiles == null && !fromData.isEmpty()) {
      pageFiles = filesOf(all);
    }
    for (String[] r : fromData) {
      String file = Slugs.fileFor(r[0].endsWith(".html") || r[0].endsWith(".htm") || r[0].endsWith("/") ? r[0] : r[0] + "/");
      if (r[0].contains("?") || pageFiles.contains(file) || files.contains(file) || site.assets().containsKey(r[0])) {
        continue;
      }
      files.add(file);
      out.add(Output.rendered(file, page(r[2], r[1]).getBytes(StandardCharsets.UTF_8)));
      rules.add(urls.url(r[0]) + " " + urls.url(r[1]) + " 301");
    }
    if (!rules.isEmpty() && !site.assets().containsKey("/_redirects")) {
      String text = "# Written by Inkstone from the `aliases` of posts and pages.\n" + String.join("\n", rules) + "\n";
      out.add(Output.rendered("_redirects", text.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static Set<String> filesOf(List<Page> pages) {
    Set<String> files = new java.util.HashSet<>();
    for (Page p : pages) {
      files.add(p.file());
    }
    return files;
  }

  /** The files of the redirect pages, known after {@link #render}: they are no pages for the sitemap. */
  Set<String> files() {
    return Set.copyOf(files);
  }

  /**
   * Redirects listed in {@code content/data/redirects.yaml} (or any file in
   * {@code content/data/redirects/}), each {@code from:} an old path {@code to:} a site path, or
   * to a {@code category:} (name path, {@code 技术/Java}) or a {@code tag:} by name. The WordPress
   * importer writes one for the old category and tag pages. Entries whose target the site does
   * not have are left out. Each result: from, to, title.
   */
  private List<String[]> dataRedirects() {
    List<Object> entries = new ArrayList<>();
    Object data = site.data().get("redirects");
    if (data instanceof List<?> l) {
      entries.addAll(l);
    } else if (data instanceof Map<?, ?> m) {
      new java.util.TreeMap<>(m).values().forEach(v -> {
        if (v instanceof List<?> l) {
          entries.addAll(l);
        }
      });
    }
    List<String[]> out = new ArrayList<>();
    for (Object o : entries) {
      if (!(o instanceof Map<?, ?> e) || !(e.get("from") instanceof String from) || from.isBlank()) {
        continue;
      }
      String fromPath = from.startsWith("/") ? from.trim() : "/" + from.trim();
      String to = null;
      String title = null;
      if (e.get("to") instanceof String t && !t.isBlank()) {
        to = t.startsWith("/") ? t.trim() : "/" + t.trim();
        title = to;
      } else if (e.get("category") instanceof String c) {
        String key = String.join("/", java.util.Arrays.stream(c.split("\\s*/\\s*")).filter(x -> !x.isBlank()).map(Slugs::term).toList());
        Term term = site.categories().terms().get(key);
        if (term != null) {
          to = term.path();
          title = term.name();
        }
      } else if (e.get("tag") instanceof String t) {
        Term term = site.tags().terms().get(Slugs.term(t));
        if (term != null) {
          to = term.path();
          title = term.name();
        }
      }
      if (to != null && !to.equals(fromPath)) {
        out.add(new String[] {fromPath, to, title});
      }
    }
    return out;
  }

  private String page(Page p) {
    return page(p.title(), p.path());
  }

  private String page(String rawTitle, String path) {
    String target = urls.url(path);
    String title = Html.escape(rawTitle);
    return "<!DOCTYPE html>\n<html lang=\"" + Html.escape(site.config().language()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>" + title + "</title>\n"
        + "<meta name=\"robots\" content=\"noindex\">\n"
        + "<link rel=\"canonical\" href=\"" + Html.escape(urls.absolute(path)) + "\">\n"
        + "<meta http-equiv=\"refresh\" content=\"0; url=" + Html.escape(target) + "\">\n"
        + "</head>\n<body>\n<p><a href=\"" + Html.escape(target) + "\">" + title + "</a></p>\n</body>\n</html>\n";
  }

}
