package dev.inkstone.importer;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.site.Slugs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The front door of {@code inkstone import wordpress}: reads a WordPress export (WXR 1.0–1.2)
 * twice with a streaming parser and writes a blog folder.
 *
 * <p>The first pass checks that the whole file is well-formed and collects the small things
 * (ids, slugs, attachments, menu items); nothing is written if it fails, so a truncated export
 * leaves no half import. The second pass converts and writes one item at a time. Every file is
 * written whole through a temporary file and only when its bytes change, so a rerun gives the
 * same folder.
 */
public final class WordPressImport {
  private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

  /** What the first pass keeps of each item. */
  private record Entry(long id, String type, String status, String title, String slug, String link, long parent, String attachmentUrl,
      int menuOrder, Map<String, String> meta, List<Wxr.ItemTerm> terms, boolean hasPassword) {}

  private final Path export;
  private final Path into;
  private final Path uploads;
  private final ImportReport report = new ImportReport();
  private Wxr.Channel channel;
  private final Map<Long, Entry> entries = new LinkedHashMap<>();
  /** Where each written post or page goes: id → its folder-relative path without extension. */
  private final Map<Long, String> targets = new HashMap<>();
  private final Map<String, Wxr.Category> categoriesBySlug = new HashMap<>();
  private final Set<String> usedCategories = new HashSet<>();
  private final Map<String, Integer> offsets = new TreeMap<>();
  /** Attachment pages (old path) → the attachment's file URL, so links to them reach the image. */
  private final Map<String, String> attachmentPages = new HashMap<>();
  private boolean datedLinks;

  private WordPressImport(Path export, Path into, Path uploads) {
    this.export = export;
    this.into = into;
    this.uploads = uploads;
  }

  /**
   * Imports the export into the blog folder {@code into}.
   *
   * @param uploads a local copy of {@code wp-content/uploads}, or null
   * @throws ProblemsException when the export cannot be read at all; nothing is written then
   */
  public static ImportReport run(Path export, Path into, Path uploads) {
    if (!Files.isRegularFile(export)) {
      throw new ProblemsException(Problem.in(export, "the export file does not exist", "give the .xml file from Tools → Export"));
    }
    if (uploads != null && !Files.isDirectory(uploads)) {
      throw new ProblemsException(Problem.in(uploads, "the uploads folder does not exist", "give the copy of wp-content/uploads"));
    }
    WordPressImport w = new WordPressImport(export, into, uploads);
    w.scan();
    w.write();
    return w.report;
  }

  // ---- pass 1 -----------------------------------------------------------------------------

  private void scan() {
    WxrReader.read(export, new WxrReader.Handler() {
      @Override
      public void channel(Wxr.Channel c) {
        checkVersion(c);
        channel = c;
      }

      @Override
      public void item(Wxr.Item item) {
        boolean menu = item.type().equals("nav_menu_item");
        entries.put(item.id(), new Entry(item.id(), item.type(), item.status(), item.title(), decode(item.name()), item.link(), item.parent(),
            item.attachmentUrl(), item.menuOrder(), menu ? item.meta() : Map.of(), menu ? item.terms() : List.of(),
            !item.password().isEmpty()));
        if (isWritten(item.type(), item.status())) {
          for (Wxr.ItemTerm t : item.terms()) {
            if (t.domain().equals("category")) {
              usedCategories.add(t.slug());
            }
          }
        }
      }
    });
    for (Wxr.Category c : channel.categories()) {
      categoriesBySlug.putIfAbsent(c.slug(), c);
    }
    for (Entry e : entries.values()) {
      String old = oldPath(e.link());
      if (e.type().equals("attachment") && old != null && !e.attachmentUrl().isEmpty()) {
        attachmentPages.putIfAbsent(old, e.attachmentUrl());
      }
      if (e.type().equals("post") && old != null && old.matches("/\\d{4}/\\d{2}/\\d{2}/.+")) {
        datedLinks = true;
      }
    }
    assignTargets();
  }

