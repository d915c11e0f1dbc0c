package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExcerptsTest {

  @Test
  void short_text_is_returned_whole_without_ellipsis() {
    assertThat(Excerpts.auto("短文。", 10)).isEqualTo("短文。");
    assertThat(Excerpts.auto("line one\n\nline two", 100)).isEqualTo("line one line two");
  }

  @Test
  void chinese_text_is_cut_after_the_last_full_stop() {
    String text = "第一句话写在这里。第二句话也写在这里。第三句话非常非常长，一直写下去没有结束";
    assertThat(Excerpts.auto(text, 25)).isEqualTo("第一句话写在这里。第二句话也写在这里。…");
  }

  @Test
  void chinese_text_may_end_at_a_question_mark_or_semicolon() {
    assertThat(Excerpts.auto("为什么要这样做？因为这样更快，而且更加简单可靠", 12)).isEqualTo("为什么要这样做？…");
    assertThat(Excerpts.auto("第一点说完了；第二点还有很多很多内容要讲", 10)).isEqualTo("第一点说完了；…");
  }

  @Test
  void a_sentence_end_too_far_from_the_limit_is_not_used() {
    String text = "短。" + "这是一段非常长的没有标点的中文文字".repeat(3);
    String excerpt = Excerpts.auto(text, 20);
    assertThat(excerpt).hasSize(21).endsWith("…").startsWith("短。这是");
  }

  @Test
  void english_text_is_cut_after_a_sentence_or_at_a_word_boundary() {
    assertThat(Excerpts.auto("First sentence here. Second sentence is long enough to cut", 30))
        .isEqualTo("First sentence here.…");
    assertThat(Excerpts.auto("A very long sentence without any stop that keeps going", 20))
        .isEqualTo("A very long sentence…");
    assertThat(Excerpts.auto("Some words, and more words", 12)).isEqualTo("Some words…");
  }

  @Test
  void a_decimal_point_is_not_a_sentence_end() {
    assertThat(Excerpts.auto("Version 3.6 brings many things we wanted", 16)).isEqualTo("Version 3.6…");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
  void a_cut_never_splits_a_surrogate_pair(int maxChars) {
    String text = "𠮷野家𠮷𠮷😀😀𠮷の𠮷𠮷😀𠮷家𠮷";
    String excerpt = Excerpts.auto(text, maxChars);
    String body = excerpt.substring(0, excerpt.length() - 1);
    assertThat(excerpt).endsWith("…");
    assertThat(body.codePointCount(0, body.length())).isLessThanOrEqualTo(maxChars);
    assertThat(text).startsWith(body);
    assertThat(Character.isHighSurrogate(body.charAt(body.length() - 1))).isFalse();
  }

  @Test
  void a_cut_keeps_a_combining_mark_with_its_letter() {
    // The limit falls between e and its combining accent: the cut moves before the e.
    assertThat(Excerpts.auto("中文e\u0301中文", 3)).isEqualTo("中文…");
    assertThat(Excerpts.auto("cafe\u0301 au lait", 5)).isEqualTo("cafe\u0301…");
  }

  @Test
  void trailing_commas_are_dropped_before_the_ellipsis() {
    assertThat(Excerpts.auto("前面的内容，后面还有很多很多很多的内容", 6)).isEqualTo("前面的内容…");
  }

  @Test
  void max_chars_must_be_positive() {
    assertThatThrownBy(() -> Excerpts.auto("x", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_text_of_an_html_excerpt_drops_tags_decodes_entities_and_is_one_line() {
    assertThat(Excerpts.textOfHtml("<p>用 <code>&lt;T&gt;</code> 写\n<em>泛型</em>，&quot;a&quot; &amp;&#39;b&#39;</p>\n<p>  next\t</p>\n"))
        .isEqualTo("用 <T> 写 泛型，\"a\" &'b' next");
  }

  @Test
  void the_text_of_html_is_what_stripping_tags_entities_and_whitespace_in_turn_gives() {
    // the rule as a chain of regular expressions, on inputs chosen to trip a one-pass scanner
    String[] inputs = {"a < b", "a <b> c", "x&amp;lt;y", "&lt;b&gt;bold&lt;/b&gt;", "<<p>>", "a\u000B\fb", " \r\n", "",
        "&amp", "&#39", "<p>unclosed <b", "tail >", "&&lt;;", "\u3000全角空格\u3000"};
    for (String html : inputs) {
      String expected = html.replaceAll("(?s)<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
          .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").trim();
      assertThat(Excerpts.textOfHtml(html)).as(html).isEqualTo(expected);
    }
  }

  @Test
  void whitespace_runs_become_one_space_but_other_spaces_stay() {
    assertThat(Excerpts.auto("a\n\n b\tc\u3000d", 100)).isEqualTo("a b c\u3000d");
  }
}
