package dev.inkstone.build;

import dev.inkstone.config.SiteConfig;
import dev.inkstone.config.SiteConfigReader;
import dev.inkstone.content.ParsedDocument;
import dev.inkstone.content.DocumentReader;
import dev.inkstone.content.KnownDocuments;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.markdown.MarkdownEngine;
import dev.inkstone.output.Output;
import dev.inkstone.output.SiteWriter;
import dev.inkstone.output.StagedWriter;
import dev.inkstone.progress.Progress;
import dev.inkstone.site.AssembleOptions;
import dev.inkstone.site.Site;
import dev.inkstone.site.SiteAssembler;
import dev.inkstone.source.BlogFolder;
import dev.inkstone.source.Dialect;
import dev.inkstone.source.SourceFile;
import dev.inkstone.source.SourceSet;
import dev.inkstone.template.SiteRenderer;
import dev.inkstone.template.Theme;
import dev.inkstone.template.ThemeEngine;
import dev.inkstone.template.ThemeLoader;
import dev.inkstone.site.RelatedSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One build, as a recipe: each line a stage, each stage timed. Problems from every stage that
 * can run are gathered, and nothing is written unless there are none, so a failed build leaves
 * the previous site as it was.
 */
public final class SiteBuild {
  /**
   * From this many posts and pages on, a build keeps their HTML and text compressed between
   * parse and render, which buys three quarters of the memory they take for some CPU (at 100,000
   * posts: 90 CPU-s in all with Zstandard, 105 with deflate).
   */
  static final int COMPACT_FROM = 20_000;

  private final BuildRequest request;
  private final int compactFrom;
  private final BuildCache cache;
  private final Collection<Path> changed;
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  /** The blog folder as loaded; in a one-off build, without the text of posts once they are parsed. */
  private SourceSet sources;
  /** Given the pages of the posts just edited before the rest renders; null when no one asks. */
  private Consumer<List<Output>> editedFirst;
  /** Made once, when first asked: see {@link #options()}. */
  private AssembleOptions options;

  private SiteBuild(BuildRequest request, BuildCache cache, Collection<Path> changed, int compactFrom) {
    this.request = request;
    this.compactFrom = compactFrom;
    this.cache = cache;
    this.changed = changed;
  }

  public static BuildResult run(BuildRequest request) {
    return run(request, COMPACT_FROM);
  }

  /** A build that keeps documents compact from {@code compactFrom} posts and pages on. */
  static BuildResult run(BuildRequest request, int compactFrom) {
    return new SiteBuild(request, null, null, compactFrom).run();
  }

  /**
   * Builds again for the preview server after the files {@code changed} (absolute paths; empty
   * on the first build; null to read the whole folder and theme again) changed, reusing from {@code cache} whatever they cannot have changed.
   * Writes nothing when the request has no {@code out} folder: the outputs are in the cache. The
   * outputs are the same as a full {@link #run} would give. On problems the cache keeps the last
   * good outputs.
   */
  public static BuildResult rebuild(BuildRequest request, BuildCache cache, Collection<Path> changed) {
    return new SiteBuild(request, cache, changed, COMPACT_FROM).run();
  }

  /**
   * {@link #rebuild}, handing {@code editedFirst} the pages of the posts just edited as soon as
   * they are final, before the rest renders (see {@link SiteRenderer#editedFirst}). Should the
   * build then fail, those pages are not part of the cache's last good outputs.
   */
  public static BuildResult rebuild(BuildRequest request, BuildCache cache, Collection<Path> changed,
      Consumer<List<Output>> editedFirst) {
    SiteBuild build = new SiteBuild(request, cache, changed, COMPACT_FROM);
    build.editedFirst = editedFirst;
    return build.run();
  }

  /** Builds again with exact related posts after a build that showed stale ones. */
  public static BuildResult refresh(BuildRequest request, BuildCache cache) {
    cache.related.exact = true;
    cache.memo.exactSearch = true;
    try {
      return new SiteBuild(request, cache, List.of(), COMPACT_FROM).run();
    } finally {
      cache.related.exact = false;
      cache.memo.exactSearch = false;
      cache.searchRequested = false;
    }
  }

