package dev.inkstone.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownDocumentsTest {
  private final KnownDocuments known = KnownDocuments.of(Set.of(
      "source/_posts/hello-world.md",
      "source/_posts/2024/notes.md",
      "_posts/2023-05-01-jekyll-post.markdown",
      "content/posts/go/intro.md",
      "content/posts/rust/intro/index.md",
      "content/about.md"));

  @Test
  void hexo_names_a_post_by_its_path_below_posts_without_extension() {
    assertThat(known.post("hello-world", false)).isEqualTo("source/_posts/hello-world.md");
    assertThat(known.post("2024/notes", false)).isEqualTo("source/_posts/2024/notes.md");
    assertThat(known.post("notes", false)).isNull();
  }

  @Test
  void jekyll_may_also_name_it_by_its_file_name_alone() {
    assertThat(known.post("2023-05-01-jekyll-post", true)).isEqualTo("_posts/2023-05-01-jekyll-post.markdown");
    assertThat(known.post("notes", true)).isEqualTo("source/_posts/2024/notes.md");
  }

  @Test
  void a_name_found_anywhere_is_a_file_a_markdown_file_or_a_bundle_and_the_first_in_path_order_wins() {
    assertThat(known.endingWith("about")).isEqualTo("content/about.md");
    assertThat(known.endingWith("intro")).isEqualTo("content/posts/go/intro.md");
    assertThat(known.endingWith("rust/intro")).isEqualTo("content/posts/rust/intro/index.md");
    assertThat(known.endingWith("go/intro.md")).isEqualTo("content/posts/go/intro.md");
    assertThat(known.endingWith("missing")).isNull();
    assertThat(known.endingWith("posts/")).isNull();
  }

  @Test
  void it_knows_every_path_it_was_given() {
    assertThat(known.contains("content/about.md")).isTrue();
    assertThat(known.contains("content/about")).isFalse();
  }
}
