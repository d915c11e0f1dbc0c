package dev.inkstone.config;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.source.SourceFile;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code site.yaml} into a {@link SiteConfig}, reporting every wrong value at once. */
public final class SiteConfigReader {
  private static final Set<String> KNOWN = Set.of("title", "subtitle", "description", "baseUrl", "baseURL", "url", "language",
      "timezone", "author", "paginate", "permalinks", "taxonomies", "copyright", "icp", "themeCredit", "theme", "menu", "sidebar",
      "related", "params", "prevNext", "feeds", "verification", "analytics", "comments", "views", "donate", "slugStyle", "deploy");

  private final Path file;
  private final List<Problem> problems = new ArrayList<>();
  private final YamlFields fields;

  private SiteConfigReader(Path file) {
    this.file = file;
    this.fields = new YamlFields(file, problems);
  }

  public static SiteConfig defaults() {
    return new SiteConfigReader(null).build(new YamlValue.Mapping(Map.of(), 1, 1));
  }

  /** Reads the configuration file, or gives the defaults when there is none. */
  public static SiteConfig read(Optional<SourceFile> source) {
    if (source.isEmpty()) {
      return defaults();
    }
    SourceFile f = source.get();
    String text = new String(f.bytes(), StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    YamlValue value = YamlReader.read(text, f.path(), 1);
    SiteConfigReader reader = new SiteConfigReader(f.path());
    if (value instanceof YamlValue.Scalar s && s.isNull()) {
      return reader.build(new YamlValue.Mapping(Map.of(), 1, 1));
    }
    if (!(value instanceof YamlValue.Mapping m)) {
      throw new ProblemsException(Problem.at(f.path(), value.line(), value.column(),
          "site.yaml must be a mapping of settings, found " + value.describe(), "write settings as `key: value` lines"));
    }
    SiteConfig config = reader.build(m);
    if (!reader.problems.isEmpty()) {
      throw new ProblemsException(reader.problems);
    }
    return config;
  }

  private SiteConfig build(YamlValue.Mapping m) {
    fields.unknownKeys(m, KNOWN::contains, k -> "unknown setting `" + k + "`",
        "known settings: " + String.join(", ", KNOWN.stream().sorted().toList()) + "; put your own values under `params:`");
    String title = fields.text(m, "title", "My Blog");
    String baseUrl = normalizeBaseUrl(firstString(m, "http://localhost/", "baseUrl", "baseURL", "url"));
    try {
      URI uri = new URI(baseUrl);
      if (!uri.isAbsolute()) {
        problemAt(m, "baseUrl", "baseUrl must be an absolute URL", "write it like https://example.org/");
      }
    } catch (URISyntaxException ex) {
      problemAt(m, "baseUrl", "baseUrl is not a valid URL: " + ex.getReason(), "write it like https://example.org/");
    }
    String language = fields.text(m, "language", "en");
    ZoneId zone = ZoneId.of("UTC");
    String zoneText = fields.text(m, "timezone", "UTC");
    try {
      zone = ZoneId.of(zoneText);
    } catch (DateTimeException ex) {
      problemAt(m, "timezone", "unknown time zone `" + zoneText + "`", "use a zone id like Asia/Shanghai or Europe/Berlin");
    }
    String postPermalink = "/posts/:slug/";
    String pagePermalink = "/:path/";
    YamlValue.Mapping permalinks = fields.mapping(m, "permalinks");
    if (permalinks != null) {
      postPermalink = fields.text(permalinks, "post", postPermalink);
      pagePermalink = fields.text(permalinks, "page", pagePermalink);
      checkPattern(permalinks, "post", postPermalink, true);
      checkPattern(permalinks, "page", pagePermalink, false);
    }
    int since = 0;
    String holder = title;
    YamlValue copyright = m.get("copyright");
    if (copyright instanceof YamlValue.Mapping c) {
      since = fields.wholeNumber(c, "since", 0);
      holder = fields.text(c, "holder", title);
    } else if (copyright != null && !(copyright instanceof YamlValue.Scalar s && s.isNull())) {
      holder = fields.text(m, "copyright", title);
    }
    YamlValue.Mapping sidebar = fields.mapping(m, "sidebar");
    int latest = sidebar == null ? 8 : fields.wholeNumber(sidebar, "latest", 8);
    int hot = sidebar == null ? 8 : fields.wholeNumber(sidebar, "hot", 8);
    int featured = sidebar == null ? 8 : fields.wholeNumber(sidebar, "featured", 8);
    int tags = sidebar == null ? 50 : fields.wholeNumber(sidebar, "tags", 50);
    List<String> taxonomies = new ArrayList<>();
    YamlValue tx = m.get("taxonomies");
    if (tx instanceof YamlValue.Sequence seq) {
      for (YamlValue item : seq.items()) {
        String key = item instanceof YamlValue.Scalar s && s.value() instanceof String str ? str.trim() : null;
        if (key == null || !key.matches("[a-z][a-z0-9_-]*")) {
          problems.add(Problem.at(file, item.line(), item.column(), "a taxonomy name must be a lower-case word",
              "e.g. `taxonomies: [series]`"));
        } else if (!key.equals("categories") && !key.equals("tags") && !taxonomies.contains(key)) {
          taxonomies.add(key);
        }
      }
    } else if (tx != null && !(tx instanceof YamlValue.Scalar s && s.isNull())) {
      problems.add(Problem.at(file, tx.line(), tx.column(), "`taxonomies` must be a list", "e.g. `taxonomies: [series]`"));
    }
    List<MenuEntry> menu = menu(m.get("menu"));
    YamlValue params = m.get("params");
    Map<String, Object> paramMap = new LinkedHashMap<>();
    if (params instanceof YamlValue.Mapping pm) {
      paramMap.putAll(pm.toPlain());
    } else if (params != null && !(params instanceof YamlValue.Scalar s && s.isNull())) {
      problems.add(Problem.at(file, params.line(), params.column(), "`params` must be a mapping", "write `params:` then indented `key: value` lines"));
    }
    String prevNext = fields.text(m, "prevNext", "site");
    if (!prevNext.equals("site") && !prevNext.equals("category")) {
      problemAt(m, "prevNext", "`prevNext` must be `site` or `category`", "`site` links neighbours by date across the whole site");
    }
    return new SiteConfig(file, title, fields.text(m, "subtitle", ""), fields.text(m, "description", ""), baseUrl, pathOf(baseUrl), language, zone,
        fields.text(m, "author", ""), positive(m, "paginate", 10), postPermalink, pagePermalink, taxonomies, since, holder,
        fields.text(m, "icp", ""), fields.bool(m, "themeCredit", true), fields.text(m, "theme", "default"), menu, latest, hot, featured,
        positive(m, "related", 10), prevNext.equals("category"), paramMap, new WebConfigReader(file, problems).read(m), tags);
  }

  private List<MenuEntry> menu(YamlValue v) {
    List<MenuEntry> out = new ArrayList<>();
    if (v == null || v instanceof YamlValue.Scalar s && s.isNull()) {
      return out;
    }
    if (!(v instanceof YamlValue.Sequence seq)) {
      problems.add(Problem.at(file, v.line(), v.column(), "`menu` must be a list of entries", "each entry: `- name: 首页` and `url: /`"));
      return out;
    }
    for (YamlValue item : seq.items()) {
      if (!(item instanceof YamlValue.Mapping e)) {
        problems.add(Problem.at(file, item.line(), item.column(), "a menu entry must be a mapping with `name`",
            "write `- name: 关于` and `page: about` on the next line"));
        continue;
      }
      String name = fields.text(e, "name", "");
      if (name.isBlank()) {
        problems.add(Problem.at(file, e.line(), e.column(), "a menu entry has no `name`", "add `name: ...` to the entry"));
      }
      String url = fields.text(e, "url", null);
      String page = fields.text(e, "page", null);
      String category = fields.text(e, "category", null);
      String tag = fields.text(e, "tag", null);
      long targets = java.util.stream.Stream.of(url, page, category, tag).filter(x -> x != null).count();
      if (targets > 1) {
        problems.add(Problem.at(file, e.line(), e.column(), "menu entry `" + name + "` has more than one target",
            "give only one of url, page, category, tag"));
      }
      List<MenuEntry> children = menu(e.get("children"));
      if (targets == 0 && children.isEmpty()) {
        problems.add(Problem.at(file, e.line(), e.column(), "menu entry `" + name + "` points nowhere",
            "add one of url, page, category, tag, or children"));
      }
      fields.unknownKeys(e, Set.of("name", "url", "page", "category", "tag", "children")::contains, k -> "unknown menu key `" + k + "`",
          "a menu entry has name and one of url, page, category, tag, children");
      out.add(new MenuEntry(name, url, page, category, tag, children, e.line(), e.column()));
    }
    return out;
  }

  private void checkPattern(YamlValue.Mapping m, String key, String pattern, boolean post) {
    if (!pattern.startsWith("/")) {
      problemAt(m, key, "a permalink pattern must start with /", "e.g. /posts/:slug/");
    }
    String rest = pattern.replaceAll(":(year|month|day|slug|section|path|title|category)", "");
    if (rest.contains(":")) {
      problemAt(m, key, "unknown placeholder in permalink `" + pattern + "`", "placeholders: :year :month :day :slug :category (posts), :path :slug (pages)");
    }
    if (post && !pattern.contains(":slug") && !pattern.contains(":title")) {
      problemAt(m, key, "the post permalink must contain :slug", "e.g. /:year/:month/:day/:slug/");
    }
  }

  static String normalizeBaseUrl(String url) {
    String u = url.trim();
    return u.endsWith("/") ? u : u + "/";
  }

  static String pathOf(String baseUrl) {
    try {
      String p = new URI(baseUrl).getRawPath();
      if (p == null || p.isEmpty()) {
        return "/";
      }
      return p.endsWith("/") ? p : p + "/";
    } catch (URISyntaxException e) {
      return "/";
    }
  }

  private void problemAt(YamlValue.Mapping m, String key, String message, String hint) {
    YamlValue v = m.get(key);
    problems.add(v == null ? Problem.in(file, message, hint) : Problem.at(file, v.line(), v.column(), message, hint));
  }

  private String firstString(YamlValue.Mapping m, String fallback, String... keys) {
    for (String k : keys) {
      if (m.has(k)) {
        return fields.text(m, k, fallback);
      }
    }
    return fallback;
  }

  private int positive(YamlValue.Mapping m, String key, int fallback) {
    int n = fields.wholeNumber(m, key, fallback);
    if (n == 0) {
      problemAt(m, key, "`" + key + "` must be at least 1", "write `" + key + ": " + fallback + "`");
      return fallback;
    }
    return n;
  }
}