  private BuildResult run() {
    try {
      sources = stage("load", this::load);
      warnings.addAll(sources.warnings());
      SiteConfig config = stage("config", () -> readConfig(sources));
      Theme theme = stage("theme", () -> theme(config));
      ThemeEngine engine = stage("templates", () -> compile(theme, config));
      MarkdownEngine markdown = cache != null ? cache.markdown : new MarkdownEngine(documentCount() >= compactFrom);
      long highlightBefore = markdown.highlightMillis();
      if (editedFirst != null && cache != null) {
        List<Output> first = EditedPosts.render(cache, sources, changed, config, engine, options(), markdown, warnings);
        if (!first.isEmpty()) {
          editedFirst.accept(first);
        }
      }
      List<ParsedDocument> parsed = stage("parse", () -> parse(sources, config, markdown));
      // not a stage of its own: the CPU time of highlighting inside parse, summed over threads
      timings.put("highlight", markdown.highlightMillis() - highlightBefore);
      if (cache == null) {
        // a one-off build is done with the text of posts and pages: at 100,000 posts, a gigabyte
        sources = sources.withoutDocumentBytes();
      }
      Site site = stage("assemble", () -> assemble(config, parsed, sources));
      stopIfProblems();
      int year = request.clock().instant().atZone(config.timezone()).getYear();
      SiteRenderer renderer = new SiteRenderer(site, theme, engine, markdown, year, request.liveReload()).from(request.source())
          .memo(cache == null ? null : cache.memo)
          .editedFirst(site.posts().size() >= EditedPosts.FROM_POSTS ? editedFirst : null);
      if (cache == null && request.out() != null) {
        // A plain build streams each file to disk as it is rendered (staged beside the site until
        // every page has rendered), so a big site never sits in memory whole.
        // each post or page makes a folder and a file, and the lists and feeds about one more
        boolean spread = 3 * (site.posts().size() + site.pages().size()) >= StagedWriter.SPREAD_FROM_FILES;
        StagedWriter writer = new StagedWriter(request.out(), spread);
        Progress progress = request.progress();
        try {
          stage("render", () -> {
            // the pages of posts and pages are nearly all the work; lists and feeds follow them
            progress.begin("rendering", site.posts().size() + site.pages().size());
            Set<String> pageFiles = new HashSet<>();
            site.posts().forEach(p -> pageFiles.add(p.file()));
            site.pages().forEach(p -> pageFiles.add(p.file()));
            renderer.render(o -> {
              writer.accept(o);
              if (pageFiles.contains(o.path())) {
                progress.advance(o.path());
              }
            });
            progress.end();
            return null;
          });
        } catch (RuntimeException e) {
          progress.end();
          writer.abort();
          throw e;
        }
        SiteWriter.Summary written = stage("write", writer::commit);
        return new BuildResult(List.of(), site.posts().size(), writer.count(), written.written(), written.deleted(), timings,
            () -> sources(site), warnings.stream().distinct().sorted(Problem.ORDER).toList());
      }
      // the preview server looks outputs up by path: it has no use for them in path order
      List<Output> outputs = stage("render", () -> {
        List<Output> all = java.util.Collections.synchronizedList(new ArrayList<>());
        renderer.render(all::add);
        return List.copyOf(all);
      });
      SiteWriter.Summary written = stage("write", () -> write(outputs, config));
      if (cache != null) {
        cache.lastRender = new BuildCache.LastRender(renderer, config, engine, site.posts().size());
      }
      // a preview rebuild has no reader for the map of every file's source
      return new BuildResult(List.of(), site.posts().size(), outputs.size(), written.written(), written.deleted(), timings,
          cache == null ? () -> sources(site) : Map::of, warnings.stream().distinct().sorted(Problem.ORDER).toList());
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
      return new BuildResult(problems.stream().distinct().sorted(Problem.ORDER).toList(), 0, 0, 0, 0, timings, Map::of,
          warnings.stream().distinct().sorted(Problem.ORDER).toList());
    }
  }

  private int documentCount() {
    int n = 0;
    for (SourceFile f : sources.files()) {
      if (f.kind() == SourceFile.Kind.POST || f.kind() == SourceFile.Kind.PAGE) {
        n++;
      }
    }
    return n;
  }

  private SourceSet load() {
    if (cache == null || cache.sources == null || changed == null || !cache.sources.root().equals(request.source())) {
      SourceSet s = BlogFolder.load(request.source());
      if (cache != null) {
        cache.sources = s;
      }
      return s;
    }
    SourceSet s = BlogFolder.reload(cache.sources, changed);
    cache.sources = s;
    return s;
  }

  /** With a cache, a changed site.yaml forgets everything: it can change every page. */
  private SiteConfig readConfig(SourceSet sources) {
    if (cache != null) {
      byte[] bytes = sources.config().map(SourceFile::bytes).orElse(new byte[0]);
      if (cache.config != null && Arrays.equals(bytes, cache.configBytes) && Objects.equals(request.baseUrl(), cache.baseUrl)) {
        return cache.config;
      }
      cache.forgetAll();
      SiteConfig config = readConfigFresh(sources);
      if (problems.isEmpty()) {
        cache.configBytes = bytes;
        cache.baseUrl = request.baseUrl();
        cache.config = config;
      }
      return config;
    }
    return readConfigFresh(sources);
  }

