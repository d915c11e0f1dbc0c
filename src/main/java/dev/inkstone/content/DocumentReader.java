package dev.inkstone.content;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.markdown.MarkdownEngine;
import dev.inkstone.markdown.ParsedMarkdown;
import dev.inkstone.source.SourceFile;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The front door of the parse stage: reads every post and page in parallel into
 * {@link ParsedDocument}s, collecting the problems of all files.
 */
public final class DocumentReader {

  /** The documents that parsed, and the problems of those that did not. */
  public record Result(List<ParsedDocument> documents, List<Problem> problems) {}

  private static final byte[] NO_BYTES = new byte[0];

  private DocumentReader() {}

  public static Result readAll(List<SourceFile> files, ZoneId zone, MarkdownEngine markdown) {
    List<Object> results = files.parallelStream().map(f -> (Object) readOne(f, zone, markdown)).toList();
    List<ParsedDocument> docs = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Object r : results) {
      if (r instanceof ParsedDocument d) {
        docs.add(d);
      } else if (r instanceof ProblemsException e) {
        problems.addAll(e.problems());
      }
    }
    return new Result(docs, problems);
  }

  private static Object readOne(SourceFile f, ZoneId zone, MarkdownEngine markdown) {
    try {
      Document doc = FrontMatterReader.read(f, zone);
      boolean html = f.path().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html");
      if (html) {
        return new ParsedDocument(f, doc, null);
      }
      // Once parsed, a Markdown file's bytes and text are not needed again: on a 10,000-post
      // blog they would keep the whole source in memory twice until the build ends.
      ParsedMarkdown parsed = markdown.parse(doc.body());
      return new ParsedDocument(f.withBytes(NO_BYTES), new Document(doc.path(), doc.frontMatter(), ""), parsed);
    } catch (ProblemsException e) {
      return e;
    }
  }
}