  private void checkVersion(Wxr.Channel c) {
    if (c.version() == null) {
      throw new ProblemsException(Problem.in(export, "no WXR version: this does not look like a WordPress export",
          "export the blog from WordPress with Tools → Export → All content"));
    }
    if (!WxrReader.VERSIONS.contains(c.version().strip())) {
      throw new ProblemsException(Problem.in(export, "unknown WXR version `" + c.version().strip() + "`",
          "Inkstone reads WXR 1.0, 1.1 and 1.2; export again with a current WordPress"));
    }
  }

  private static boolean isWritten(String type, String status) {
    return (type.equals("post") || type.equals("page")) && Set.of("publish", "future", "draft", "pending", "private").contains(status);
  }

  /** Slugs and paths for every post and page, in export order, so duplicates are settled the same way on every run. */
  private void assignTargets() {
    Set<String> taken = new HashSet<>();
    for (Entry e : entries.values()) {
      if (!isWritten(e.type(), e.status())) {
        continue;
      }
      String slug = slugOf(e);
      String folder = e.type().equals("post") ? "posts/" : "pages/" + pageParents(e);
      String key = folder + slug;
      if (!taken.add(key.toLowerCase(Locale.ROOT))) {
        String renamed = slug + "-" + e.id();
        report.look(item(e), "the slug `" + slug + "` is used by an earlier item; this one became `" + renamed + "`");
        key = folder + renamed;
        taken.add(key.toLowerCase(Locale.ROOT));
      }
      targets.put(e.id(), key);
    }
  }

  private String slugOf(Entry e) {
    String wanted = e.slug();
    if (wanted.isBlank()) {
      wanted = e.title();
    }
    String slug = Slugs.slugify(wanted);
    if (slug.isEmpty()) {
      slug = (e.type().equals("page") ? "page-" : "post-") + e.id();
    }
    if (!e.slug().isBlank() && !slug.equals(e.slug().toLowerCase(Locale.ROOT))) {
      report.look(item(e), "the slug `" + e.slug() + "` has characters a URL cannot keep; it became `" + slug + "`");
    }
    return slug;
  }

  private String pageParents(Entry e) {
    List<String> chain = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    Entry p = entries.get(e.parent());
    while (p != null && p.type().equals("page") && isWritten(p.type(), p.status()) && seen.add(p.id())) {
      String s = Slugs.slugify(p.slug().isBlank() ? p.title() : p.slug());
      chain.add(0, s.isEmpty() ? "page-" + p.id() : s);
      p = entries.get(p.parent());
    }
    return chain.isEmpty() ? "" : String.join("/", chain) + "/";
  }

  // ---- pass 2 -----------------------------------------------------------------------------

  private void write() {
    WxrReader.read(export, new WxrReader.Handler() {
      @Override
      public void channel(Wxr.Channel c) {}

      @Override
      public void item(Wxr.Item item) {
        handle(item);
      }
    });
    writeAuthors();
    writeCategories();
    writeSiteConfig();
    AtomicFiles.write(into.resolve("wordpress-import-report.md"), report.toMarkdown("WordPress import of " + export.getFileName()));
  }

  private void handle(Wxr.Item item) {
    Entry e = entries.get(item.id());
    switch (item.type()) {
      case "post", "page" -> {
        if (!targets.containsKey(item.id()) || e == null || e.id() != item.id()) {
          if (!isWritten(item.type(), item.status())) {
            report.skip(item(e != null ? e : entryOf(item)), "status `" + item.status() + "` is not imported");
          }
          return;
        }
        post(item, e);
      }
      case "attachment" -> report.count("attachments");
      case "nav_menu_item" -> report.count("menu items");
      default -> {
        report.count("other items skipped");
        report.skip(item(entryOf(item)), "post type `" + item.type() + "` is not imported");
      }
    }
  }

  private static Entry entryOf(Wxr.Item i) {
    return new Entry(i.id(), i.type(), i.status(), i.title(), i.name(), i.link(), i.parent(), "", 0, Map.of(), List.of(), false);
  }

