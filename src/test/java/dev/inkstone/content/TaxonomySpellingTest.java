package dev.inkstone.content;

import static dev.inkstone.content.FrontMatterReaderTest.fm;
import static dev.inkstone.content.FrontMatterReaderTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.diagnostic.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Categories and tags as Hexo, Jekyll and Hugo blogs write them. */
class TaxonomySpellingTest {

  @Test
  void a_single_category_string_is_one_category() {
    assertThat(fm("categories: Java\n").categories()).containsExactly(List.of("Java"));
    assertThat(fm("category: Java\n").categories()).containsExactly(List.of("Java"));
  }

  @Test
  void a_slash_or_arrow_in_a_category_is_a_hierarchy() {
    assertThat(fm("categories: Java/Spring\n").categories()).containsExactly(List.of("Java", "Spring"));
    assertThat(fm("category: Java > Spring\n").categories()).containsExactly(List.of("Java", "Spring"));
    assertThat(fm("categories: 架构 / 微服务\n").categories()).containsExactly(List.of("架构", "微服务"));
  }

  @Test
  void a_flat_list_is_several_categories() {
    assertThat(fm("categories: [Java, Go]\n").categories())
        .containsExactly(List.of("Java"), List.of("Go"));
  }

  @Test
  void a_nested_list_is_one_path_per_inner_list() {
    assertThat(fm("categories: [[Java, Spring], [Go]]\n").categories())
        .containsExactly(List.of("Java", "Spring"), List.of("Go"));
    assertThat(fm("categories:\n  - [架构, 微服务]\n  - Java\n").categories())
        .containsExactly(List.of("架构", "微服务"), List.of("Java"));
  }

  @Test
  void numbers_and_duplicates_in_categories_are_handled() {
    assertThat(fm("categories: [2024, Java, ' Java ', 2024]\n").categories())
        .containsExactly(List.of("2024"), List.of("Java"));
  }

  @Test
  void both_category_and_categories_is_a_problem_at_the_second() {
    Problem p = problems("---\ntitle: T\ncategory: A\ncategories: [B]\n---\n").get(0);
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.message()).contains("both `category` and `categories`");
  }

  @Test
  void a_mapping_as_category_is_a_problem() {
    Problem p = problems("---\ntitle: T\ncategories:\n  - {a: b}\n---\n").get(0);
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.message()).contains("`categories`");
  }

  @Test
  void tags_as_a_list_are_trimmed_and_deduplicated_keeping_the_first() {
    assertThat(fm("tags: [' Java ', Go, Java, '', 2024]\n").tags()).containsExactly("Java", "Go", "2024");
  }

  @Test
  void tags_as_a_string_are_split_on_ascii_and_full_width_commas() {
    assertThat(fm("tags: Java, Go，并发 ,\n").tags()).containsExactly("Java", "Go", "并发");
  }

  @Test
  void tag_singular_works_too() {
    assertThat(fm("tag: Java\n").tags()).containsExactly("Java");
    assertThat(fm("tag:\n  - a\n  - b\n").tags()).containsExactly("a", "b");
  }

  @Test
  void numeric_tags_become_text() {
    assertThat(fm("tags: [2024, 1.10]\n").tags()).containsExactly("2024", "1.10");
    assertThat(fm("tags: 2024\n").tags()).containsExactly("2024");
  }

  @Test
  void keywords_are_tags_only_when_there_are_no_tags() {
    FrontMatter without = fm("keywords: a, b\n");
    assertThat(without.tags()).containsExactly("a", "b");
    assertThat(without.params()).doesNotContainKey("keywords");
    FrontMatter with = fm("tags: [x]\nkeywords: a, b\n");
    assertThat(with.tags()).containsExactly("x");
    assertThat(with.params()).containsEntry("keywords", "a, b");
  }

  @Test
  void a_nested_list_in_tags_is_a_problem_at_the_item() {
    Problem p = problems("---\ntitle: T\ntags:\n  - a\n  - [b, c]\n---\n").get(0);
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.column()).isEqualTo(5);
  }
}
