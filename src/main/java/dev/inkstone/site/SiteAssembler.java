package dev.inkstone.site;

import dev.inkstone.config.MenuEntry;
import dev.inkstone.config.SiteConfig;
import dev.inkstone.config.YamlReader;
import dev.inkstone.config.YamlValue;
import dev.inkstone.content.ParsedDocument;
import dev.inkstone.content.FrontMatter;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.markdown.ParsedMarkdown;
import dev.inkstone.related.RelatedInput;
import dev.inkstone.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The front door of the assemble stage: the one sequential step of a build. It gives every page
 * its URL, sorts the posts, groups them into terms, resolves the menu and computes neighbours
 * and related posts. Every problem it finds is collected, then thrown together.
 */
public final class SiteAssembler {
  private static final Pattern DATED_NAME = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})-(.+)$");
  /** Documents gone from the blog whose posts the memo may keep before it sweeps them. */
  private static final int STALE_SWEEP = 64;

  private final SiteConfig config;
  private final AssembleOptions options;
  private final List<Problem> problems = new ArrayList<>();

  private RelatedSource relatedSource = RelatedSource.COMPUTE;
  private AssemblyMemo memo;
  private final Map<String, String> slugs = new HashMap<>();
  /** The year before the clock's (UTC) year: a post dated before it is in the past, whatever its offset. */
  private final int pastYearBelow;

  private SiteAssembler(SiteConfig config, AssembleOptions options) {
    this.config = config;
    this.options = options;
    this.pastYearBelow = options.now().atZone(java.time.ZoneOffset.UTC).getYear() - 1;
  }

  /**
   * Assembles the site.
   *
   * @param documents parsed posts and pages
   * @param others data files, assets and static files from the load stage
   */
  public static Site assemble(SiteConfig config, AssembleOptions options, List<ParsedDocument> documents, List<SourceFile> others) {
    return assemble(config, options, documents, others, RelatedSource.COMPUTE);
  }

  /** Assembles the site, asking {@code relatedSource} for related posts. */
  public static Site assemble(SiteConfig config, AssembleOptions options, List<ParsedDocument> documents, List<SourceFile> others,
      RelatedSource relatedSource) {
    return assemble(config, options, documents, others, relatedSource, null);
  }

  /**
   * The post {@code document} makes on its own, just as assembling the whole site would make it:
   * its path, title, dates and terms follow from the document, site.yaml and the options alone.
   * Null when it is not shown (a draft, a future post) or has a problem (which assembling reports).
   */
  public static Page post(SiteConfig config, AssembleOptions options, ParsedDocument document) {
    SiteAssembler a = new SiteAssembler(config, options);
    Page p = a.post(document);
    return a.problems.isEmpty() ? p : null;
  }

  /**
   * Assembles the site, reusing from {@code memo} what the same inputs gave last time: the post
   * made from the very same document object, a taxonomy grouped from the same names (a preview
   * server keeps the memo while site.yaml and the options stay the same; posts of documents no
   * longer given are dropped).
   */
  public static Site assemble(SiteConfig config, AssembleOptions options, List<ParsedDocument> documents, List<SourceFile> others,
      RelatedSource relatedSource, AssemblyMemo memo) {
    SiteAssembler a = new SiteAssembler(config, options);
    a.relatedSource = relatedSource;
    a.memo = memo;
    if (memo != null && memo.pages.size() > documents.size() + STALE_SWEEP) {
      // Posts are found by their document's identity, so those of documents no longer given are
      // never found again; they are swept once a few have piled up, not on every save (an
      // identity set of every document took a few percent of a save at 10,000 posts).
      java.util.Set<ParsedDocument> given = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      given.addAll(documents);
      memo.pages.keySet().retainAll(given);
    }
    Site site = a.run(documents, others);
    if (!a.problems.isEmpty()) {
      throw new ProblemsException(a.problems);
    }
    return site;
  }

  private Site run(List<ParsedDocument> documents, List<SourceFile> others) {
    Map<String, Object> data = readData(others);
    Map<String, Author> authors = authors(data);
    Author owner = owner(authors);

    List<Page> posts = new ArrayList<>(documents.size());
    List<Page> pages = new ArrayList<>();
    // an .html page without front matter is the author's complete page: copied as it is
    List<SourceFile> verbatim = new ArrayList<>();
    // a post the memo made from this very document, not in the future then, is still the post
    Page[] known = memo == null ? null : memo.postsAt(documents, options);
    Page[] made = memo == null ? null : new Page[documents.size()];
    int at = -1;
    for (ParsedDocument d : documents) {
      at++;
      if (known != null && known[at] != null) {
        posts.add(made[at] = known[at]);
      } else if (d.source().kind() == SourceFile.Kind.POST) {
        Page p = post(d);
        if (p != null) {
          posts.add(p);
          if (made != null && memo.pages.get(d) == p) {
            made[at] = p;
          }
        }
      } else if (d.markdown() == null && d.frontMatter().title() == null) {
        verbatim.add(d.source());
      } else {
        pages.add(page(d));
      }
    }
    if (memo != null) {
      memo.postsAt(documents, made, options);
    }
    List<Page> sorted = memo == null ? null : memo.newestFirst(posts);
    if (sorted != null) {
      posts = new ArrayList<>(sorted);
    } else {
      List<Page> given = memo == null ? null : List.copyOf(posts);
      sortNewestFirst(posts);
      if (memo != null) {
        memo.newestFirst(given, posts);
      }
    }
    pages.sort(Comparator.comparing(Page::path));

    List<SourceFile> copied = new ArrayList<>(others);
    copied.addAll(verbatim.stream().map(f -> f.asKind(SourceFile.Kind.STATIC)).toList());
    Map<String, String> assets = assets(posts, copied);
    checkCollisions(posts, pages, assets);

    Map<String, Taxonomy> taxonomies = new LinkedHashMap<>();
    taxonomies.put("categories", taxonomy("categories", true, posts));
    taxonomies.put("tags", taxonomy("tags", false, posts));
    for (String key : config.taxonomies()) {
      taxonomies.put(key, taxonomy(key, false, posts));
    }

    List<Menu> menu = menu(config.menu(), pages, taxonomies);
    List<List<Integer>> related = related(posts);
    return new Site(config, List.copyOf(posts), List.copyOf(pages), taxonomies, menu, data, authors, owner, related, hot(data, others, posts),
        featured(posts), assets);
  }

  /** Newest first, ties by path; each post's instant and path are worked out once, not per comparison. */
  private static void sortNewestFirst(List<Page> posts) {
    int n = posts.size();
    long[] seconds = new long[n];
    int[] nanos = new int[n];
    String[] paths = new String[n];
    for (int i = 0; i < n; i++) {
      java.time.Instant t = posts.get(i).date().toInstant();
      seconds[i] = t.getEpochSecond();
      nanos[i] = t.getNano();
      paths[i] = posts.get(i).doc().source().slashedPath();
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> {
      int c = Long.compare(seconds[y], seconds[x]);
      if (c == 0) {
        c = Integer.compare(nanos[y], nanos[x]);
      }
      if (c == 0) {
        // the same instant written in different zones: as ZonedDateTime orders them
        c = posts.get(y).date().compareTo(posts.get(x).date());
      }
      return c != 0 ? c : paths[x].compareTo(paths[y]);
    });
    List<Page> sorted = new ArrayList<>(n);
    for (int i : order) {
      sorted.add(posts.get(i));
    }
    posts.clear();
    posts.addAll(sorted);
  }

  // ---- posts and pages -------------------------------------------------------------------

  private Page post(ParsedDocument d) {
    FrontMatter fm = d.frontMatter();
    if (fm.draft() && !options.drafts()) {
      return null;
    }
    Page known = memo == null ? null : memo.pages.get(d);
    if (known != null) {
      return !options.future() && inFuture(known.date()) ? null : known;
    }
    int problemsBefore = problems.size();
    String base = baseName(d.source().layoutPath());
    Matcher dated = DATED_NAME.matcher(base);
    ZonedDateTime date = fm.date();
    if (date == null && dated.matches()) {
      date = LocalDate.of(Integer.parseInt(dated.group(1)), Integer.parseInt(dated.group(2)), Integer.parseInt(dated.group(3)))
          .atStartOfDay(config.timezone());
    }
    if (date == null) {
      problems.add(Problem.at(d.source().path(), 1, 1, "the post has no date",
          "add `date: 2024-03-01` (or `2024-03-01 10:30`) to its front matter"));
      return null;
    }
    if (!options.future() && inFuture(date)) {
      return null;
    }
    String slug = slugOf(fm, dated.matches() ? dated.group(4) : base, d);
    String category = fm.categories().isEmpty() ? "" : categoryKey(fm.categories().get(0));
    String path = Permalinks.post(config.postPermalink(), slug, date.withZoneSameInstant(config.timezone()), category);
    Map<String, List<String>> terms = new LinkedHashMap<>();
    List<String> cats = new ArrayList<>();
    for (List<String> c : fm.categories()) {
      String key = categoryKey(c);
      if (!key.isEmpty() && !cats.contains(key)) {
        cats.add(key);
      }
    }
    terms.put("categories", cats);
    terms.put("tags", flatKeys(fm.tags()));
    for (String tx : config.taxonomies()) {
      terms.put(tx, flatKeys(valuesOf(fm.params().get(tx))));
    }
    String assetDir = isBundle(d.source().layoutPath()) ? slashed(d.source().layoutPath().getParent()) : null;
    Page page = new Page(Page.Kind.POST, d, path, Slugs.fileFor(path), slug, title(d), date, updated(d, date), terms, assetDir);
    if (memo != null && problems.size() == problemsBefore) {
      memo.pages.put(d, page);
    }
    return page;
  }

  private Page page(ParsedDocument d) {
    FrontMatter fm = d.frontMatter();
    Path rel = Path.of("content", "pages").relativize(d.source().layoutPath());
    String relPath = slashed(rel);
    String noExt = relPath.replaceAll("\\.(md|markdown|html)$", "");
    if (noExt.equals("index") || noExt.endsWith("/index")) {
      noExt = noExt.substring(0, noExt.length() - "index".length());
    }
    String parent = noExt.contains("/") ? noExt.substring(0, noExt.lastIndexOf('/', noExt.length() - 2) + 1) : "";
    String last = noExt.endsWith("/") ? noExt.substring(0, noExt.length() - 1) : noExt;
    last = last.contains("/") ? last.substring(last.lastIndexOf('/') + 1) : last;
    String slug = slugOf(fm, last, d);
    String pathPart = noExt.isEmpty() ? "" : (noExt.endsWith("/") ? parent : parentOf(noExt)) + slug;
    String path = pathPart.isEmpty() ? "/" : Permalinks.page(config.pagePermalink(), pathPart, slug);
    if (!path.endsWith("/") && !path.endsWith(".html")) {
      path = path + "/";
    }
    Map<String, List<String>> terms = Map.of();
    return new Page(Page.Kind.PAGE, d, path, Slugs.fileFor(path), slug, title(d), fm.date(), fm.updated(), terms, null);
  }

  /**
   * {@code updated} from the front matter, else the file's last git commit when that falls on a
   * later day than the publication, else none.
   */
  private ZonedDateTime updated(ParsedDocument d, ZonedDateTime date) {
    if (d.frontMatter().updated() != null) {
      return d.frontMatter().updated();
    }
    java.time.Instant committed = options.lastCommits().get(d.source().slashedPath());
    if (committed == null || date == null) {
      return null;
    }
    ZonedDateTime c = committed.atZone(config.timezone());
    return c.toLocalDate().isAfter(date.withZoneSameInstant(config.timezone()).toLocalDate()) ? c : null;
  }

  /** A file without front matter takes its first heading as title; without one it has a problem. */
  private String title(ParsedDocument d) {
    String t = d.frontMatter().title();
    if (t != null && !t.isBlank()) {
      return t;
    }
    if (d.markdown() != null && !d.markdown().headings().isEmpty()) {
      return d.markdown().headings().get(0).text();
    }
    problems.add(Problem.at(d.source().path(), 1, 1, "the file has no title", "start it with front matter: ---, title: ..., ---"));
    return "";
  }

  private static String parentOf(String noExt) {
    int i = noExt.lastIndexOf('/');
    return i < 0 ? "" : noExt.substring(0, i + 1);
  }

  private String slugOf(FrontMatter fm, String fallback, ParsedDocument d) {
    String raw = fm.slug() != null && !fm.slug().isBlank() ? fm.slug() : fallback;
    String slug = Slugs.slugify(raw);
    if (slug.isEmpty()) {
      problems.add(Problem.at(d.source().path(), 1, 1, "cannot make a URL from `" + raw + "`",
          "add `slug: some-words` to the front matter"));
      return "untitled";
    }
    return slug;
  }

  private static String baseName(Path source) {
    String name = source.getFileName().toString();
    if (name.equalsIgnoreCase("index.md") || name.equalsIgnoreCase("index.markdown")) {
      name = source.getParent().getFileName().toString();
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 && !source.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("index.") ? name.substring(0, dot) : name;
  }

  private static boolean isBundle(Path source) {
    String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
    return (name.equals("index.md") || name.equals("index.markdown")) && source.getNameCount() > 3;
  }

  // ---- taxonomies ------------------------------------------------------------------------

  static String termSlug(String name) {
    return Slugs.term(name);
  }

  /** {@link #termSlug}, remembered for this assembly: a blog has far fewer terms than term uses. */
  private String slug(String name) {
    return slugs.computeIfAbsent(name, SiteAssembler::termSlug);
  }

  private String categoryKey(List<String> names) {
    List<String> parts = new ArrayList<>();
    for (String n : names) {
      if (n != null && !n.isBlank()) {
        parts.add(slug(n.trim()));
      }
    }
    return String.join("/", parts);
  }

  private List<String> flatKeys(List<String> names) {
    List<String> keys = new ArrayList<>();
    for (String n : names) {
      if (n != null && !n.isBlank()) {
        String k = slug(n.trim());
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
    }
    return keys;
  }

  private static List<String> valuesOf(Object v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return l.stream().filter(x -> x != null).map(String::valueOf).toList();
    }
    List<String> out = new ArrayList<>();
    for (String s : String.valueOf(v).split("[,，]")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  private Taxonomy taxonomy(String key, boolean hierarchical, List<Page> posts) {
    List<Object> given = new ArrayList<>(posts.size());
    for (Page p : posts) {
      given.add(givenNames(key, p));
    }
    Taxonomy known = memo == null ? null : memo.taxonomy(key, hierarchical, given);
    if (known != null) {
      return known;
    }
    Taxonomy made = group(key, hierarchical, posts);
    if (memo != null) {
      memo.taxonomy(key, hierarchical, given, made);
    }
    return made;
  }

  /** The names a post gives a taxonomy, as its front matter holds them (compared, not read). */
  private static Object givenNames(String taxonomy, Page p) {
    FrontMatter fm = p.meta();
    return switch (taxonomy) {
      case "categories" -> fm.categories();
      case "tags" -> fm.tags();
      default -> fm.params().get(taxonomy);
    };
  }

  private Taxonomy group(String key, boolean hierarchical, List<Page> posts) {
    // key -> spelling -> uses; the most used spelling names the term, so gemini/Gemini are one
    Map<String, Map<String, Integer>> spellings = new HashMap<>();
    Map<String, List<Integer>> postsOf = new TreeMap<>();
    for (int i = 0; i < posts.size(); i++) {
      Page p = posts.get(i);
      List<List<String>> namePaths = names(key, p);
      for (List<String> names : namePaths) {
        List<String> prefix = new ArrayList<>();
        for (String n : names) {
          if (n == null || n.isBlank()) {
            continue;
          }
          prefix.add(slug(n.trim()));
          String k = String.join("/", prefix);
          spellings.computeIfAbsent(k, x -> new TreeMap<>()).merge(n.trim(), 1, Integer::sum);
          List<Integer> list = postsOf.computeIfAbsent(k, x -> new ArrayList<>());
          if (list.isEmpty() || list.get(list.size() - 1) != i) {
            list.add(i);
          }
          if (!hierarchical) {
            break;
          }
        }
      }
    }
    Map<String, List<String>> children = new TreeMap<>();
    for (String k : postsOf.keySet()) {
      int slash = k.lastIndexOf('/');
      if (slash > 0) {
        children.computeIfAbsent(k.substring(0, slash), x -> new ArrayList<>()).add(k);
      }
    }
    Map<String, Term> terms = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(postsOf.keySet());
    Map<String, String> nameOf = new HashMap<>();
    for (String k : keys) {
      nameOf.put(k, spellings.get(k).entrySet().stream()
          .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .orElseThrow().getKey());
    }
    keys.sort(Comparator.comparing((String k) -> nameOf.get(k).toLowerCase(Locale.ROOT)).thenComparing(k -> k));
    for (String k : keys) {
      int slash = k.lastIndexOf('/');
      List<String> kids = new ArrayList<>(children.getOrDefault(k, List.of()));
      kids.sort(Comparator.comparing((String c) -> nameOf.get(c).toLowerCase(Locale.ROOT)).thenComparing(c -> c));
      terms.put(k, new Term(key, k, nameOf.get(k), "/" + key + "/" + k + "/", slash > 0 ? k.substring(0, slash) : null, List.copyOf(kids),
          List.copyOf(postsOf.get(k))));
    }
    return new Taxonomy(key, hierarchical, terms);
  }

  private static List<List<String>> names(String taxonomy, Page p) {
    FrontMatter fm = p.meta();
    return switch (taxonomy) {
      case "categories" -> fm.categories();
      case "tags" -> fm.tags().stream().map(List::of).toList();
      default -> valuesOf(fm.params().get(taxonomy)).stream().map(List::of).toList();
    };
  }

  // ---- URLs ------------------------------------------------------------------------------

  private Map<String, String> assets(List<Page> posts, List<SourceFile> others) {
    Map<String, String> bundlePaths = new HashMap<>();
    for (Page p : posts) {
      if (p.assetDir() != null) {
        bundlePaths.put(p.assetDir() + "/", p.path());
      }
    }
    Map<String, String> assets = new TreeMap<>();
    for (SourceFile f : others) {
      if (f.kind() != SourceFile.Kind.STATIC && f.kind() != SourceFile.Kind.BUNDLE_ASSET) {
        continue;
      }
      String site = assetPath(f, bundlePaths);
      if (site != null) {
        assets.put(site, f.slashedPath());
      }
    }
    return assets;
  }

  /** Where a copied file lands: bundle files beside their post, static files at the root. */
  static String assetPath(SourceFile f, Map<String, String> bundlePaths) {
    String rel = slashed(f.layoutPath());
    for (Map.Entry<String, String> b : bundlePaths.entrySet()) {
      if (rel.startsWith(b.getKey())) {
        return b.getValue() + rel.substring(b.getKey().length());
      }
    }
    if (rel.startsWith("content/static/")) {
      return "/" + rel.substring("content/static/".length());
    }
    if (rel.startsWith("content/pages/")) {
      return "/" + rel.substring("content/pages/".length());
    }
    if (rel.startsWith("content/posts/")) {
      // an asset of a draft bundle, or a loose image folder beside the posts
      return "/" + rel.substring("content/".length());
    }
    return "/" + rel.substring("content/".length());
  }

  private void checkCollisions(List<Page> posts, List<Page> pages, Map<String, String> assets) {
    Map<String, String> owners = new HashMap<>();
    List<Page> all = new ArrayList<>(posts);
    all.addAll(pages);
    for (Page p : all) {
      String file = p.file();
      String other = owners.putIfAbsent(file, p.doc().source().slashedPath());
      if (other != null) {
        problems.add(Problem.at(p.doc().source().path(), 1, 1, "this page and " + other + " both want the URL " + p.path(),
            "give one of them another `slug:` (or change the permalink pattern)"));
      }
    }
    for (Map.Entry<String, String> a : assets.entrySet()) {
      String other = owners.get(Slugs.fileFor(a.getKey()));
      if (other != null) {
        problems.add(Problem.in(Path.of(a.getValue()), "this file and " + other + " both want the URL " + a.getKey(),
            "rename or move one of them"));
      }
    }
  }

  // ---- menu ------------------------------------------------------------------------------

  private List<Menu> menu(List<MenuEntry> entries, List<Page> pages, Map<String, Taxonomy> taxonomies) {
    List<Menu> out = new ArrayList<>();
    for (MenuEntry e : entries) {
      String path = "";
      String external = "";
      if (e.url() != null) {
        if (Slugs.isExternal(e.url())) {
          external = e.url();
        } else {
          path = e.url().startsWith("/") ? e.url() : "/" + e.url();
        }
      } else if (e.page() != null) {
        String want = e.page().replaceAll("^/+|/+$", "").replaceAll("\\.(md|html)$", "");
        Page hit = null;
        for (Page p : pages) {
          String rel = slashed(Path.of("content", "pages").relativize(p.doc().source().layoutPath())).replaceAll("\\.(md|markdown|html)$", "");
          if (rel.equals(want) || rel.equals(want + "/index") || p.path().equals("/" + want + "/")) {
            hit = p;
            break;
          }
        }
        if (hit == null) {
          menuProblem(e, "page `" + e.page() + "`", "there is no content/pages/" + want + ".md");
        } else {
          path = hit.path();
        }
      } else if (e.category() != null || e.tag() != null) {
        boolean cat = e.category() != null;
        String value = cat ? e.category() : e.tag();
        Taxonomy t = taxonomies.get(cat ? "categories" : "tags");
        String key = cat ? categoryKey(List.of(value.split("\\s*[/>]\\s*"))) : termSlug(value);
        if (!t.terms().containsKey(key)) {
          menuProblem(e, (cat ? "category `" : "tag `") + value + "`", "no published post has that " + (cat ? "category" : "tag")
              + "; known: " + String.join(", ", t.terms().values().stream().limit(12).map(Term::name).toList()));
        } else {
          path = t.terms().get(key).path();
        }
      }
      out.add(new Menu(e.name(), path, external, menu(e.children(), pages, taxonomies)));
    }
    return out;
  }

  private void menuProblem(MenuEntry e, String target, String hint) {
    problems.add(Problem.at(config.file(), e.line(), e.column(), "menu entry `" + e.name() + "` points to " + target + ", which does not exist", hint));
  }

  // ---- data, authors, lists --------------------------------------------------------------

  /** Each data file's value, as read by {@link #readData}. */
  private final Map<Path, Object> dataByFile = new HashMap<>();

  private Map<String, Object> readData(List<SourceFile> others) {
    // content/data/comments/hello.yaml is site.data.comments.hello. A file named like a folder
    // beside it, or like another file, would hide one of them: each such clash is a problem.
    List<SourceFile> files = new ArrayList<>();
    Set<Path> folders = new HashSet<>();
    for (SourceFile f : others) {
      if (f.kind() != SourceFile.Kind.DATA || f.path().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        continue; // a CSV is an analytics export (see HotFromAnalytics), not template data
      }
      files.add(f);
      Path rel = dataPath(f);
      for (int i = 1; i < rel.getNameCount(); i++) {
        folders.add(rel.subpath(0, i));
      }
    }
    Map<String, Object> data = new TreeMap<>();
    Map<Path, Path> fileByKey = new HashMap<>();
    for (SourceFile f : files) {
      Path rel = dataPath(f);
      String name = rel.getFileName().toString().replaceAll("\\.(ya?ml|json)$", "");
      Path key = rel.getParent() == null ? Path.of(name) : rel.getParent().resolve(name);
      if (folders.contains(key)) {
        problems.add(Problem.in(f.path(), "data file `" + name + "` has the same name as the data folder beside it",
            "rename the file or the folder in content/data"));
        continue;
      }
      Path other = fileByKey.putIfAbsent(key, f.path());
      if (other != null) {
        problems.add(Problem.in(f.path(), "data file `" + name + "` has the same name as " + other,
            "keep one of them: templates see both as site.data." + key.toString().replace('\\', '/').replace('/', '.')));
        continue;
      }
      Map<String, Object> parent = data;
      for (int i = 0; i < rel.getNameCount() - 1; i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) parent.computeIfAbsent(rel.getName(i).toString(), k -> new TreeMap<String, Object>());
        parent = next;
      }
      try {
        String text = new String(f.bytes(), StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
          text = text.substring(1);
        }
        Object value = YamlReader.read(text, f.path(), 1).toPlain();
        parent.put(name, value);
        dataByFile.put(f.path(), value);
      } catch (ProblemsException e) {
        problems.addAll(e.problems());
      }
    }
    return data;
  }

  private static Path dataPath(SourceFile f) {
    return Path.of("content", "data").relativize(f.layoutPath());
  }

  private Map<String, Author> authors(Map<String, Object> data) {
    Map<String, Author> out = new TreeMap<>();
    if (data.get("authors") instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String id = String.valueOf(e.getKey());
        if (e.getValue() instanceof Map<?, ?> a) {
          List<Author.Link> links = new ArrayList<>();
          if (a.get("links") instanceof List<?> ls) {
            for (Object l : ls) {
              if (l instanceof Map<?, ?> lm && lm.get("url") != null) {
                links.add(new Author.Link(str(lm.get("name"), str(lm.get("url"), "")), str(lm.get("url"), "")));
              }
            }
          }
          out.put(id, new Author(id, str(a.get("name"), id), str(a.get("bio"), ""), str(a.get("avatar"), ""), str(a.get("url"), ""),
              List.copyOf(links)));
        } else {
          out.put(id, new Author(id, str(e.getValue(), id), "", "", "", List.of()));
        }
      }
    }
    return out;
  }

  private Author owner(Map<String, Author> authors) {
    String a = config.author();
    if (a.isBlank()) {
      return authors.isEmpty() ? new Author("", config.title(), "", "", "", List.of()) : authors.values().iterator().next();
    }
    Author byId = authors.get(a);
    if (byId != null) {
      return byId;
    }
    return authors.values().stream().filter(x -> x.name().equals(a)).findFirst().orElse(new Author(a, a, "", "", "", List.of()));
  }

  private static String str(Object o, String fallback) {
    return o == null ? fallback : String.valueOf(o);
  }

  private List<Integer> hot(Map<String, Object> data, List<SourceFile> others, List<Page> posts) {
    // An analytics export in content/data/ ranks the posts by real page views.
    List<Integer> byViews = HotFromAnalytics.rank(config, others, dataByFile, posts, problems);
    if (!byViews.isEmpty()) {
      return byViews;
    }
    List<Integer> out = new ArrayList<>();
    if (data.get("hot") instanceof List<?> list) {
      for (Object o : list) {
        String want = o instanceof Map<?, ?> m ? str(m.get("slug"), str(m.get("url"), "")) : str(o, "");
        for (int i = 0; i < posts.size(); i++) {
          Page p = posts.get(i);
          if ((p.slug().equals(want) || p.path().equals(want) || p.title().equals(want)) && !out.contains(i)) {
            out.add(i);
            break;
          }
        }
      }
      return List.copyOf(out);
    }
    // Without a hot list, posts with a weight stand in for "hot", heaviest first.
    List<Integer> weighted = new ArrayList<>();
    for (int i = 0; i < posts.size(); i++) {
      if (posts.get(i).meta().weight() != null) {
        weighted.add(i);
      }
    }
    weighted.sort(Comparator.comparing((Integer i) -> -posts.get(i).meta().weight()).thenComparing(i -> i));
    return List.copyOf(weighted);
  }

  /**
   * Whether {@code date} is after the build's clock. A post from two years before the clock's
   * (UTC) year is surely not, whatever the offsets: that is nearly every post, and comparing
   * instants made a tenth of a preview save's assembly at 10,000 posts.
   */
  private boolean inFuture(ZonedDateTime date) {
    return date.getYear() >= pastYearBelow && date.toInstant().isAfter(options.now());
  }

  private static List<Integer> featured(List<Page> posts) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < posts.size(); i++) {
      if (posts.get(i).meta().featured()) {
        out.add(i);
      }
    }
    return List.copyOf(out);
  }

  private List<List<Integer>> related(List<Page> posts) {
    List<RelatedInput> inputs = new ArrayList<>(posts.size());
    Map<Page, RelatedInput> known = new java.util.IdentityHashMap<>();
    for (Page p : posts) {
      RelatedInput input = memo == null ? null : memo.relatedInputs.get(p);
      if (input == null) {
        ParsedMarkdown md = p.doc().markdown();
        input = new RelatedInput(p.termKeys("categories"), p.termKeys("tags"), p.title(), md == null ? () -> "" : md::plainText);
      }
      inputs.add(input);
      known.put(p, input);
    }
    if (memo != null) {
      memo.relatedInputs = known;
    }
    return relatedSource.related(posts, inputs, config.relatedCount());
  }

  private static String slashed(Path p) {
    return p.toString().replace('\\', '/');
  }
}
