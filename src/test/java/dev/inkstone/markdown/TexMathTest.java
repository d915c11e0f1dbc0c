package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TexMathTest {
  private final MarkdownEngine engine = new MarkdownEngine();

  private String html(String markdown) {
    return engine.render(engine.parse(markdown)).html();
  }

  @Test
  void inline_math_is_kept_away_from_emphasis_and_escaped() {
    assertThat(html("设 $a*b*c < d_1$ 成立")).contains("<span class=\"math math-inline\">\\(a*b*c &lt; d_1\\)</span>")
        .doesNotContain("<em>");
  }

  @Test
  void display_math_spans_lines() {
    assertThat(html("$$\n\\sum_{i=1}^n i\n$$")).contains("<span class=\"math math-display\">\\[\\sum_{i=1}^n i\\]</span>");
  }

  @Test
  void each_display_closes_at_the_next_double_dollar_and_an_unclosed_one_stays_text() {
    assertThat(html("先 $$a$$ 再 $$b$$ 完")).contains("\\[a\\]</span> 再 <span class=\"math math-display\">\\[b\\]");
    assertThat(html("只有 $$ 一个")).doesNotContain("math").contains("只有 $$ 一个");
  }

  @Test
  void prices_with_dollar_signs_stay_text() {
    String html = html("It costs $5 and $10, or $ 3 $.");
    assertThat(html).doesNotContain("math").contains("$5 and $10, or $ 3 $.");
  }

  @Test
  void pages_know_whether_they_need_the_math_or_diagram_scripts() {
    assertThat(engine.parse("x $y$").hasMath()).isTrue();
    assertThat(engine.parse("```math\nE=mc^2\n```").hasMath()).isTrue();
    assertThat(engine.parse("```mermaid\ngraph TD\n```").hasMermaid()).isTrue();
    ParsedMarkdown plain = engine.parse("costs $5 and `$x$` in code\n\n```java\nint x;\n```");
    assertThat(plain.hasMath()).isFalse();
    assertThat(plain.hasMermaid()).isFalse();
  }
}
