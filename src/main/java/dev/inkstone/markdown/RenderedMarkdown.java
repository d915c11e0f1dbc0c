package dev.inkstone.markdown;

import java.util.List;
import java.util.Objects;

/**
 * A document turned into HTML.
 *
 * @param html the whole body
 * @param excerptHtml the part before the {@code <!--more-->} marker, or {@code null} when the
 *     document has no marker (see {@link Excerpts#auto} for a fallback)
 * @param toc the headings as a tree
 */
public record RenderedMarkdown(String html, String excerptHtml, List<TocEntry> toc) {
  public RenderedMarkdown {
    Objects.requireNonNull(html, "html");
    toc = List.copyOf(toc);
  }
}
