package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextStatsTest {

  @Test
  void each_chinese_character_is_one_word_and_punctuation_is_none() {
    TextStats stats = TextStats.of("为什么选择消息队列？因为解耦。");
    assertThat(stats.cjkCharacters()).isEqualTo(13);
    assertThat(stats.latinWords()).isZero();
    assertThat(stats.words()).isEqualTo(13);
  }

  @Test
  void english_words_are_runs_of_letters_and_digits() {
    TextStats stats = TextStats.of("Kafka 3.6 doesn't lose data, it's durable.");
    // Kafka, 3, 6, doesn't, lose, data, it's, durable
    assertThat(stats.latinWords()).isEqualTo(8);
    assertThat(stats.cjkCharacters()).isZero();
  }

  @Test
  void mixed_text_counts_both_kinds() {
    TextStats stats = TextStats.of("我们用Kafka 3处理日志");
    assertThat(stats.cjkCharacters()).isEqualTo(7);
    assertThat(stats.latinWords()).isEqualTo(2);
    assertThat(stats.words()).isEqualTo(9);
  }

  @Test
  void kana_and_hangul_count_per_character() {
    assertThat(TextStats.of("カタカナとひらがな").cjkCharacters()).isEqualTo(9);
    assertThat(TextStats.of("한국어 문장").cjkCharacters()).isEqualTo(5);
    assertThat(TextStats.of("コーヒー").cjkCharacters()).isEqualTo(4);
  }

  @Test
  void characters_outside_the_basic_plane_count_once() {
    // 𠮷 is one code point written as two UTF-16 units.
    assertThat(TextStats.of("𠮷野家").cjkCharacters()).isEqualTo(3);
  }

  @Test
  void reading_time_mixes_both_speeds_and_rounds_up() {
    assertThat(TextStats.of("字".repeat(300)).readingMinutes()).isEqualTo(1);
    assertThat(TextStats.of("字".repeat(301)).readingMinutes()).isEqualTo(2);
    assertThat(TextStats.of("word ".repeat(400)).readingMinutes()).isEqualTo(2);
    // 150 characters = half a minute, 100 words = half a minute
    assertThat(TextStats.of("字".repeat(150) + " " + "word ".repeat(100)).readingMinutes()).isEqualTo(1);
    assertThat(TextStats.of("字".repeat(450) + " " + "word ".repeat(300)).readingMinutes()).isEqualTo(3);
  }

  @Test
  void reading_time_is_at_least_one_minute() {
    assertThat(TextStats.of("").readingMinutes()).isEqualTo(1);
    assertThat(TextStats.of("").words()).isZero();
  }

  @Test
  void parse_counts_the_prose_of_a_document() {
    ParsedMarkdown parsed = new MarkdownEngine().parse("## 标题\n\n中文\n内容 with English.\n\n```\nignored code here\n```");
    assertThat(parsed.stats()).isEqualTo(new TextStats(8, 6, 2, 1));
  }
}
