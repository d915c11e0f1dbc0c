package dev.inkstone.source;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a Hexo, Jekyll or Hugo blog where it is: each file keeps its real path (so messages name
 * it) and is given the place it would have in an Inkstone blog ({@link SourceFile#layoutPath()}),
 * a kind, and the permalink pattern its generator gave it; the blog's configuration becomes a
 * site.yaml. The front matter and body dialects are the content stage's business.
 *
 * <pre>
 * Hexo    source/_posts/**  source/_drafts/**  source/&lt;page&gt;/index.md  source/_data/*.yml  source/** (static)  _config.yml
 * Jekyll  _posts/**  _drafts/**  *.md pages with front matter  _data/*.yml  other files (static)  _config.yml
 * Hugo    content/&lt;main sections&gt;/** posts, other content pages, leaf bundles  static/**  data/*.yaml  hugo.toml|yaml, config.toml|yaml
 * </pre>
 */
final class ForeignLayouts {
  private static final byte[] NO_BYTES = new byte[0];
  private static final Set<String> HUGO_POST_SECTIONS = Set.of("posts", "post", "blog");
  private static final Set<String> JEKYLL_EXCLUDED = Set.of("Gemfile", "Gemfile.lock", "node_modules", "vendor", "package.json",
      "package-lock.json", "yarn.lock", "Rakefile", "CNAME.txt");
  private static final Pattern TOKEN = Pattern.compile(":(\\w+)");
  private static final Pattern DATE_KEY = Pattern.compile("(?im)^\\s*(date|publishdate)\\s*[=:]");
  private static final Pattern SERIES_KEY = Pattern.compile("(?im)^\\s*series\\s*[=:]");
  private static final Pattern HEXO_LIST_PAGE = Pattern.compile("(?im)^type\\s*:\\s*[\"']?(tags|categories)[\"']?\\s*$");
  private static final Pattern LIQUID = Pattern.compile("\\{%|\\{\\{");

  private final Path root;
  private final Dialect dialect;
  private final ForeignConfig config;
  private final List<SourceFile> files = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  private final Set<String> taxonomies = new LinkedHashSet<>();

  private ForeignLayouts(Path root, Dialect dialect) {
    this.root = root;
    this.dialect = dialect;
    this.config = ForeignConfig.read(root, dialect);
  }

  /** Which generator's blog the folder is; {@link Dialect#INKSTONE} when it is ours or unknown. */
  static Dialect detect(Path root) {
    if (Files.isRegularFile(root.resolve("content/site.yaml")) || Files.isRegularFile(root.resolve("content/site.yml"))
        || Files.isRegularFile(root.resolve("site.yaml")) || Files.isRegularFile(root.resolve("site.yml"))) {
      return Dialect.INKSTONE;
    }
    if (Files.isDirectory(root.resolve("source/_posts"))) {
      return Dialect.HEXO;
    }
    if (Files.isDirectory(root.resolve("_posts")) || Files.isRegularFile(root.resolve("_config.yml")) && !Files.isDirectory(root.resolve("source"))) {
      return Dialect.JEKYLL;
    }
    Path content = root.resolve("content");
    if (!Files.isDirectory(content)) {
      return Dialect.INKSTONE;
    }
    for (String name : ForeignConfig.HUGO_NAMES) {
      if (Files.isRegularFile(root.resolve(name))) {
        return Dialect.HUGO;
      }
    }
    // Without a configuration: Markdown outside content/posts and content/pages is Hugo's layout.
    // Those two folders are not listed at all: on a big blog they hold thousands of files.
    try (Stream<Path> top = Files.list(content)) {
      boolean foreign = top.filter(p -> !BlogFolder.isIgnoredName(p.getFileName().toString())).anyMatch(p -> {
        String name = p.getFileName().toString();
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          return isMarkdown(name) && Files.isRegularFile(p);
        }
        if (name.equals("posts") || name.equals("pages")) {
          return false;
        }
        try (Stream<Path> inside = Files.list(p)) {
          return inside.anyMatch(f -> {
            String file = f.getFileName().toString();
            return !BlogFolder.isIgnoredName(file) && isMarkdown(file) && Files.isRegularFile(f);
          });
        } catch (IOException e) {
          return false;
        }
      });
      return foreign ? Dialect.HUGO : Dialect.INKSTONE;
    } catch (IOException e) {
      return Dialect.INKSTONE;
    }
  }

  static SourceSet load(Path root, Dialect dialect) {
    ForeignLayouts l = new ForeignLayouts(root, dialect);
    String postPermalink = switch (dialect) {
      case HEXO -> l.hexo();
      case JEKYLL -> l.jekyll();
      case HUGO -> l.hugo();
      case INKSTONE -> throw new IllegalArgumentException("not a foreign blog");
    };
    l.separateSameNames();
    l.files.sort(Comparator.comparing(SourceFile::slashedPath));
    Path configPath = l.config.file() != null ? l.config.file() : Path.of(dialect == Dialect.HUGO ? "content" : ".");
    String yaml = l.config.siteYaml(dialect, postPermalink, List.copyOf(l.taxonomies), l.warnings);
    SourceFile site = new SourceFile(configPath, SourceFile.Kind.CONFIG, yaml.getBytes(StandardCharsets.UTF_8),
        new SourceFile.Origin(dialect, Path.of("content/site.yaml"), null));
    List<String> roots = switch (dialect) {
      case HEXO -> List.of("source");
      case JEKYLL -> List.of(".");
      default -> List.of("content", "static", "data");
    };
    return new SourceSet(root, Optional.of(site), l.files, GitHistory.lastCommits(root, roots), dialect, l.warnings);
  }

  /**
   * Posts from different folders of the old blog may share a file name ({@code
   * advent-2015/introduction.md}, {@code advent-2016/introduction.md}) where our permalink has
   * only the slug: such posts take their folder (or their date) in front of the name, so each
   * keeps a URL of its own; the old URL still redirects to it.
   */
  private void separateSameNames() {
    Map<String, List<Integer>> byName = new java.util.TreeMap<>();
    for (int i = 0; i < files.size(); i++) {
      SourceFile f = files.get(i);
      if (f.kind() == SourceFile.Kind.POST && !isIndex(f.layoutPath().getFileName().toString())) {
        byName.computeIfAbsent(slugKey(f.layoutPath()), k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> same : byName.values()) {
      if (same.size() < 2) {
        continue;
      }
      for (int i : same) {
        SourceFile f = files.get(i);
        Path layout = f.layoutPath();
        Path below = Path.of("content/posts").relativize(layout);
        String name = layout.getFileName().toString();
        String prefix = below.getParent() == null ? "" : slashed(below.getParent()).replace('/', '-');
        Matcher dated = DATED.matcher(name);
        if (prefix.isEmpty() && dated.matches()) {
          prefix = dated.group(1);
        }
        if (prefix.isEmpty()) {
          continue;
        }
        String renamed = dated.matches() ? dated.group(1) + "-" + prefix + "-" + dated.group(2) : prefix + "-" + name;
        files.set(i, new SourceFile(f.path(), f.kind(), f.bytes(),
            new SourceFile.Origin(f.dialect(), layout.resolveSibling(renamed), f.origin().oldPermalink())));
      }
    }
  }

  private static final Pattern DATED = Pattern.compile("^(\\d{4}-\\d{1,2}-\\d{1,2})-(.+)$");

  private static String slugKey(Path layout) {
    String name = layout.getFileName().toString().replaceAll("\\.[^.]+$", "");
    Matcher dated = DATED.matcher(name);
    return (dated.matches() ? dated.group(2) : name).toLowerCase(Locale.ROOT);
  }

  // ---- Hexo -------------------------------------------------------------------------------

  private String hexo() {
    Path source = root.resolve(nonBlank(config.text("source_dir"), "source"));
    String permalink = "/" + stripSlashes(nonBlank(config.text("permalink"), ":year/:month/:day/:title/"));
    if (permalink.endsWith("/:title") || !permalink.contains(".") && !permalink.endsWith("/")) {
      permalink = permalink + "/";
    }
    for (Path p : walk(source)) {
      Path rel = source.relativize(p);
      String first = rel.getName(0).toString();
      String name = p.getFileName().toString();
      if (first.equals("_posts") || first.equals("_drafts")) {
        Path inner = rel.subpath(1, rel.getNameCount());
        if (isMarkdown(name) || name.toLowerCase(Locale.ROOT).endsWith(".html")) {
          add(p, SourceFile.Kind.POST, "content/posts/" + slashed(inner), permalink);
        } else {
          add(p, SourceFile.Kind.BUNDLE_ASSET, "content/posts/" + slashed(inner), null);
        }
      } else if (first.equals("_data")) {
        if (isYaml(name) && rel.getNameCount() > 1) {
          add(p, SourceFile.Kind.DATA, "content/data/" + slashed(rel.subpath(1, rel.getNameCount())), null);
        }
      } else if (startsWithUnderscore(rel)) {
        warnings.add(Problem.in(root.relativize(p), "left out: Hexo does not publish files whose name starts with _", ""));
      } else if (isMarkdown(name) || name.toLowerCase(Locale.ROOT).endsWith(".html") && hasFrontMatter(p)) {
        byte[] bytes = read(p);
        if (HEXO_LIST_PAGE.matcher(head(bytes)).find()) {
          warnings.add(Problem.in(root.relativize(p), "left out: a Hexo theme's tag or category list page",
              "Inkstone's theme makes /tags/ and /categories/ itself"));
          continue;
        }
        files.add(new SourceFile(root.relativize(p), SourceFile.Kind.PAGE, bytes,
            new SourceFile.Origin(dialect, Path.of("content/pages/" + slashed(rel)), "/" + slashed(rel).replaceAll("\\.(md|markdown)$", ".html")
                .replaceAll("(^|/)index\\.html$", "$1"))));
      } else {
        add(p, SourceFile.Kind.STATIC, "content/static/" + slashed(rel), null);
      }
    }
    String ours = permalink.replaceAll(":(title|name|post_title)\\b", ":slug");
    return expressible(ours, Set.of("year", "month", "day", "slug", "category")) ? ours : null;
  }

  // ---- Jekyll -----------------------------------------------------------------------------

  private String jekyll() {
    String style = nonBlank(config.text("permalink"), "date");
    String permalink = switch (style) {
      case "date" -> "/:categories/:year/:month/:day/:title:output_ext";
      case "pretty" -> "/:categories/:year/:month/:day/:title/";
      case "ordinal" -> "/:categories/:year/:y_day/:title:output_ext";
      case "weekdate" -> "/:categories/:year/W:week/:short_day/:title:output_ext";
      case "none" -> "/:categories/:title:output_ext";
      default -> style.startsWith("/") ? style : "/" + style;
    };
    boolean prettyPages = permalink.endsWith("/");
    Set<String> excluded = new HashSet<>(JEKYLL_EXCLUDED);
    excluded.addAll(config.words("exclude"));
    for (Path p : walk(root)) {
      Path rel = root.relativize(p);
      String first = rel.getName(0).toString();
      String name = p.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      if (excluded.contains(first) || excluded.contains(slashed(rel)) || first.equals("site") && rel.getNameCount() > 1) {
        // site/ is where Inkstone writes when building in place: never read back as input
        continue;
      }
      if (first.equals("_posts") || first.equals("_drafts")) {
        Path inner = rel.subpath(1, rel.getNameCount());
        boolean text = isMarkdown(name) || lower.endsWith(".html");
        add(p, text ? SourceFile.Kind.POST : SourceFile.Kind.BUNDLE_ASSET, "content/posts/" + slashed(inner), text ? permalink : null);
      } else if (first.equals("_data")) {
        if (isYaml(name) && rel.getNameCount() > 1) {
          add(p, SourceFile.Kind.DATA, "content/data/" + slashed(rel.subpath(1, rel.getNameCount())), null);
        }
      } else if (first.startsWith("_")) {
        // _config.yml, _layouts, _includes, _sass, _site and collections belong to Jekyll itself
        continue;
      } else if (!hasFrontMatter(p)) {
        add(p, SourceFile.Kind.STATIC, "content/static/" + slashed(rel), null);
      } else if (rel.getNameCount() == 1 && (lower.equals("index.md") || lower.equals("index.html") || lower.equals("index.markdown"))) {
        warnings.add(Problem.in(rel, "left out: the home page", "Inkstone's theme makes the home page; move its text to an about page"));
      } else if (isMarkdown(name) || lower.endsWith(".html") && !LIQUID.matcher(new String(read(p), StandardCharsets.UTF_8)).find()) {
        String old = "/" + slashed(rel).replaceAll("\\.(md|markdown)$", ".html");
        if (prettyPages) {
          old = old.replaceAll("\\.html$", "/");
        }
        add(p, SourceFile.Kind.PAGE, "content/pages/" + slashed(rel), old.replaceAll("(^|/)index(\\.html|/)$", "$1"));
      } else {
        warnings.add(Problem.in(rel, "left out: a Jekyll template (front matter with Liquid) that Inkstone cannot run",
            "Inkstone's theme makes feeds, archives and lists itself; rewrite anything else as a Markdown page"));
      }
    }
    if (permalink.contains(":categories")) {
      return null;
    }
    String ours = permalink.replace(":output_ext", ".html").replaceAll(":(title|slug)\\b", ":slug");
    return expressible(ours, Set.of("year", "month", "day", "slug")) ? ours : null;
  }

  // ---- Hugo -------------------------------------------------------------------------------

  private String hugo() {
    Path content = root.resolve(nonBlank(config.text("contentDir"), "content"));
    List<Path> paths = walk(content);
    // Leaf bundles: a folder with index.md; everything below it belongs to that page.
    Set<Path> leaves = new HashSet<>();
    Set<String> sections = new LinkedHashSet<>();
    for (Path p : paths) {
      Path rel = content.relativize(p);
      if (isIndex(p.getFileName().toString()) && rel.getNameCount() > 1) {
        leaves.add(p.getParent());
      }
      if (rel.getNameCount() > 1) {
        sections.add(rel.getName(0).toString());
      }
    }
    List<String> main = config.words("params.mainSections");
    if (main.isEmpty()) {
      main = sections.stream().filter(HUGO_POST_SECTIONS::contains).toList();
    }
    Map<String, Object> permalinks = config.lookup("permalinks") instanceof Map<?, ?> m ? cast(m) : Map.of();
    if (permalinks.get("page") instanceof Map<?, ?> newer) {
      permalinks = cast(newer);
    }
    Object tx = config.lookup("taxonomies");
    if (tx instanceof Map<?, ?> t) {
      for (Object plural : t.values()) {
        String key = String.valueOf(plural).toLowerCase(Locale.ROOT);
        if (key.matches("[a-z][a-z0-9_-]*") && !key.equals("tags") && !key.equals("categories")) {
          taxonomies.add(key);
        }
      }
    }
    Set<String> postPatterns = new LinkedHashSet<>();
    for (Path p : paths) {
      Path rel = content.relativize(p);
      String name = p.getFileName().toString();
      Path leaf = leafOf(p, leaves);
      if (leaf != null && !isIndex(name)) {
        // a page resource: beside its page, wherever that lands
        Path index = findIndex(leaf);
        String layoutDir = index == null ? null : slashed(hugoLayoutOf(content, index, main, leaves).getParent());
        String inner = slashed(leaf.relativize(p));
        add(p, SourceFile.Kind.BUNDLE_ASSET, (layoutDir == null ? "content/static/" + slashed(rel) : layoutDir + "/" + inner), null);
        continue;
      }
      if (!isMarkdown(name) && !name.toLowerCase(Locale.ROOT).endsWith(".html")) {
        add(p, SourceFile.Kind.STATIC, "content/static/" + slashed(rel), null);
        continue;
      }
      if (name.startsWith("_index.")) {
        warnings.add(Problem.in(root.relativize(p), "left out: a Hugo section's list page",
            "Inkstone's theme lists the posts itself; move any text you want to keep into a page"));
        continue;
      }
      byte[] bytes = read(p);
      if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        warnings.add(Problem.in(root.relativize(p), "left out: the file is empty", "delete it, or give it front matter and text"));
        continue;
      }
      String head = head(bytes);
      if (SERIES_KEY.matcher(head).find() && tx == null) {
        taxonomies.add("series");
      }
      String section = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
      boolean post = hugoPost(content, p, main, bytes);
      Path layout = post ? hugoLayout(content, p, main, leaves) : Path.of("content/pages/" + slashed(rel));
      // Hugo's own URL: /section/sub/slug-or-file/, or the section's pattern from [permalinks]
      Path relDir = (leaves.contains(p.getParent()) && isIndex(name) ? rel.getParent() : rel).getParent();
      String dir = relDir == null ? "" : slashed(relDir) + "/";
      String pattern = "/" + dir + ":slugorfilename/";
      Object custom = permalinks.get(section.isEmpty() ? "/" : section);
      if (custom != null) {
        pattern = String.valueOf(custom).replace(":sections", section).replace(":section", section);
        pattern = pattern.startsWith("/") ? pattern : "/" + pattern;
      }
      if (post) {
        postPatterns.add(pattern);
      }
      files.add(new SourceFile(root.relativize(p), post ? SourceFile.Kind.POST : SourceFile.Kind.PAGE, bytes,
          new SourceFile.Origin(dialect, layout, pattern)));
    }
    Path statics = root.resolve(nonBlank(config.text("staticDir"), "static"));
    for (Path p : walk(statics)) {
      add(p, SourceFile.Kind.STATIC, "content/static/" + slashed(statics.relativize(p)), null);
    }
    Path data = root.resolve(nonBlank(config.text("dataDir"), "data"));
    for (Path p : walk(data)) {
      if (isYaml(p.getFileName().toString())) {
        add(p, SourceFile.Kind.DATA, "content/data/" + slashed(data.relativize(p)), null);
      } else {
        warnings.add(Problem.in(root.relativize(p), "left out: only YAML data files are read", "convert it to YAML to use it in templates"));
      }
    }
    if (postPatterns.size() != 1) {
      return null;
    }
    String ours = postPatterns.iterator().next().replaceAll(":(slugorfilename|filename|slug|contentbasename)\\b", ":slug");
    return expressible(ours, Set.of("year", "month", "day", "slug")) ? ours : null;
  }

  /** In the main sections; or, when the blog names none, dated. */
  private static boolean hugoPost(Path content, Path p, List<String> main, byte[] bytes) {
    Path rel = content.relativize(p);
    String section = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
    return main.isEmpty() ? DATE_KEY.matcher(head(bytes)).find() : main.contains(section);
  }

  private Path hugoLayoutOf(Path content, Path index, List<String> main, Set<Path> leaves) {
    return hugoPost(content, index, main, read(index)) ? hugoLayout(content, index, main, leaves)
        : Path.of("content/pages/" + slashed(content.relativize(index)));
  }

  /** Where a Hugo post lands in our layout: its section folded into content/posts/. */
  private static Path hugoLayout(Path content, Path p, List<String> main, Set<Path> leaves) {
    Path rel = content.relativize(p);
    String first = rel.getName(0).toString();
    if (rel.getNameCount() > 1 && HUGO_POST_SECTIONS.contains(first)) {
      rel = rel.subpath(1, rel.getNameCount());
    }
    return Path.of("content/posts/" + slashed(rel));
  }

  private static Path leafOf(Path p, Set<Path> leaves) {
    for (Path dir = p.getParent(); dir != null; dir = dir.getParent()) {
      if (leaves.contains(dir)) {
        return dir;
      }
    }
    return null;
  }

  private static Path findIndex(Path dir) {
    for (String n : List.of("index.md", "index.markdown", "index.html")) {
      if (Files.isRegularFile(dir.resolve(n))) {
        return dir.resolve(n);
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  // ---- small things -----------------------------------------------------------------------

  /** A pattern our {@code permalinks.post} can say: only the placeholders we know, and a slug. */
  private static boolean expressible(String pattern, Set<String> allowed) {
    Matcher m = TOKEN.matcher(pattern);
    while (m.find()) {
      if (!allowed.contains(m.group(1))) {
        return false;
      }
    }
    return pattern.startsWith("/") && pattern.contains(":slug");
  }

  private void add(Path abs, SourceFile.Kind kind, String layout, String oldPermalink) {
    boolean copied = kind == SourceFile.Kind.STATIC || kind == SourceFile.Kind.BUNDLE_ASSET;
    files.add(new SourceFile(root.relativize(abs), kind, copied ? NO_BYTES : read(abs),
        new SourceFile.Origin(dialect, Path.of(layout).normalize(), oldPermalink)));
  }

  private List<Path> walk(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = BlogFolder.regularFiles(dir)) {
      return walk.filter(p -> !BlogFolder.isIgnored(dir.relativize(p)))
          .sorted(Comparator.comparing(p -> slashed(dir.relativize(p)))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean startsWithUnderscore(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private boolean hasFrontMatter(Path p) {
    try (var in = Files.newInputStream(p)) {
      byte[] start = in.readNBytes(5);
      String s = new String(start, StandardCharsets.ISO_8859_1);
      if (s.startsWith("\u00ef\u00bb\u00bf")) {
        s = s.substring(3);
      }
      return s.startsWith("---") || s.startsWith("+++");
    } catch (IOException e) {
      return false;
    }
  }

  /** The first few KiB of a file as text, enough for its front matter's keys. */
  private static String head(byte[] bytes) {
    return new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.UTF_8);
  }

  static boolean isMarkdown(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".md") || n.endsWith(".markdown");
  }

  private static boolean isYaml(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  private static boolean isIndex(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("index.md") || n.equals("index.markdown") || n.equals("index.html");
  }

  private static String nonBlank(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  private static String stripSlashes(String s) {
    return s.replaceAll("^/+", "");
  }

  static String slashed(Path p) {
    return p.toString().replace('\\', '/');
  }

  private byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new ProblemsException(Problem.in(root.relativize(p), "cannot read the file: " + e.getMessage(), "check the file's permissions"));
    }
  }
}
