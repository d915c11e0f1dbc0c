package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HighlighterTest {

  private final MarkdownEngine engine = new MarkdownEngine();

  private Element code(String language, String source) {
    String html = engine.render(engine.parse("```" + language + "\n" + source + "\n```\n")).html();
    return Jsoup.parseBodyFragment(html).selectFirst("pre");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      java       | public class A { int x = 42; }           | k:public    | m:42
      kotlin     | fun main() { val s = "hi" }               | k:fun       | s:"hi"
      go         | func main() { return }                    | k:func      | k:return
      python     | def f(): return 'x'  # note              | k:def       | c:# note
      javascript | const a = 1; // one                       | k:const     | c:// one
      typescript | let n: number = 2;                        | k:let       | m:2
      sql        | SELECT id FROM t WHERE a = 'x'            | k:SELECT    | s:'x'
      bash       | echo "hello" # greet                      | s:"hello"   | c:# greet
      sh         | if [ -f x ]; then echo; fi                | k:if        | k:then
      yaml       | 'name: app # the name'                    | c:# the name | -
      json       | '{"a": true, "b": 3}'                     | kc:true     | m:3
      xml        | <a href="x">t</a>                         | nt:a        | s:"x"
      html       | <p class="x">hi</p>                       | nt:p        | na:class
      css        | 'a { color: red; }'                       | -           | -
      dockerfile | FROM eclipse-temurin:17                   | k:FROM      | -
      markdown   | '# Title'                                 | -           | -
      """)
  void common_languages_come_out_highlighted(String language, String source, String first, String second) {
    Element pre = code(language, source);
    Element code = pre.selectFirst("code");
    assertThat(code.hasClass("language-" + language)).isTrue();
    assertThat(code.text()).isEqualTo(source);
    assertThat(code.select("span")).as("some token of %s is coloured", language).isNotEmpty();
    for (String expected : new String[] {first, second}) {
      if (!expected.equals("-")) {
        String cls = expected.substring(0, expected.indexOf(':'));
        String text = expected.substring(expected.indexOf(':') + 1);
        assertThat(code.select("span." + cls).eachText()).as("%s tokens of %s", cls, language).contains(text);
      }
    }
  }

  @Test
  void an_unknown_language_is_plain_escaped_text_with_its_class_kept() {
    Element code = code("brainfuck", "<b>&amp;</b> ++[>+<-]").selectFirst("code");
    assertThat(code.className()).isEqualTo("language-brainfuck");
    assertThat(code.children()).isEmpty();
    assertThat(code.text()).isEqualTo("<b>&amp;</b> ++[>+<-]");
  }

  @Test
  void a_block_without_language_is_plain_text() {
    String html = engine.render(engine.parse("```\nx < y\n```\n")).html();
    assertThat(html).contains("<pre><code>x &lt; y\n</code></pre>");
  }

  @Test
  void a_comment_spanning_lines_stays_a_comment_on_every_line() {
    Element code = code("java", "/* one\n   two */ int x;").selectFirst("code");
    assertThat(code.wholeText()).isEqualTo("/* one\n   two */ int x;\n");
    assertThat(code.select("span.c").eachText()).containsExactly("/* one", "two */");
    assertThat(code.select("span.kt, span.k").eachText()).contains("int");
  }

  @Test
  void markup_inside_code_is_escaped() {
    String html = engine.render(engine.parse("```java\nString s = \"</code><script>\";\n```\n")).html();
    assertThat(html).doesNotContain("<script>").contains("&lt;/code&gt;&lt;script&gt;");
  }

  @Test
  void mermaid_blocks_are_left_as_text_for_the_diagram_script() {
    String html = engine.render(engine.parse("```mermaid\ngraph TD\n  A-->B\n```\n")).html();
    assertThat(html).contains("<pre class=\"mermaid\">graph TD\n  A--&gt;B\n</pre>");
    assertThat(html).doesNotContain("<span");
  }

  @Test
  void the_same_block_is_remembered_once_and_gives_the_same_html_from_many_threads() throws Exception {
    Highlighter h = new Highlighter(true);
    String src = "public class A {\n  /* c */ String s = \"x\";\n}\n";
    String expected = h.highlight("java", src);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = pool.invokeAll(java.util.Collections.nCopies(64, () -> h.highlight("java", src)));
      for (Future<String> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(h.cached()).isEqualTo(1);
  }

  @Test
  void a_highlighter_that_remembers_nothing_gives_the_same_html() {
    String src = "SELECT id FROM t WHERE a = 'x';\n";
    Highlighter forgetful = new Highlighter(false);
    assertThat(forgetful.highlight("sql", src)).isEqualTo(new Highlighter(true).highlight("sql", src)).contains("<span");
    assertThat(forgetful.cached()).isZero();
  }
}
