package dev.inkstone.markdown;

import java.util.Objects;

/**
 * A heading of a document, in document order.
 *
 * @param level 1 to 6
 * @param id the id written on the heading element, unique within the document
 * @param text the heading's plain text, without markup
 */
public record Heading(int level, String id, String text) {
  public Heading {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }
}