  private SiteConfig readConfigFresh(SourceSet sources) {
    SiteConfig config;
    try {
      config = SiteConfigReader.read(sources.config());
    } catch (ProblemsException e) {
      // go on with defaults so that the problems of the content are reported in the same run
      problems.addAll(e.problems());
      config = SiteConfigReader.defaults();
    }
    return request.baseUrl() != null ? config.withBaseUrl(request.baseUrl()) : config;
  }

  /** With a cache, the theme is loaded again only when a file of it outside its static folders changed. */
  private Theme theme(SiteConfig config) {
    if (cache != null && cache.theme != null && !themeChanged()) {
      return cache.theme;
    }
    Theme theme = ThemeLoader.load(request.source(), Home.themes(), config.theme(), config.language());
    if (cache != null) {
      cache.theme = theme;
      cache.engine = null;
    }
    return theme;
  }

  private boolean themeChanged() {
    if (changed == null) {
      return true;
    }
    Path content = request.source().resolve("content");
    for (Path p : changed) {
      Path abs = p.toAbsolutePath().normalize();
      if (abs.startsWith(content) || cache.sources.config().map(c -> request.source().resolve(c.path()).equals(abs)).orElse(false)) {
        continue;
      }
      if (cache.theme.staticFolders().stream().noneMatch(abs::startsWith)) {
        return true;
      }
    }
    return false;
  }

  private ThemeEngine compile(Theme theme, SiteConfig config) {
    if (cache != null && cache.engine != null) {
      return cache.engine;
    }
    ThemeEngine engine = new ThemeEngine(theme, config.basePath());
    List<Problem> found = engine.compileAll();
    problems.addAll(found);
    if (cache != null && found.isEmpty()) {
      cache.engine = engine;
    }
    return engine;
  }

  private SiteWriter.Summary write(List<Output> outputs, SiteConfig config) {
    if (cache != null) {
      cache.outputs = outputs;
      cache.basePath = config.basePath();
    }
    if (request.out() == null) {
      return new SiteWriter.Summary(0, outputs.size(), 0);
    }
    return SiteWriter.write(request.out(), outputs);
  }

  private List<ParsedDocument> parse(SourceSet sources, SiteConfig config, MarkdownEngine markdown) {
    // posts, then pages, in one pass: a preview save at 10,000 posts makes this list again
    List<SourceFile> files = new ArrayList<>(sources.files().size());
    List<SourceFile> pages = new ArrayList<>();
    for (SourceFile f : sources.files()) {
      if (f.kind() == SourceFile.Kind.POST) {
        files.add(f);
      } else if (f.kind() == SourceFile.Kind.PAGE) {
        pages.add(f);
      }
    }
    files.addAll(pages);
    if (cache == null) {
      DocumentReader.Result result = DocumentReader.readAll(files, config.timezone(), markdown, request.progress());
      problems.addAll(result.problems());
      warnings.addAll(result.warnings());
      return result.documents();
    }
    List<ParsedDocument> quick = parseChangedOnly(files, config, markdown);
    if (quick != null) {
      return quick;
    }
    // re-parse only files whose bytes differ from the cached document's; a file that fails to
    // parse leaves no document behind. Another generator's post links to others by path, so
    // those are read again whenever a post or page comes or goes.
    Set<String> known = new HashSet<>();
    files.forEach(f -> known.add(f.slashedPath()));
    boolean cameOrWent = !known.equals(cache.documentPaths);
    cache.documentPaths = known;
    reread(files.stream().filter(f -> changed(f) || (cameOrWent && f.dialect() != Dialect.INKSTONE)).toList(), known, config, markdown);
    ParsedDocument[] byFile = new ParsedDocument[files.size()];
    for (int i = 0; i < byFile.length; i++) {
      byFile[i] = cache.parsed.get(files.get(i).slashedPath());
    }
    if (cameOrWent) {
      // with the same paths as last time, nothing cached can belong to a file that is gone
      cache.parsed.keySet().retainAll(known);
      cache.parsedFrom.keySet().retainAll(known);
    }
    return remember(files, byFile);
  }

