package dev.inkstone.content;

import dev.inkstone.markdown.ParsedMarkdown;
import dev.inkstone.source.SourceFile;

/**
 * What the parse stage makes of one post or page: its front matter, its body and, for Markdown,
 * the parsed tree with its text statistics. Raw HTML pages have no Markdown.
 *
 * @param source the file; for Markdown its bytes are dropped once parsed
 * @param document front matter and body; for Markdown the body is dropped once parsed
 * @param markdown the parsed body, or {@code null} for a raw HTML page
 */
public record ParsedDocument(SourceFile source, Document document, ParsedMarkdown markdown) {

  public FrontMatter frontMatter() {
    return document.frontMatter();
  }

  public String body() {
    return document.body();
  }
}