  private void post(Wxr.Item item, Entry e) {
    String target = targets.get(item.id());
    boolean isPost = item.type().equals("post");
    String slug = target.substring(target.lastIndexOf('/') + 1);
    Map<String, String> copies = new TreeMap<>();
    String bundleDir = "content/" + target + "/";
    WordPressHtml html = new WordPressHtml(url -> relink(url, copies), id -> {
      Entry a = entries.get(id);
      return a != null && a.type().equals("attachment") ? relink(a.attachmentUrl(), copies) : null;
    });
    List<String> gallery = new ArrayList<>();
    for (Entry a : entries.values()) {
      if (a.type().equals("attachment") && a.parent() == item.id() && !a.attachmentUrl().isEmpty()) {
        gallery.add(relink(a.attachmentUrl(), copies));
      }
    }
    WordPressHtml.Result body = html.convert(item.content(), gallery);
    for (String code : body.unknownShortcodes()) {
      report.unknown(code, item(e));
    }
    for (String note : body.notes()) {
      report.look(item(e), note);
    }

    Yaml fm = new Yaml();
    String title = item.title();
    if (title.isBlank()) {
      title = "(untitled " + item.id() + ")";
      report.look(item(e), "the item has no title; it was given `" + title + "`");
    }
    fm.put("title", title);
    String date = date(item.postDate(), item.postDateGmt());
    if (date == null) {
      date = date(item.modified(), item.modifiedGmt());
    }
    if (date != null) {
      fm.line("date: " + date);
    } else if (isPost) {
      report.look(item(e), "the item has no date; it was dated 1970-01-01");
      fm.line("date: 1970-01-01T00:00:00Z");
    }
    String updated = date(item.modified(), item.modifiedGmt());
    if (updated != null && date != null && updated.compareTo(date) > 0 && !updated.equals(date)) {
      fm.line("updated: " + updated);
    }
    fm.put("slug", slug);
    if (!item.creator().isBlank()) {
      fm.put("author", item.creator());
    }
    List<Object> categories = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    Map<String, List<String>> other = new TreeMap<>();
    for (Wxr.ItemTerm t : item.terms()) {
      switch (t.domain()) {
        case "category" -> {
          List<String> path = categoryPath(t);
          if (!path.isEmpty() && !categories.contains(path)) {
            categories.add(path);
          }
        }
        case "post_tag", "tag" -> {
          if (!t.name().isBlank() && !tags.contains(t.name())) {
            tags.add(t.name());
          }
        }
        default -> {
          if (!t.domain().isBlank() && !t.name().isBlank()) {
            other.computeIfAbsent("wp_" + t.domain().replaceAll("[^\\w]", "_"), k -> new ArrayList<>()).add(t.name());
          }
        }
      }
    }
    if (isPost) {
      fm.put("categories", categories);
      fm.put("tags", tags);
    }
    String excerpt = org.jsoup.Jsoup.parse(item.excerpt()).text().strip();
    if (!excerpt.isEmpty()) {
      fm.put("summary", excerpt);
    }
    if (item.sticky()) {
      fm.put("featured", true);
    }
    boolean draft = !item.status().equals("publish") && !item.status().equals("future");
    if (!item.password().isEmpty()) {
      draft = true;
      report.look(item(e), "the item was password-protected; it was imported as a draft (a static site cannot keep a password)");
    }
    if (draft) {
      fm.put("draft", true);
      report.count("drafts");
    }
    String thumb = item.meta("_thumbnail_id").strip();
    if (thumb.matches("\\d+")) {
      Entry a = entries.get(Long.parseLong(thumb));
      if (a != null && !a.attachmentUrl().isEmpty()) {
        fm.put("cover", relink(a.attachmentUrl(), copies));
      }
    }
    fm.put("aliases", aliases(item, target, isPost));
    fm.put("wordpress_id", item.id());
    other.forEach(fm::put);

    String text = "---\n" + fm + "---\n\n" + body.markdown();
    boolean bundle = !copies.isEmpty();
    Path flat = into.resolve("content/" + target + ".md");
    Path index = into.resolve(bundleDir + "index.md");
    Path file = bundle ? index : flat;
    try {
      Files.deleteIfExists(bundle ? flat : index);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    report.file(AtomicFiles.write(file, text));
    for (Map.Entry<String, String> c : copies.entrySet()) {
      report.file(AtomicFiles.copy(Path.of(c.getValue()), into.resolve(bundleDir + c.getKey())));
    }
    report.count(isPost ? "posts" : "pages");
    comments(item, e, target);
  }

  private List<String> categoryPath(Wxr.ItemTerm t) {
    List<String> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Wxr.Category c = categoriesBySlug.get(t.slug());
    if (c == null) {
      if (!t.name().isBlank()) {
        path.add(t.name());
      }
      return path;
    }
    while (c != null && seen.add(c.slug())) {
      path.add(0, c.name().isBlank() ? c.slug() : c.name());
      c = c.parent().isBlank() ? null : categoriesBySlug.get(c.parent());
    }
    return path;
  }

  private List<String> aliases(Wxr.Item item, String target, boolean isPost) {
    List<String> out = new ArrayList<>();
    String now = isPost ? "/posts/" + target.substring("posts/".length()) + "/" : "/" + target.substring("pages/".length()) + "/";
    String old = oldPath(item.link());
    if (old != null && !old.equals(now) && !old.equals("/")) {
      out.add(old);
    }
    LocalDateTime local = wpDate(item.postDate());
    if (isPost && datedLinks && local != null) {
      String dated = String.format(Locale.ROOT, "/%04d/%02d/%02d/%s/", local.getYear(), local.getMonthValue(), local.getDayOfMonth(),
          decode(item.name()).isBlank() ? target.substring("posts/".length()) : decode(item.name()));
      if (!out.contains(dated) && !dated.equals(now)) {
        out.add(dated);
      }
    }
    String query = isPost ? "/?p=" + item.id() : "/?page_id=" + item.id();
    if (!out.contains(query)) {
      out.add(query);
    }
    return out;
  }

  /** The path of a URL on the old blog, percent-decoded, or null when it is elsewhere. */
  private String oldPath(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(link.strip().replace(" ", "%20"));
      URI base = URI.create(baseLink());
      if (uri.getHost() != null && base.getHost() != null && !uri.getHost().equalsIgnoreCase(base.getHost())) {
        return null;
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "");
      if (!basePath.isEmpty() && path.startsWith(basePath)) {
        path = path.substring(basePath.length());
      }
      if (path.isEmpty()) {
        path = "/";
      }
      String decoded = decode(path);
      if (uri.getRawQuery() != null) {
        decoded = decoded + "?" + uri.getRawQuery();
      }
      return decoded;
    } catch (IllegalArgumentException ex) {
      return null;
    }
  }