  /**
   * The common save: the same posts and pages as last time, in the same order, most of them the
   * very same objects (the folder reload keeps what it did not read again). Then only the files
   * that are new objects, or failed to parse last time, are looked at, with the same rule as
   * {@link #parse}, and no set of every path is made: at 10,000 posts that was a tenth of a save.
   * Null when the files differ in any other way.
   */
  private List<ParsedDocument> parseChangedOnly(List<SourceFile> files, SiteConfig config, MarkdownEngine markdown) {
    List<SourceFile> last = cache.lastFiles;
    if (last == null || last.size() != files.size()) {
      return null;
    }
    List<Integer> suspect = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      SourceFile now = files.get(i);
      SourceFile before = last.get(i);
      if (now != before) {
        if (!now.slashedPath().equals(before.slashedPath())) {
          return null;
        }
        suspect.add(i);
      } else if (cache.lastDocuments[i] == null) {
        suspect.add(i);
      }
    }
    List<SourceFile> stale = new ArrayList<>();
    for (int i : suspect) {
      if (changed(files.get(i))) {
        stale.add(files.get(i));
      }
    }
    ParsedDocument[] byFile = cache.lastDocuments.clone();
    if (!stale.isEmpty()) {
      reread(stale, cache.documentPaths, config, markdown);
    }
    // a file read anew with the same bytes keeps its document, which need not be last time's:
    // the quick look at an edited post (EditedPosts) parses it before this stage
    for (int i : suspect) {
      byFile[i] = cache.parsed.get(files.get(i).slashedPath());
    }
    return remember(files, byFile);
  }

  /**
   * Whether {@code f} must be parsed again: it was never parsed, it failed last time (failures
   * leave no document), or its bytes or kind differ from those of the file its document came from.
   */
  private boolean changed(SourceFile f) {
    SourceFile before = cache.parsedFrom.get(f.slashedPath());
    return before == null || !cache.parsed.containsKey(f.slashedPath())
        || (before != f && (before.kind() != f.kind() || !Arrays.equals(before.bytes(), f.bytes())));
  }

  /** Parses {@code stale} again into the cache, whose posts and pages are {@code known}; a file that fails leaves no document. */
  private void reread(List<SourceFile> stale, Set<String> known, SiteConfig config, MarkdownEngine markdown) {
    stale.forEach(f -> {
      cache.parsed.remove(f.slashedPath());
      cache.parsedFrom.put(f.slashedPath(), f);
    });
    DocumentReader.Result result = DocumentReader.readSome(stale, KnownDocuments.of(known), config.timezone(), markdown);
    problems.addAll(result.problems());
    warnings.addAll(result.warnings());
    result.documents().forEach(d -> cache.parsed.put(d.source().slashedPath(), d));
  }

  /** Keeps this parse's files and documents for the next save's quick path; the documents, in order. */
  private List<ParsedDocument> remember(List<SourceFile> files, ParsedDocument[] byFile) {
    cache.lastFiles = files;
    cache.lastDocuments = byFile;
    List<ParsedDocument> documents = new ArrayList<>(byFile.length);
    for (ParsedDocument d : byFile) {
      if (d != null) {
        documents.add(d);
      }
    }
    return documents;
  }

  /** The options of this build's assembling, its clock read once: the quick look and the assembler judge future posts alike. */
  private AssembleOptions options() {
    if (options == null) {
      options = new AssembleOptions(request.drafts(), request.future(), request.clock().instant(), sources.lastCommits());
    }
    return options;
  }

  /** Assembles even after parse problems, so that a duplicate URL is reported in the same run. */
  private Site assemble(SiteConfig config, List<ParsedDocument> documents, SourceSet sources) {
    try {
      return SiteAssembler.assemble(config, options(), documents,
          others(sources), cache == null ? RelatedSource.COMPUTE : cache.related, cache == null ? null : cache.assembly);
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** Site file → source file, for pages from Markdown and copied files inside the blog folder. */
  /** Where each page and copied file of the site came from, blog-relative. */
  private Map<String, java.nio.file.Path> sources(Site site) {
    Map<String, java.nio.file.Path> out = new java.util.HashMap<>();
    for (List<dev.inkstone.site.Page> pages : List.of(site.posts(), site.pages())) {
      pages.forEach(p -> out.put(p.file(), p.doc().source().path()));
    }
    site.assets().forEach((sitePath, source) -> out.putIfAbsent(sitePath.substring(1), java.nio.file.Path.of(source)));
    return out;
  }

  private static List<SourceFile> others(SourceSet sources) {
    return sources.files().stream().filter(f -> f.kind() != SourceFile.Kind.POST && f.kind() != SourceFile.Kind.PAGE).toList();
  }

  private void stopIfProblems() {
    if (!problems.isEmpty()) {
      throw new ProblemsException(List.copyOf(problems));
    }
  }

  private <T> T stage(String name, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      timings.put(name, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
