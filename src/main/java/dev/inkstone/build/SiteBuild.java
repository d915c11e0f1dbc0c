package dev.inkstone.build;

import dev.inkstone.config.SiteConfig;
import dev.inkstone.config.SiteConfigReader;
import dev.inkstone.content.ParsedDocument;
import dev.inkstone.content.DocumentReader;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.markdown.MarkdownEngine;
import dev.inkstone.output.Output;
import dev.inkstone.output.SiteWriter;
import dev.inkstone.site.AssembleOptions;
import dev.inkstone.site.Site;
import dev.inkstone.site.SiteAssembler;
import dev.inkstone.source.BlogFolder;
import dev.inkstone.source.SourceFile;
import dev.inkstone.source.SourceSet;
import dev.inkstone.template.SiteRenderer;
import dev.inkstone.template.Theme;
import dev.inkstone.template.ThemeEngine;
import dev.inkstone.template.ThemeLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One build, as a recipe: each line a stage, each stage timed. Problems from every stage that
 * can run are gathered, and nothing is written unless there are none, so a failed build leaves
 * the previous site as it was.
 */
public final class SiteBuild {
  private final BuildRequest request;
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  private SiteBuild(BuildRequest request) {
    this.request = request;
  }

  public static BuildResult run(BuildRequest request) {
    return new SiteBuild(request).run();
  }

  private BuildResult run() {
    try {
      SourceSet sources = stage("load", () -> BlogFolder.load(request.source()));
      warnings.addAll(sources.warnings());
      SiteConfig config = stage("config", () -> readConfig(sources));
      Theme theme = stage("theme", () -> ThemeLoader.load(request.source(), Home.themes(), config.theme(), config.language()));
      ThemeEngine engine = stage("templates", () -> compile(theme, config));
      MarkdownEngine markdown = new MarkdownEngine();
      List<ParsedDocument> documents = stage("parse", () -> parse(sources, config, markdown));
      Site site = stage("assemble", () -> assemble(config, documents, sources));
      stopIfProblems();
      int year = request.clock().instant().atZone(config.timezone()).getYear();
      List<Output> outputs = stage("render", () -> new SiteRenderer(site, theme, engine, markdown, year, request.liveReload())
          .from(request.source()).render());
      SiteWriter.Summary written = stage("write", () -> SiteWriter.write(request.out(), outputs));
      return new BuildResult(List.of(), site.posts().size(), outputs.size(), written.written(), written.deleted(), timings,
          sources(site, outputs), warnings.stream().distinct().sorted(Problem.ORDER).toList());
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
      return new BuildResult(problems.stream().distinct().sorted(Problem.ORDER).toList(), 0, 0, 0, 0, timings, Map.of(),
          warnings.stream().distinct().sorted(Problem.ORDER).toList());
    }
  }

  private SiteConfig readConfig(SourceSet sources) {
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

  private ThemeEngine compile(Theme theme, SiteConfig config) {
    ThemeEngine engine = new ThemeEngine(theme, config.basePath());
    problems.addAll(engine.compileAll());
    return engine;
  }

  private List<ParsedDocument> parse(SourceSet sources, SiteConfig config, MarkdownEngine markdown) {
    List<SourceFile> files = new ArrayList<>(sources.ofKind(SourceFile.Kind.POST));
    files.addAll(sources.ofKind(SourceFile.Kind.PAGE));
    DocumentReader.Result result = DocumentReader.readAll(files, config.timezone(), markdown);
    problems.addAll(result.problems());
    warnings.addAll(result.warnings());
    return result.documents();
  }

  /** Assembles even after parse problems, so that a duplicate URL is reported in the same run. */
  private Site assemble(SiteConfig config, List<ParsedDocument> documents, SourceSet sources) {
    try {
      return SiteAssembler.assemble(config, new AssembleOptions(request.drafts(), request.future(), request.clock().instant(), sources.lastCommits()), documents,
          others(sources));
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** Site file → source file, for pages from Markdown and copied files inside the blog folder. */
  private Map<String, java.nio.file.Path> sources(Site site, List<Output> outputs) {
    Map<String, java.nio.file.Path> out = new java.util.HashMap<>();
    for (List<dev.inkstone.site.Page> pages : List.of(site.posts(), site.pages())) {
      pages.forEach(p -> out.put(p.file(), p.doc().source().path()));
    }
    java.nio.file.Path root = request.source().toAbsolutePath().normalize();
    for (Output o : outputs) {
      if (o.copyOf() != null && o.copyOf().toAbsolutePath().normalize().startsWith(root)) {
        out.putIfAbsent(o.path(), root.relativize(o.copyOf().toAbsolutePath().normalize()));
      }
    }
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
