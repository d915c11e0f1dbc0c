package dev.inkstone.importer;

import dev.inkstone.config.SiteConfig;
import dev.inkstone.config.SiteConfigReader;
import dev.inkstone.content.ForeignDocuments;
import dev.inkstone.content.KnownDocuments;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.source.BlogFolder;
import dev.inkstone.source.Dialect;
import dev.inkstone.source.SourceFile;
import dev.inkstone.source.SourceSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The front door of {@code inkstone import hexo|jekyll|hugo}: reads the blog exactly as {@code
 * inkstone build --source} would read it in place, and writes what it read into our layout once:
 * {@code content/posts}, {@code content/pages}, {@code content/data}, {@code content/static} and
 * {@code content/site.yaml}, with front matter in our YAML, old URLs as aliases and tag plugins
 * and shortcodes converted. Files are written whole and only when their bytes change, so a rerun
 * gives the same folder.
 */
public final class ForeignImport {
  private static final String MARK = "# made by Inkstone from";
  private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

  private ForeignImport() {}

  /**
   * @throws ProblemsException when the folder is not such a blog or its configuration is broken;
   *     nothing is written then
   */
  public static ImportReport run(Dialect dialect, Path blog, Path into) {
    if (!Files.isDirectory(blog)) {
      throw new ProblemsException(Problem.in(blog, "the blog folder does not exist", "give the folder of the " + dialect.label() + " blog"));
    }
    SourceSet sources = BlogFolder.load(blog, dialect);
    SiteConfig config = SiteConfigReader.read(sources.config());
    ImportReport report = new ImportReport();
    for (Problem w : sources.warnings()) {
      report.skip(w.file() == null ? "(blog)" : slashed(w.file()), w.message().replaceFirst("^left out: ", ""));
    }
    KnownDocuments known = KnownDocuments.of(sources.files().stream().filter(f -> f.kind() == SourceFile.Kind.POST || f.kind() == SourceFile.Kind.PAGE)
        .map(SourceFile::slashedPath).collect(java.util.stream.Collectors.toSet()));
    for (SourceFile f : sources.files()) {
      Path target = into.resolve(f.layoutPath());
      switch (f.kind()) {
        case POST, PAGE -> document(f, target, config, known, report);
        case DATA -> {
          report.file(AtomicFiles.copy(blog.resolve(f.path()), target));
          report.count("data files");
        }
        default -> {
          report.file(AtomicFiles.copy(blog.resolve(f.path()), target));
          report.count(f.kind() == SourceFile.Kind.STATIC ? "static files" : "post files (images and others)");
        }
      }
    }
    siteYaml(sources, into, report);
    AtomicFiles.write(into.resolve(dialect.label().toLowerCase(java.util.Locale.ROOT) + "-import-report.md"),
        report.toMarkdown(dialect.label() + " import of " + blog.getFileName()));
    return report;
  }

  private static void document(SourceFile f, Path target, SiteConfig config, KnownDocuments known, ImportReport report) {
    String where = slashed(f.path());
    ForeignDocuments.Converted c;
    try {
      c = ForeignDocuments.read(f, config.timezone(), known);
    } catch (ProblemsException e) {
      report.skip(where, e.problems().stream().map(p -> p.format().replace("\n    hint: ", " (") + (p.hint().isEmpty() ? "" : ")"))
          .collect(Collectors.joining("; ")));
      return;
    }
    for (Problem w : c.warnings()) {
      Matcher m = QUOTED.matcher(w.message());
      if (w.message().startsWith("unknown") && m.find()) {
        report.unknown(m.group(1), where + (w.line() > 0 ? ":" + w.line() : ""));
      } else {
        report.look(where + (w.line() > 0 ? ":" + w.line() : ""), w.message());
      }
    }
    String text;
    if (c.frontMatter().isEmpty() && c.document().frontMatter().title() == null) {
      text = c.document().body();
    } else {
      Yaml y = new Yaml();
      for (Map.Entry<String, Object> e : c.frontMatter().entrySet()) {
        y.put(e.getKey(), e.getValue());
      }
      text = "---\n" + y + "---\n" + c.document().body();
    }
    report.file(AtomicFiles.write(target, text));
    if (c.document().frontMatter().draft()) {
      report.count("drafts");
    }
    report.count(f.kind() == SourceFile.Kind.POST ? "posts" : "pages");
  }

  /** site.yaml is written unless one exists that a person wrote (without our first line). */
  private static void siteYaml(SourceSet sources, Path into, ImportReport report) {
    if (sources.config().isEmpty()) {
      return;
    }
    Path site = into.resolve("content/site.yaml");
    String made = new String(sources.config().get().bytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (Files.exists(site)) {
      try {
        if (!Files.readString(site).startsWith(MARK)) {
          report.look("content/site.yaml", "it exists and was left as it was; the settings read from the old blog would be:\n\n```yaml\n"
              + made + "```");
          return;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    report.file(AtomicFiles.write(site, made));
  }

  private static String slashed(Path p) {
    return p.toString().replace('\\', '/');
  }
}