  private String baseLink() {
    String base = channel.baseBlogUrl().isBlank() ? channel.link() : channel.baseBlogUrl();
    return base.isBlank() ? "http://localhost/" : base.strip();
  }

  /** Uploads are listed, and copied into the bundle when a local copy exists; links to the old blog become site paths. */
  private String relink(String url, Map<String, String> copies) {
    if (url == null || url.isBlank()) {
      return url;
    }
    int at = url.indexOf("/wp-content/uploads/");
    int skip = "/wp-content/uploads/".length();
    if (at < 0 && url.matches("https?://[\\w-]+\\.files\\.wordpress\\.com/.*")) {
      // WordPress.com keeps uploads on a files host, same layout
      at = url.indexOf('/', url.indexOf("//") + 2);
      skip = 1;
    }
    if (at >= 0) {
      report.upload(url);
      if (uploads != null) {
        String rel = decode(url.substring(at + skip).replaceAll("[?#].*$", ""));
        Path local = uploads.resolve(rel).normalize();
        if (!Files.isRegularFile(local)) {
          Path original = uploads.resolve(rel.replaceAll("-\\d+x\\d+(\\.\\w+)$", "$1")).normalize();
          local = Files.isRegularFile(original) ? original : null;
        }
        if (local != null && local.startsWith(uploads.normalize())) {
          String name = local.getFileName().toString();
          String existing = null;
          for (Map.Entry<String, String> c : copies.entrySet()) {
            if (c.getValue().equals(local.toString())) {
              existing = c.getKey();
            }
          }
          if (existing != null) {
            return existing;
          }
          String unique = name;
          for (int n = 2; copies.containsKey(unique); n++) {
            unique = n + "-" + name;
          }
          copies.put(unique, local.toString());
          return unique;
        }
      }
      return url;
    }
    if (channel != null && (url.startsWith("http") || url.startsWith("/"))) {
      String old = url.startsWith("/") ? decode(url) : oldPath(url);
      if (old != null && (attachmentPages.containsKey(old) || attachmentPages.containsKey(old + "/"))) {
        return relink(attachmentPages.getOrDefault(old, attachmentPages.get(old + "/")), copies);
      }
    }
    if (url.startsWith("http") && channel != null) {
      String old = oldPath(url);
      URI base = URI.create(baseLink());
      if (old != null && base.getHost() != null && url.contains(base.getHost()) && !old.equals("/") && !old.contains("?")) {
        return Slugs.encodePath(old);
      }
    }
    return url;
  }

