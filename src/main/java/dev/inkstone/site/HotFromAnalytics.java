package dev.inkstone.site;

import dev.inkstone.config.SiteConfig;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.source.SourceFile;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sidebar's hot list (热点) from an analytics export dropped into {@code content/data/}: a
 * page-view CSV or JSON from Umami, Plausible, Google Analytics or Baidu Tongji. The format is
 * told by its header (CSV) or its shape (JSON); each row's URL or path is mapped to a post (by
 * its URL or one of its aliases, with or without host, base path, query or {@code index.html}),
 * views of rows that land on the same post are added up, and the posts are sorted by views,
 * newest first on a tie. Rows that are no post (the home page, tag pages) are ignored.
 *
 * <p>Which files: every {@code .csv} in {@code content/data/}, and every {@code .json} there
 * whose shape is one of the known API answers. A CSV whose header we do not know is a problem,
 * with the formats we do know in the hint.
 */
final class HotFromAnalytics {
  /** A format: the name for messages, and how to find the path and the views columns. */
  private record Columns(String format, int path, int views, int eventType) {}

  private final SiteConfig config;
  private final List<Problem> problems;
  private final Map<String, Integer> postByPath = new HashMap<>();

  private HotFromAnalytics(SiteConfig config, List<Page> posts, List<Problem> problems) {
    this.config = config;
    this.problems = problems;
    for (int i = posts.size() - 1; i >= 0; i--) {
      Page p = posts.get(i);
      for (String alias : p.meta().aliases()) {
        postByPath.put(normalize(alias), i);
      }
    }
    for (int i = posts.size() - 1; i >= 0; i--) {
      postByPath.put(normalize(posts.get(i).path()), i);
    }
  }

