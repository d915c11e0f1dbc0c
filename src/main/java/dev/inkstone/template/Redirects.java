package dev.inkstone.template;

import dev.inkstone.output.Output;
import dev.inkstone.site.Page;
import dev.inkstone.site.Site;
import dev.inkstone.site.Slugs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    Set<String> pageFiles = new java.util.HashSet<>();
    for (Page p : all) {
      pageFiles.add(p.file());
    }
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
        if (pageFiles.contains(file)) {
          continue;
        }
        files.add(file);
        out.add(Output.rendered(file, page(p).getBytes(StandardCharsets.UTF_8)));
        rules.add(urls.url(path) + " " + urls.url(p.path()) + " 301");
      }
    }
    if (!rules.isEmpty() && !site.assets().containsKey("/_redirects")) {
      String text = "# Written by Inkstone from the `aliases` of posts and pages.\n" + String.join("\n", rules) + "\n";
      out.add(Output.rendered("_redirects", text.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** The files of the redirect pages, known after {@link #render}: they are no pages for the sitemap. */
  Set<String> files() {
    return Set.copyOf(files);
  }

  private String page(Page p) {
    String target = urls.url(p.path());
    String title = escape(p.title());
    return "<!DOCTYPE html>\n<html lang=\"" + escape(site.config().language()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>" + title + "</title>\n"
        + "<meta name=\"robots\" content=\"noindex\">\n"
        + "<link rel=\"canonical\" href=\"" + escape(urls.absolute(p.path())) + "\">\n"
        + "<meta http-equiv=\"refresh\" content=\"0; url=" + escape(target) + "\">\n"
        + "</head>\n<body>\n<p><a href=\"" + escape(target) + "\">" + title + "</a></p>\n</body>\n</html>\n";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
