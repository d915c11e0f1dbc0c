package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuickAutolinksTest {
  private final MarkdownEngine engine = new MarkdownEngine();

  private String html(String markdown) {
    return engine.render(engine.parse(markdown)).html();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      URL then comma          | 文档在 https://example.com/docs，然后        | <a href="https://example.com/docs">https://example.com/docs</a>，然后
      www then full stop      | 见 www.example.org。                         | <a href="http://www.example.org">www.example.org</a>。
      e-mail then full stop   | 问题发到 dev@example.com。                    | <a href="mailto:dev@example.com">dev@example.com</a>。
      two URLs, one comma     | https://a.example，https://b.example         | <a href="https://a.example">https://a.example</a>，<a href="https://b.example">https://b.example</a>
      full-width parentheses  | 官网（https://example.com/x）                 | （<a href="https://example.com/x">https://example.com/x</a>）
      Chinese in the path     | https://zh.wikipedia.org/wiki/缓存 是百科      | <a href="https://zh.wikipedia.org/wiki/缓存">https://zh.wikipedia.org/wiki/缓存</a> 是百科
      ASCII punctuation       | see https://example.com/a.                   | <a href="https://example.com/a">https://example.com/a</a>.
      escaped text before     | a \\\\* b https://example.com/x                | * b <a href="https://example.com/x">https://example.com/x</a>
      """)
  void links_end_where_a_reader_would_say_they_end(String name, String markdown, String expected) {
    assertThat(html(markdown.replace("\\\\", "\\"))).contains(expected);
  }

  @Test
  void code_and_explicit_links_are_left_alone() {
    assertThat(html("`https://example.com` and [site](https://example.com)"))
        .contains("<code>https://example.com</code>")
        .contains("<a href=\"https://example.com\">site</a>")
        .doesNotContain("<a href=\"https://example.com\">https://example.com</a>");
  }

  @Test
  void text_that_could_hold_a_link_is_scanned_and_plain_prose_is_not() {
    assertThat(QuickAutolinks.mayHoldLink("see https://example.com")).isTrue();
    assertThat(QuickAutolinks.mayHoldLink("go to WWW.example.com")).isTrue();
    assertThat(QuickAutolinks.mayHoldLink("me@example.com")).isTrue();
    assertThat(QuickAutolinks.mayHoldLink("http&#58;//example.com")).isTrue();
    assertThat(QuickAutolinks.mayHoldLink("缓存一致性的三种做法")).isFalse();
    assertThat(QuickAutolinks.mayHoldLink("a www site, and ww.example.com")).isFalse();
  }
}