  /**
   * The posts ranked by views (indexes into {@code posts}), hottest first; empty when there is no
   * export or none of its rows is a post.
   */
  static List<Integer> rank(SiteConfig config, List<SourceFile> files, Map<Path, Object> dataByFile, List<Page> posts,
      List<Problem> problems) {
    List<SourceFile> exports = files.stream().filter(f -> f.kind() == SourceFile.Kind.DATA && isExport(f)).toList();
    if (exports.isEmpty()) {
      return List.of(); // most blogs: no need to index every post's path
    }
    HotFromAnalytics h = new HotFromAnalytics(config, posts, problems);
    long[] views = new long[posts.size()];
    boolean any = false;
    for (SourceFile f : exports) {
      String name = f.path().getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".csv")) {
        any |= h.csv(f, views);
      } else if (name.endsWith(".json")) {
        any |= h.json(dataByFile.get(f.path()), views);
      }
    }
    if (!any) {
      return List.of();
    }
    List<Integer> ranked = new ArrayList<>();
    for (int i = 0; i < views.length; i++) {
      if (views[i] > 0) {
        ranked.add(i);
      }
    }
    ranked.sort(Comparator.comparingLong((Integer i) -> -views[i]).thenComparingInt(i -> i));
    return List.copyOf(ranked);
  }

  private static boolean isExport(SourceFile f) {
    String name = f.path().getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") || name.endsWith(".json");
  }

  // ---- CSV -------------------------------------------------------------------------------

  private boolean csv(SourceFile f, long[] views) {
    List<List<String>> rows = Csv.parse(decode(f.bytes()));
    int header = 0;
    while (header < rows.size() && (rows.get(header).isEmpty() || rows.get(header).get(0).startsWith("#")
        || rows.get(header).stream().allMatch(String::isBlank))) {
      header++;
    }
    if (header == rows.size()) {
      return false;
    }
    Columns c = columns(rows.get(header));
    if (c == null) {
      problems.add(Problem.at(f.path(), header + 1, 1, "cannot tell which analytics export this CSV is",
          "export page views from Umami (website events or pages), Plausible (pages.csv), Google Analytics (Pages and screens) or "
              + "Baidu Tongji (受访页面); or give it a header with `path` and `views` columns"));
      return false;
    }
    boolean matched = false;
    for (List<String> row : rows.subList(header + 1, rows.size())) {
      if (row.size() <= Math.max(c.path(), c.views()) || row.get(0).startsWith("#")) {
        continue;
      }
      long n;
      if (c.eventType() >= 0) {
        // Umami's raw events: one row per event, type 1 is a page view
        String type = row.size() > c.eventType() ? row.get(c.eventType()).trim() : "";
        n = type.isEmpty() || type.equals("1") ? 1 : 0;
      } else {
        n = number(row.get(c.views()));
      }
      matched |= add(row.get(c.path()), n, views);
    }
    return matched;
  }

  private static Columns columns(List<String> header) {
    List<String> h = header.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    int eventPath = h.indexOf("url_path");
    if (eventPath >= 0 && h.contains("event_type")) {
      return new Columns("Umami events", eventPath, eventPath, h.indexOf("event_type"));
    }
    String[][] known = {
        // format, path column, views column (first match wins)
        {"Plausible", "name", "pageviews"},
        {"Plausible", "page", "pageviews"},
        {"Google Analytics 4", "page path and screen class", "views"},
        {"Google Analytics 4", "page path + query string", "views"},
        {"Google Analytics 4", "page location", "views"},
        {"Universal Analytics", "page", "pageviews"},
        {"Baidu Tongji", "受访页面", "浏览量(pv)"},
        {"Baidu Tongji", "页面url", "浏览量(pv)"},
        {"Baidu Tongji", "受访页面", "浏览量"},
        {"Baidu Tongji", "页面url", "浏览量"},
        {"Umami metrics", "x", "y"},
        {"Umami", "url", "views"},
        {"Umami", "path", "pageviews"},
        {"generic", "path", "views"},
        {"generic", "url", "pageviews"},
        {"generic", "url", "pv"},
        {"generic", "path", "pv"},
    };
    for (String[] k : known) {
      int p = h.indexOf(k[1]);
      int v = h.indexOf(k[2]);
      if (p >= 0 && v >= 0) {
        return new Columns(k[0], p, v, -1);
      }
    }
    return null;
  }

  // ---- JSON ------------------------------------------------------------------------------

  /** @param root the file's value as the data stage read it; null if it could not be read, which that stage reports */
  private boolean json(Object root, long[] views) {
    boolean matched = false;
    // Umami metrics: [{"x": "/posts/a/", "y": 120}]
    if (root instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("x") != null && m.get("y") != null) {
          matched |= add(String.valueOf(m.get("x")), number(String.valueOf(m.get("y"))), views);
        }
      }
      return matched;
    }
    if (!(root instanceof Map<?, ?> map)) {
      return false;
    }
    // Plausible v1 breakdown {"results":[{"page": "/a/", "pageviews": 3}]}, v2 {"results":[{"dimensions":["/a/"],"metrics":[3]}]}
    if (map.get("results") instanceof List<?> results) {
      for (Object o : results) {
        if (o instanceof Map<?, ?> m) {
          if (m.get("page") != null) {
            Object n = m.get("pageviews") != null ? m.get("pageviews") : m.get("visitors");
            matched |= add(String.valueOf(m.get("page")), number(String.valueOf(n)), views);
          } else if (m.get("dimensions") instanceof List<?> d && !d.isEmpty() && m.get("metrics") instanceof List<?> mt && !mt.isEmpty()) {
            matched |= add(String.valueOf(d.get(0)), number(String.valueOf(mt.get(0))), views);
          }
        }
      }
    }
    // Google Analytics Data API runReport: {"rows":[{"dimensionValues":[{"value":"/a/"}],"metricValues":[{"value":"12"}]}]}
    if (map.get("rows") instanceof List<?> rows) {
      for (Object o : rows) {
        if (o instanceof Map<?, ?> m && m.get("dimensionValues") instanceof List<?> d && !d.isEmpty()
            && m.get("metricValues") instanceof List<?> mt && !mt.isEmpty() && d.get(0) instanceof Map<?, ?> dv
            && mt.get(0) instanceof Map<?, ?> mv) {
          matched |= add(String.valueOf(dv.get("value")), number(String.valueOf(mv.get("value"))), views);
        }
      }
    }
    // Baidu Tongji getData: {"result":{"items":[[[{"name":"https://x/a/"}], ...], [[pv, uv], ...]]}}
    if (map.get("result") instanceof Map<?, ?> result && result.get("items") instanceof List<?> items && items.size() >= 2
        && items.get(0) instanceof List<?> dims && items.get(1) instanceof List<?> metrics) {
      for (int i = 0; i < Math.min(dims.size(), metrics.size()); i++) {
        if (dims.get(i) instanceof List<?> d && !d.isEmpty() && d.get(0) instanceof Map<?, ?> dm && dm.get("name") != null
            && metrics.get(i) instanceof List<?> mt && !mt.isEmpty()) {
          matched |= add(String.valueOf(dm.get("name")), number(String.valueOf(mt.get(0))), views);
        }
      }
    }
    return matched;
  }

  // ---- URLs and numbers ------------------------------------------------------------------

  private boolean add(String url, long n, long[] views) {
    Integer i = postByPath.get(normalize(url));
    if (i == null || n <= 0) {
      return false;
    }
    views[i] += n;
    return true;
  }

  /** {@code https://x.org/blog/posts/%E7%BC%93/index.html?from=rss} → {@code /posts/缓/}. */
  String normalize(String url) {
    String u = url.trim();
    int scheme = u.indexOf("://");
    if (scheme > 0 && scheme < 10) {
      int slash = u.indexOf('/', scheme + 3);
      u = slash < 0 ? "/" : u.substring(slash);
    }
    int cut = u.length();
    for (char c : new char[] {'?', '#'}) {
      int i = u.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    String query = u.substring(cut).startsWith("?") ? u.substring(cut, u.indexOf('#', cut) < 0 ? u.length() : u.indexOf('#', cut)) : "";
    u = u.substring(0, cut);
    try {
      u = URLDecoder.decode(u.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // keep it as written
    }
    if (!u.startsWith("/")) {
      u = "/" + u;
    }
    String base = config.basePath();
    if (!base.equals("/") && u.startsWith(base)) {
      u = u.substring(base.length() - 1);
    }
    if (u.endsWith("/index.html")) {
      u = u.substring(0, u.length() - "index.html".length());
    }
    String last = u.substring(u.lastIndexOf('/') + 1);
    if (!u.endsWith("/") && !last.contains(".")) {
      u = u + "/";
    }
    // only a query alias such as /?p=123 keeps its query
    return u.equals("/") && !query.isEmpty() ? u + query : u;
  }

  private static long number(String s) {
    String digits = s.trim().replace(",", "").replace(" ", "");
    int dot = digits.indexOf('.');
    if (dot >= 0) {
      digits = digits.substring(0, dot);
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** UTF-8 (with or without BOM), else GB18030: Baidu Tongji exports in GBK. */
  private static String decode(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, Charset.forName("GB18030"));
    }
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }

  /** RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks. */
  static final class Csv {
    private Csv() {}

    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else {
          field.append(c);
        }
      }
      if (field.length() > 0 || !row.isEmpty()) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
