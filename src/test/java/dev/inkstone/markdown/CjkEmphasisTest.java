package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CjkEmphasisTest {

  private final MarkdownEngine engine = new MarkdownEngine();

  private String paragraph(String markdown) {
    return engine.render(engine.parse(markdown)).html().strip();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      **粗体：**后面的文字            | <p><strong>粗体：</strong>后面的文字</p>
      *斜体：*后面                    | <p><em>斜体：</em>后面</p>
      **“引号”**后面                  | <p><strong>“引号”</strong>后面</p>
      这是**重点**内容                | <p>这是<strong>重点</strong>内容</p>
      前面**（括号）**后面            | <p>前面<strong>（括号）</strong>后面</p>
      **重要提示（Important）：**请注意 | <p><strong>重要提示（Important）：</strong>请注意</p>
      *这是斜体文字（带括号）。*继续   | <p><em>这是斜体文字（带括号）。</em>继续</p>
      ~~旧方法（已废弃）。~~新方法     | <p><del>旧方法（已废弃）。</del>新方法</p>
      **このアスタリスク。**この文    | <p><strong>このアスタリスク。</strong>この文</p>
      使用**`npm publish`**命令       | <p>使用<strong><code>npm publish</code></strong>命令</p>
      ***粗斜体：***后面              | <p><em><strong>粗斜体：</strong></em>后面</p>
      """)
  void emphasis_closes_next_to_cjk_punctuation(String markdown, String html) {
    assertThat(paragraph(markdown)).isEqualTo(html);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"中_文_字", "中文__粗体__中文", "snake_case_word"})
  void underscores_inside_words_stay_literal(String markdown) {
    assertThat(paragraph(markdown)).isEqualTo("<p>" + markdown + "</p>");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      `**粗体：**后面`   | <p><code>**粗体：**后面</code></p>
      \\*\\*粗体：\\*\\*后面 | <p>**粗体：**后面</p>
      """)
  void code_spans_and_escapes_are_untouched(String markdown, String html) {
    assertThat(paragraph(markdown)).isEqualTo(html);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ***foo***bar   | <p><em><strong>foo</strong></em>bar</p>
      foo***bar***   | <p>foo<em><strong>bar</strong></em></p>
      """)
  void runs_that_are_both_multiples_of_three_match_as_commonmark_says(String markdown, String html) {
    // Stock flexmark 0.64 leaves these literal; CommonMark 0.29+ matches them.
    assertThat(paragraph(markdown)).isEqualTo(html);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "**bold**text", "*foo*bar", "foo*bar*", "a * b * c", "**foo.**bar", "*(foo)*bar", "foo**(bar)**",
      "_foo_bar", "foo_bar_", "__strong__", "**a** **b**", "*a **b** c*", "***x***", "a*\"foo\"*",
      "**\"quoted\"**text", "x ~~gone~~ y", "~~a.~~b", "2*3*4", "*$*a", "**Gomphocarpus (*G. physocarpus*)**",
  })
  void latin_text_parses_exactly_as_stock_flexmark(String markdown) {
    assertThat(paragraph(markdown)).isEqualTo(stockFlexmark(markdown));
  }

  /** The reference: flexmark with only the strikethrough extension, no CJK rules. */
  private static String stockFlexmark(String markdown) {
    var options = new com.vladsch.flexmark.util.data.MutableDataSet();
    options.set(Parser.EXTENSIONS, java.util.List.of(
        com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension.create()));
    Parser parser = Parser.builder(options).build();
    HtmlRenderer renderer = HtmlRenderer.builder(options).build();
    return renderer.render(parser.parse(markdown)).strip();
  }
}
