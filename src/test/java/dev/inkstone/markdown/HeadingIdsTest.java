package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadingIdsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      为什么选择 Kafka？             | 为什么选择-kafka
      第一章：引言（草稿）            | 第一章-引言-草稿
      Hello, World!                  | hello-world
      '  --spaces--  '               | spaces
      TITLE WITH ISTANBUL            | title-with-istanbul
      C++ & Java 17                  | c-java-17
      カタカナ と 한국어              | カタカナ-と-한국어
      ！？。                          | section
      ''                             | section
      """)
  void slugs_keep_cjk_lower_case_latin_and_collapse_the_rest(String text, String slug) {
    assertThat(HeadingIds.slug(text)).isEqualTo(slug);
  }

  @Test
  void duplicates_get_a_number_that_does_not_collide_with_a_written_one() {
    HeadingIds ids = new HeadingIds();
    assertThat(ids.next("Intro")).isEqualTo("intro");
    assertThat(ids.next("Intro 1")).isEqualTo("intro-1");
    assertThat(ids.next("Intro")).isEqualTo("intro-2");
    assertThat(ids.next("Intro")).isEqualTo("intro-3");
  }
}
