package dev.inkstone.related;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the related-posts computation needs to know about one post.
 *
 * @param categories category keys, for example full paths such as {@code "java/spring"}; may be
 *     empty
 * @param tags tag keys, already case-folded; may be empty
 * @param title the title, whose words weigh more than the body's; may be empty
 * @param body gives the plain text of the body (it may repeat the title) when asked: a big build
 *     keeps bodies compressed and must not hold every one of them uncompressed at once
 */
public record RelatedInput(List<String> categories, List<String> tags, String title, Supplier<String> body) {

  public RelatedInput {
    categories = categories == null ? List.of() : List.copyOf(categories);
    tags = tags == null ? List.of() : List.copyOf(tags);
    title = title == null ? "" : title;
    body = body == null ? () -> "" : body;
  }

  public RelatedInput(List<String> categories, List<String> tags, String title, String text) {
    this(categories, tags, title, () -> text == null ? "" : text);
  }

  /** A post without a separate title: {@code text} is the plain text of title and body. */
  public RelatedInput(List<String> categories, List<String> tags, String text) {
    this(categories, tags, "", text);
  }

  public String text() {
    return body.get();
  }

  /** Equal when the texts are, whatever gives them. */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof RelatedInput r && categories.equals(r.categories) && tags.equals(r.tags) && title.equals(r.title)
        && text().equals(r.text());
  }

  @Override
  public int hashCode() {
    return Objects.hash(categories, tags, title);
  }
}
