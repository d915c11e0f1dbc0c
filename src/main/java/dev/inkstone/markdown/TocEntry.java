package dev.inkstone.markdown;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a table of contents; headings of a deeper level that follow it are its children,
 * even when levels are skipped (an h4 right after an h2 is the h2's child).
 *
 * @param level the heading level, 1 to 6
 * @param id the heading's id, the same as in the HTML
 * @param text the heading's plain text
 * @param children deeper headings under this one, in document order; never null
 */
public record TocEntry(int level, String id, String text, List<TocEntry> children) {
  public TocEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    children = List.copyOf(children);
  }
}
