package dev.inkstone.related;

import java.util.List;

/**
 * What the related-posts computation needs to know about one post.
 *
 * @param categories category keys, for example full paths such as {@code "java/spring"}; may be
 *     empty
 * @param tags tag keys, already case-folded; may be empty
 * @param title the title, whose words weigh more than the body's; may be empty
 * @param text plain text of the body (it may repeat the title); may be empty
 */
public record RelatedInput(List<String> categories, List<String> tags, String title, String text) {

  public RelatedInput {
    categories = categories == null ? List.of() : List.copyOf(categories);
    tags = tags == null ? List.of() : List.copyOf(tags);
    title = title == null ? "" : title;
    text = text == null ? "" : text;
  }

  /** A post without a separate title: {@code text} is the plain text of title and body. */
  public RelatedInput(List<String> categories, List<String> tags, String text) {
    this(categories, tags, "", text);
  }
}