  private void comments(Wxr.Item item, Entry e, String target) {
    if (item.comments().isEmpty()) {
      return;
    }
    List<Object> list = new ArrayList<>();
    for (Wxr.Comment c : item.comments()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      if (c.parent() != 0) {
        m.put("parent", c.parent());
      }
      m.put("author", c.author());
      m.put("email", c.authorEmail().isBlank() ? null : c.authorEmail());
      m.put("url", c.authorUrl().isBlank() ? null : c.authorUrl());
      String d = date(c.date(), c.dateGmt());
      m.put("date", d);
      m.put("status", switch (c.approved()) {
        case "1" -> "approved";
        case "0" -> "pending";
        default -> c.approved().isBlank() ? "unknown" : c.approved();
      });
      if (!c.type().isBlank() && !c.type().equals("comment")) {
        m.put("type", c.type());
      }
      m.put("content", c.content());
      list.add(m);
      report.count("comments");
    }
    String name = target.substring(target.indexOf('/') + 1).replace('/', '-');
    if (target.startsWith("pages/")) {
      name = "page-" + name;
    }
    Yaml y = new Yaml().put("post", target).put("wordpress_id", item.id()).put("comments", list);
    report.file(AtomicFiles.write(into.resolve("content/data/comments/" + name + ".yaml"), y.toString()));
  }

  // ---- blog-wide files --------------------------------------------------------------------

  private void writeAuthors() {
    if (channel.authors().isEmpty()) {
      return;
    }
    Yaml y = new Yaml();
    for (Wxr.Author a : channel.authors()) {
      if (a.login().isBlank()) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      String name = a.displayName().isBlank() ? (a.firstName() + " " + a.lastName()).strip() : a.displayName();
      m.put("name", name.isBlank() ? a.login() : name);
      y.put(a.login(), m);
      report.count("authors");
    }
    report.file(AtomicFiles.write(into.resolve("content/data/authors.yaml"), y.toString()));
  }

  /** The category tree with the slugs WordPress used, for reference and for redirects of old category pages. */
  private void writeCategories() {
    if (channel.categories().isEmpty() && channel.tags().isEmpty()) {
      return;
    }
    List<Object> cats = new ArrayList<>();
    for (Wxr.Category c : channel.categories()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("slug", decode(c.slug()));
      m.put("path", String.join("/", categoryPath(new Wxr.ItemTerm("category", c.slug(), c.name()))));
      m.put("parent", c.parent().isBlank() ? null : decode(c.parent()));
      cats.add(m);
      report.count("categories");
    }
    List<Object> tags = new ArrayList<>();
    for (Wxr.Tag t : channel.tags()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t.name());
      m.put("slug", decode(t.slug()));
      tags.add(m);
      report.count("tags");
    }
    Yaml y = new Yaml().put("categories", cats).put("tags", tags);
    report.file(AtomicFiles.write(into.resolve("content/data/wordpress-terms.yaml"), y.toString()));

