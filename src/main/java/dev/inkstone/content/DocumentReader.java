package dev.inkstone.content;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.markdown.MarkdownEngine;
import dev.inkstone.markdown.ParsedMarkdown;
import dev.inkstone.parallel.Parallel;
import dev.inkstone.source.SourceFile;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.inkstone.source.Dialect;

/**
 * The front door of the parse stage: reads every post and page in parallel into
 * {@link ParsedDocument}s, collecting the problems of all files.
 */
public final class DocumentReader {

  /**
   * The documents that parsed, the problems of those that did not, and warnings: what a Hexo,
   * Jekyll or Hugo file had that was kept as written (a build with only warnings succeeds).
   */
  public record Result(List<ParsedDocument> documents, List<Problem> problems, List<Problem> warnings) {
  }

  private record Read(ParsedDocument document, List<Problem> warnings) {}

  private static final byte[] NO_BYTES = new byte[0];

  private DocumentReader() {}

  public static Result readAll(List<SourceFile> files, ZoneId zone, MarkdownEngine markdown) {
    return readAll(files, zone, markdown, dev.inkstone.progress.Progress.NONE);
  }

  /** The same, telling {@code progress} of each file read. */
  public static Result readAll(List<SourceFile> files, ZoneId zone, MarkdownEngine markdown, dev.inkstone.progress.Progress progress) {
    return read(files, KnownDocuments.of(files.stream().map(SourceFile::slashedPath).collect(java.util.stream.Collectors.toSet())), zone, markdown, progress);
  }

  /**
   * Reads {@code files}, some of the blog's posts and pages, whose links to other posts (the
   * tags of Hexo, Jekyll and Hugo) may name any of {@code known}, the paths of all of them.
   */
  public static Result readSome(List<SourceFile> files, KnownDocuments known, ZoneId zone, MarkdownEngine markdown) {
    return read(files, known, zone, markdown, dev.inkstone.progress.Progress.NONE);
  }

  private static Result read(List<SourceFile> files, KnownDocuments known, ZoneId zone, MarkdownEngine markdown,
      dev.inkstone.progress.Progress progress) {
    progress.begin("parsing", files.size());
    List<Object> results = Parallel.map(files.size(), i -> {
      SourceFile f = files.get(i);
      Object r = readOne(f, zone, markdown, known);
      progress.advance(f.slashedPath());
      return r;
    });
    progress.end();
    List<ParsedDocument> docs = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    for (Object r : results) {
      if (r instanceof Read d) {
        docs.add(d.document());
        warnings.addAll(d.warnings());
      } else if (r instanceof ProblemsException e) {
        problems.addAll(e.problems());
      }
    }
    return new Result(docs, problems, warnings);
  }

  private static Object readOne(SourceFile f, ZoneId zone, MarkdownEngine markdown, KnownDocuments known) {
    try {
      Document doc;
      List<Problem> warnings = List.of();
      if (f.dialect() == Dialect.INKSTONE) {
        doc = FrontMatterReader.read(f, zone);
      } else {
        ForeignDocuments.Converted c = ForeignDocuments.read(f, zone, known);
        doc = c.document();
        warnings = c.warnings();
      }
      boolean html = f.path().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html");
      if (html) {
        return new Read(new ParsedDocument(f, doc, null), warnings);
      }
      // Once parsed, a Markdown file's bytes and text are not needed again: on a 10,000-post
      // blog they would keep the whole source in memory twice until the build ends.
      ParsedMarkdown parsed = markdown.parse(doc.body());
      return new Read(new ParsedDocument(f.withBytes(NO_BYTES), new Document(doc.path(), doc.frontMatter(), ""), parsed), warnings);
    } catch (ProblemsException e) {
      return e;
    }
  }
}
