package dev.inkstone.check;

import dev.inkstone.build.BuildRequest;
import dev.inkstone.build.BuildResult;
import dev.inkstone.build.SiteBuild;
import dev.inkstone.config.SiteConfig;
import dev.inkstone.config.SiteConfigReader;
import dev.inkstone.content.Document;
import dev.inkstone.content.FrontMatter;
import dev.inkstone.content.FrontMatterReader;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.progress.Progress;
import dev.inkstone.source.BlogFolder;
import dev.inkstone.source.SourceFile;
import dev.inkstone.source.SourceSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.nodes.Element;

/**
 * The front door of {@code inkstone check}: builds the blog into a temporary folder (drafts and
 * future posts left out, as published) and checks what came out.
 */
public final class SiteCheck {
  private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "svg", "ico", "tif", "tiff");

  /** A link or image found in a page. */
  record Link(String page, String raw, boolean image, Path source) {}

  private final CheckRequest request;
  private final Path root;
  private final SourceLines lines;
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private String basePath = "/";

  private SiteCheck(CheckRequest request) {
    this.request = request;
    this.root = request.blogRoot().toAbsolutePath().normalize();
    this.lines = new SourceLines(root);
  }

  public static CheckReport run(CheckRequest request, Progress progress) {
    return new SiteCheck(request).run(progress);
  }

  private CheckReport run(Progress progress) {
    Path out;
    try {
      out = Files.createTempDirectory("inkstone-check");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      BuildResult build = SiteBuild.run(new BuildRequest(root, out, false, false, null, Clock.systemUTC(), false));
      if (!build.ok()) {
        return new CheckReport(build.problems(), List.of(), 0, 0, Map.of(), 0);
      }
      sources = BlogFolder.load(root);
      SiteConfig config;
      try {
        config = SiteConfigReader.read(sources.config());
      } catch (ProblemsException e) {
        return new CheckReport(e.problems(), List.of(), 0, 0, Map.of(), 0);
      }
      return check(out, build.sources(), sources, config, progress);
    } finally {
      deleteTree(out);
    }
  }

  private CheckReport check(Path out, Map<String, Path> pageSources, SourceSet sources, SiteConfig config, Progress progress) {
    Set<String> files = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(out)) {
      walk.filter(Files::isRegularFile).forEach(p -> files.add(out.relativize(p).toString().replace('\\', '/')));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    URI base = URI.create(config.baseUrl());
    basePath = config.basePath();
    Map<String, Set<String>> ids = new HashMap<>();
    List<Link> links = new ArrayList<>();
    List<String> pages = files.stream().filter(f -> f.endsWith(".html")).toList();
    for (String page : pages) {
      org.jsoup.nodes.Document html = parse(out.resolve(page), base.resolve(encode(page)).toString());
      Set<String> pageIds = new HashSet<>();
      for (Element e : html.select("[id]")) {
        pageIds.add(e.id());
      }
      for (Element e : html.select("a[name]")) {
        pageIds.add(e.attr("name"));
      }
      ids.put(page, pageIds);
      Path source = pageSources.get(page);
      if (html.title().isBlank() && !page.equals("404.html")) {
        findings.put("title\u0000" + page, new Finding(Finding.Kind.NO_TITLE, source, source == null ? 0 : 1, page, "",
            "the page /" + page.replaceFirst("index\\.html$", "") + " has no <title>: browser tabs, bookmarks and search results show its address"));
      }
      for (Element a : html.select("a[href], link[href]")) {
        if (a.tagName().equals("link") && !a.attr("rel").toLowerCase(Locale.ROOT).matches(".*\\b(stylesheet|icon|preload|manifest)\\b.*")) {
          continue; // canonical and alternate links carry absolute URLs of the live site
        }
        links.add(new Link(page, a.attr("href"), false, source));
      }
      for (Element img : html.select("img[src], script[src], source[src], video[src], audio[src]")) {
        links.add(new Link(page, img.attr("src"), img.tagName().equals("img"), source));
      }
    }

    Map<String, List<Link>> external = new TreeMap<>();
    Map<String, Link> firstUseOfImage = new HashMap<>();
    for (Link link : links) {
      String raw = link.raw().trim();
      String lower = raw.toLowerCase(Locale.ROOT);
      if (raw.isEmpty() || raw.equals("#") || lower.startsWith("mailto:") || lower.startsWith("tel:") || lower.startsWith("javascript:")
          || lower.startsWith("data:")) {
        continue;
      }
      URI resolved;
      try {
        resolved = base.resolve(encode(link.page())).resolve(raw.replace(" ", "%20"));
      } catch (IllegalArgumentException e) {
        report(link, Finding.Kind.BROKEN_LINK, "not a valid URL: " + raw);
        continue;
      }
      boolean internal = sameSite(resolved, base);
      if (!internal) {
        if ("http".equals(resolved.getScheme()) || "https".equals(resolved.getScheme())) {
          external.computeIfAbsent(resolved.toString(), k -> new ArrayList<>()).add(link);
        }
        continue;
      }
      String path = resolved.getPath() == null ? "/" : resolved.getPath();
      if (!path.startsWith(config.basePath())) {
        report(link, link.image() ? Finding.Kind.MISSING_IMAGE : Finding.Kind.BROKEN_LINK, "points outside the site's base path " + config.basePath());
        continue;
      }
      String rel = path.substring(config.basePath().length());
      String file = rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel;
      if (!files.contains(file)) {
        if (files.contains(file + "/index.html")) {
          file = file + "/index.html";
        } else if (files.contains(file + ".html")) {
          file = file + ".html";
        } else {
          report(link, link.image() ? Finding.Kind.MISSING_IMAGE : Finding.Kind.BROKEN_LINK,
              (link.image() ? "image " : "link ") + raw + " leads nowhere" + (raw.equals(path) ? "" : ": the site has no " + path));
          continue;
        }
      }
      if (link.image()) {
        firstUseOfImage.putIfAbsent(file, link);
      }
      String fragment = resolved.getFragment();
      if (fragment != null && !fragment.isEmpty() && file.endsWith(".html") && !fragment.equals("top")) {
        Set<String> targetIds = ids.getOrDefault(file, Set.of());
        if (!targetIds.contains(fragment)) {
          report(link, Finding.Kind.MISSING_ANCHOR, "#" + fragment + " is not a heading or id on " + ("/" + file).replaceFirst("index\\.html$", ""));
        }
      }
    }

    checkFrontMatter(pageSources, sources, config);
    checkImageSizes(out, files, pageSources, firstUseOfImage);
    Map<String, int[]> hosts = Map.of();
    int requests = 0;
    if (request.external() && !external.isEmpty()) {
      ExternalLinks.Result r = new ExternalLinks(request.timeout(), request.cacheFile(), request.cacheFor()).check(external.keySet(), progress);
      hosts = r.hosts();
      requests = r.requests();
      for (Map.Entry<String, String> bad : r.broken().entrySet()) {
        for (Link link : external.get(bad.getKey())) {
          report(link, Finding.Kind.BROKEN_EXTERNAL, link.raw() + " " + bad.getValue());
        }
      }
    }
    List<Finding> all = new ArrayList<>(findings.values());
    all.sort(Finding.ORDER);
    return new CheckReport(List.of(), all, pages.size(), links.size(), hosts, requests);
  }

  /**
   * Reports a bad link once: at its line in the page's Markdown when it was written there, else
   * once for the whole site at the line of site.yaml or a data file that holds it (a menu entry),
   * else once as coming from the theme.
   */
  private void report(Link link, Finding.Kind kind, String message) {
    int line = link.source() == null ? 0 : lines.find(link.source(), link.raw());
    if (line > 0) {
      findings.putIfAbsent(kind + "\u0000" + link.page() + "\u0000" + link.raw(), new Finding(kind, link.source(), line, link.page(), link.raw(), message));
      return;
    }
    String key = kind + "\u0000*\u0000" + link.raw();
    Finding seen = findings.get(key);
    if (seen != null) {
      return;
    }
    Path file = null;
    int at = 0;
    for (Path candidate : siteWideFiles()) {
      at = lines.findExactly(candidate, link.raw(), basePath);
      if (at > 0) {
        file = candidate;
        break;
      }
    }
    String where = file == null ? " (in a template: it shows on every page that uses it, e.g. /" + link.page() + ")"
        : " (shows on every page that uses it, e.g. /" + link.page() + ")";
    findings.put(key, new Finding(kind, file, at, link.page(), link.raw(), message + where));
  }

  private List<Path> siteWideFiles;
  /** The blog as check read it, after the build. */
  private SourceSet sources;

  private List<Path> siteWideFiles() {
    if (siteWideFiles == null) {
      SourceSet s = sources;
      List<Path> out = new ArrayList<>();
      s.config().ifPresent(c -> out.add(c.path()));
      s.ofKind(SourceFile.Kind.DATA).forEach(d -> out.add(d.path()));
      siteWideFiles = out;
    }
    return siteWideFiles;
  }

  private void checkFrontMatter(Map<String, Path> pageSources, SourceSet sources, SiteConfig config) {
    Map<Path, SourceFile> byPath = new HashMap<>();
    sources.files().forEach(f -> byPath.put(f.path(), f));
    Map<String, List<Map.Entry<String, Path>>> byTitle = new TreeMap<>();
    List<Map.Entry<String, Path>> markdown = pageSources.entrySet().stream()
        .filter(e -> isMarkdown(e.getValue()))
        .sorted(Map.Entry.comparingByValue(Comparator.comparing(p -> p.toString().replace('\\', '/'))))
        .toList();
    for (Map.Entry<String, Path> e : markdown) {
      SourceFile file = byPath.get(e.getValue());
      if (file == null) {
        continue;
      }
      FrontMatter fm;
      try {
        Document doc = FrontMatterReader.read(file, config.timezone());
        fm = doc.frontMatter();
      } catch (ProblemsException ex) {
        continue; // the build reported it
      }
      String title = fm.title();
      if (title == null || title.isBlank()) {
        title = firstHeading(file);
        if (title == null) {
          continue; // the build refuses such a page
        }
      }
      byTitle.computeIfAbsent(title.trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
      boolean noDescription = (fm.description() == null || fm.description().isBlank()) && (fm.summary() == null || fm.summary().isBlank());
      if (noDescription) {
        findings.put("description\u0000" + e.getKey(), new Finding(Finding.Kind.NO_DESCRIPTION, file.path(), lines.keyLine(file.path(), "title"),
            e.getKey(), "", "search results and shared links show the first words instead; add `description:`"));
      }
    }
    for (List<Map.Entry<String, Path>> same : byTitle.values()) {
      for (int i = 1; i < same.size(); i++) {
        Path first = same.get(0).getValue();
        Path file = same.get(i).getValue();
        findings.put("dup\u0000" + same.get(i).getKey(), new Finding(Finding.Kind.DUPLICATE_TITLE, file, lines.keyLine(file, "title"),
            same.get(i).getKey(), "", "the same title as " + first.toString().replace('\\', '/') + ":" + lines.keyLine(first, "title")
                + "; readers and search engines cannot tell them apart"));
      }
    }
  }

  private String firstHeading(SourceFile file) {
    for (String line : new String(file.bytes(), StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("# ")) {
        return line.substring(2).trim();
      }
    }
    return null;
  }

  private void checkImageSizes(Path out, Set<String> files, Map<String, Path> pageSources, Map<String, Link> firstUse) {
    for (String f : files) {
      String ext = f.substring(f.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      if (!IMAGE_EXTENSIONS.contains(ext)) {
        continue;
      }
      long size;
      try {
        size = Files.size(out.resolve(f));
      } catch (IOException e) {
        continue;
      }
      if (size <= request.maxImageBytes()) {
        continue;
      }
      Link use = firstUse.get(f);
      Path file = pageSources.get(f);
      int line = 0;
      String page = "";
      if (use != null && use.source() != null) {
        int at = lines.find(use.source(), use.raw());
        if (at > 0) {
          file = use.source();
          line = at;
          page = use.page();
        }
      }
      findings.put("size\u0000" + f, new Finding(Finding.Kind.OVERSIZED_IMAGE, file, line, page, "/" + f,
          String.format(Locale.ROOT, "image /%s is %d KiB (limit %d KiB): readers on a phone wait for it; shrink or compress it", f,
              size / 1024, request.maxImageBytes() / 1024)));
    }
  }

  private static boolean isMarkdown(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".md") || n.endsWith(".markdown");
  }

  private static boolean sameSite(URI resolved, URI base) {
    if (resolved.getScheme() != null && !resolved.getScheme().equals("http") && !resolved.getScheme().equals("https")) {
      return false;
    }
    return resolved.getHost() == null || resolved.getHost().equalsIgnoreCase(base.getHost()) && resolved.getPort() == base.getPort();
  }

  private static String encode(String path) {
    return dev.inkstone.site.Slugs.encodePath(path);
  }

  private static org.jsoup.nodes.Document parse(Path file, String url) {
    try {
      org.jsoup.nodes.Document d = Jsoup.parse(file.toFile(), "UTF-8", url);
      d.outputSettings(new OutputSettings().prettyPrint(false));
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary folder is harmless
    }
  }
}