    // WordPress's own category and tag pages (/category/parent/child/, /tag/slug/) keep working:
    // the build turns these into redirects to our term pages, for terms that have posts.
    Map<String, Wxr.Category> bySlug = new LinkedHashMap<>();
    for (Wxr.Category c : channel.categories()) {
      bySlug.put(c.slug(), c);
    }
    StringBuilder redirects = new StringBuilder();
    for (Wxr.Category c : channel.categories()) {
      List<String> slugs = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Wxr.Category at = c; at != null && seen.add(at.slug()); at = at.parent().isBlank() ? null : bySlug.get(at.parent())) {
        slugs.add(0, decode(at.slug()));
      }
      redirects.append("- from: ").append(Yaml.quote("/category/" + String.join("/", slugs) + "/")).append("\n  category: ")
          .append(Yaml.quote(String.join("/", categoryPath(new Wxr.ItemTerm("category", c.slug(), c.name()))))).append('\n');
    }
    for (Wxr.Tag t : channel.tags()) {
      redirects.append("- from: ").append(Yaml.quote("/tag/" + decode(t.slug()) + "/")).append("\n  tag: ").append(Yaml.quote(t.name()))
          .append('\n');
    }
    if (redirects.length() > 0) {
      report.file(AtomicFiles.write(into.resolve("content/data/redirects/wordpress.yaml"),
          "# WordPress's category and tag pages, redirected to ours by the build.\n" + redirects));
    }
  }

  private void writeSiteConfig() {
    Yaml menu = menu();
    Path site = into.resolve("content/site.yaml");
    boolean exists = Files.exists(site) || Files.exists(into.resolve("site.yaml"));
    if (exists) {
      String text;
      try {
        text = Files.readString(Files.exists(site) ? site : into.resolve("site.yaml"));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      if (!text.contains("# written by inkstone import wordpress")) {
        if (!menu.toString().isEmpty()) {
          report.look("site.yaml", "it exists and was left as it was; the WordPress menu would be:\n\n```yaml\n" + menu + "```");
        }
        return;
      }
    }
    Yaml y = new Yaml().line("# written by inkstone import wordpress; delete this line to keep a later import from rewriting the file");
    y.put("title", channel.title().isBlank() ? "My Blog" : channel.title());
    if (!channel.description().isBlank()) {
      y.put("description", channel.description());
    }
    y.put("baseUrl", baseLink().endsWith("/") ? baseLink() : baseLink() + "/");
    String lang = channel.language().isBlank() ? "en" : channel.language();
    y.put("language", lang.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh-CN" : lang.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : lang);
    y.put("timezone", zone());
    String text = y + menu.toString();
    report.file(AtomicFiles.write(site, text));
  }

  private String zone() {
    String best = "UTC";
    int max = 0;
    for (Map.Entry<String, Integer> o : offsets.entrySet()) {
      if (o.getValue() > max) {
        max = o.getValue();
        best = o.getKey();
      }
    }
    return best.equals("Z") ? "UTC" : best;
  }

  // ---- the menu ---------------------------------------------------------------------------

  private Yaml menu() {
    Map<String, List<Entry>> menus = new TreeMap<>();
    for (Entry e : entries.values()) {
      if (e.type().equals("nav_menu_item")) {
        for (Wxr.ItemTerm t : e.terms()) {
          if (t.domain().equals("nav_menu")) {
            menus.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(e);
          }
        }
      }
    }
    String chosen = null;
    for (Map.Entry<String, List<Entry>> m : menus.entrySet()) {
      if (chosen == null || m.getValue().size() > menus.get(chosen).size()) {
        chosen = m.getKey();
      }
    }
    Yaml y = new Yaml();
    if (chosen == null) {
      return y;
    }
    if (menus.size() > 1) {
      report.look("menu", "the export has " + menus.size() + " menus; `" + chosen + "` (the largest) became the site menu");
    }
    List<Entry> items = menus.get(chosen);
    items.sort((a, b) -> a.menuOrder() != b.menuOrder() ? Integer.compare(a.menuOrder(), b.menuOrder()) : Long.compare(a.id(), b.id()));
    List<Object> tree = menuLevel(items, 0, new HashSet<>());
    y.put("menu", tree);
    return y;
  }

  private List<Object> menuLevel(List<Entry> items, long parent, Set<Long> seen) {
    List<Object> out = new ArrayList<>();
    for (Entry e : items) {
      if (parse(e.meta().get("_menu_item_menu_item_parent")) != parent || !seen.add(e.id())) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      String type = e.meta().getOrDefault("_menu_item_type", "");
      String object = e.meta().getOrDefault("_menu_item_object", "");
      long objectId = parse(e.meta().get("_menu_item_object_id"));
      String name = e.title();
      String key = null;
      String value = null;
      if (type.equals("custom")) {
        String url = e.meta().getOrDefault("_menu_item_url", "").strip();
        String old = url.startsWith("http") ? oldPath(url) : null;
        if (old != null && !old.contains("?")) {
          url = old;
        }
        if (!url.isEmpty() && !url.equals("#")) {
          key = "url";
          value = url;
        }
      } else if (type.equals("post_type")) {
        Entry target = entries.get(objectId);
        String path = targets.get(objectId);
        if (target != null && path != null && target.status().equals("publish") && !target.hasPassword()) {
          name = name.isBlank() ? target.title() : name;
          if (path.startsWith("pages/")) {
            key = "page";
            value = path.substring("pages/".length());
          } else {
            key = "url";
            value = "/" + path + "/";
          }
        }
      } else if (type.equals("taxonomy") && object.equals("category")) {
        for (Wxr.Category c : channel.categories()) {
          if (c.termId() == objectId && usedCategories.contains(c.slug())) {
            name = name.isBlank() ? c.name() : name;
            key = "category";
            value = String.join("/", categoryPath(new Wxr.ItemTerm("category", c.slug(), c.name())));
          }
        }
      } else if (type.equals("taxonomy") && object.equals("post_tag")) {
        for (Wxr.Tag t : channel.tags()) {
          if (t.termId() == objectId) {
            name = name.isBlank() ? t.name() : name;
            key = "tag";
            value = t.name();
          }
        }
      }
      List<Object> children = menuLevel(items, e.id(), seen);
      if (name.isBlank()) {
        name = value != null ? value : "menu " + e.id();
      }
      if (key == null && children.isEmpty()) {
        report.skip("menu item " + e.id() + " “" + name + "”", "it points to nothing that was imported (" + (type.isEmpty() ? "no type" : type + " " + object) + ")");
        continue;
      }
      m.put("name", name);
      if (key != null) {
        m.put(key, value);
      }
      if (!children.isEmpty()) {
        m.put("children", children);
      }
      out.add(m);
    }
    return out;
  }

  // ---- small things -----------------------------------------------------------------------

  /** An ISO date with the blog's offset, from WordPress's local and GMT times; null when neither is a date. */
  private String date(String local, String gmt) {
    LocalDateTime l = wpDate(local);
    LocalDateTime g = wpDate(gmt);
    if (l == null && g == null) {
      return null;
    }
    if (l == null) {
      return ISO_LOCAL.format(g) + "Z";
    }
    if (g == null) {
      return ISO_LOCAL.format(l);
    }
    long seconds = Duration.between(g, l).getSeconds();
    if (Math.abs(seconds) > 18 * 3600 || seconds % 900 != 0) {
      return ISO_LOCAL.format(g) + "Z";
    }
    ZoneOffset offset = ZoneOffset.ofTotalSeconds((int) seconds);
    offsets.merge(offset.getId(), 1, Integer::sum);
    return ISO_LOCAL.format(l) + (offset.getTotalSeconds() == 0 ? "Z" : offset.getId());
  }

  private static LocalDateTime wpDate(String s) {
    if (s == null || s.isBlank() || s.startsWith("0000")) {
      return null;
    }
    try {
      return LocalDateTime.parse(s.strip(), WP_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String decode(String s) {
    if (s == null || !s.contains("%")) {
      return s == null ? "" : s;
    }
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static long parse(String s) {
    try {
      return s == null ? 0 : Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String item(Entry e) {
    String t = e.title() == null || e.title().isBlank() ? "(no title)" : e.title();
    return (e.type().isBlank() ? "item" : e.type()) + " " + e.id() + " “" + t + "”";
  }
}
