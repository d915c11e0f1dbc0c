package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.bench.CorpusGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DirectHtml} must write exactly what flexmark's renderer writes: every document here is
 * rendered both ways and compared, character for character, along with the destinations each
 * way asked the link resolver about, in order.
 */
class DirectHtmlTest {

  private final MarkdownEngine engine = new MarkdownEngine();

  /** Resolves most destinations to new ones and leaves some alone, writing down what it was asked. */
  static final class Recorder implements LinkResolver {
    final List<String> asked = new ArrayList<>();

    @Override
    public String resolve(String destination) {
      asked.add(destination);
      return destination.contains("keep") ? destination : "/to/" + destination + "?a=1&b=\"2\"";
    }
  }

  /** Renders both ways; true when {@link DirectHtml} took the document. */
  private boolean same(String name, String markdown) {
    Recorder flexmark = new Recorder();
    Recorder direct = new Recorder();
    String[] html = engine.renderBothWays(markdown, flexmark, direct);
    if (html[1] == null) {
      return false;
    }
    assertThat(html[1]).as(name).isEqualTo(html[0]);
    assertThat(direct.asked).as(name).isEqualTo(flexmark.asked);
    return true;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "plain",
      "one\ntwo\n\nthree  \nfour\\\nfive",
      "中文的句子，\n接着写。\nEnglish\n中文",
      "*em* **strong** ***both*** _u_ __uu__ ~~del~~ **粗体：**后面",
      "a `code  span` and `` with ` tick `` and `\n  wrapped\n`",
      "# H1\n## H2 with *em* and `code`\n### 为什么选择 Kafka？\n#### same\n#### same\n###### six",
      "Setext\n===\n\nTwo\n---",
      "escapes \\* \\_ \\[ \\\\ &amp; &copy; &#123; &#x4e2d; &bogus; < > \" ' & AT&T",
      "[link](http://a.example/x \"Title & <more>\") [empty]() [keep](keep/me) [spaces](<a b>) [rel](../p/ 'single')",
      "![alt *em* text](img/a.png \"T\") ![](empty.png) ![keep](keep.png)",
      "[same](x) [same again](x) ![same](x) <http://auto.example/q?a=1&b=2> <mail@example.com>",
      "see https://example.com/path?q=1, www.example.org and me@example.com. 访问https://例子.cn/路径。",
      "[ref][r] [r] [Ref][] ![img][r] [undefined][nope] arr[i] [1] [TOC] ![gone][nope]\n\n[r]: http://r.example \"R title\"\n[keep]: keep/x",
      "[js](javascript:alert(1)) <javascript:alert(2)>",
      "- a\n- b\n  - nested\n  - more\n- c",
      "1. one\n2. two\n\n   para in two\n3. three",
      "3. starts at three\n4. four",
      "- loose\n\n- list\n\n  > quote in item",
      "* [link](x) in item\n+ other marker\n\n1) paren",
      "> quote\n> more\n>\n> > nested\n\nafter",
      "---\n\n***\n\n___",
      "```java\nint x = 1; // <tag> & stuff\n\n\nString s = \"q\";\n```\n\n```\nno language\n```\n\n~~~sql\nSELECT 1;\n~~~",
      "```mermaid\ngraph TD; A-->B;\n```\n\n```math\nE = mc^2\n```",
      "    indented code\n    <b>x</b>\n\n\n    more after blank lines\n\ntext",
      "<div class=\"note\">\n*not md*\n</div>\n\ntext <span>inline</span> and <!-- comment --> here",
      "<!--more-->\n\nafter the marker",
      "text before\n<!-- a comment\nover lines -->\n\n<script>\nlet a = 1 < 2;\n</script>",
      "| a | b | c |\n|:--|:-:|--:|\n| 1 | **2** | `3` |\n| 4 |\n| 5 | 6 | 7 | 8 |",
      "| only | header |\n|---|---|",
      "Inline math $a^2 + b^2$ and display:\n\n$$\n\\int_0^1 x\\,dx < 1\n$$",
      "Hard break with backslash\\\nand spaces  \nend",
      "Line with trailing spaces   \n",
      "&nbsp;&lt;&gt; &#0; &#xFFFF;",
      "[link with `code` and **strong**](u) and [nested ![img](i.png)](outer)",
      "***\n# heading after hr\ntext\n- list right after\n1. ordered right after",
  })
  void writes_what_flexmark_writes(String markdown) {
    assertThat(same(markdown, markdown)).as("DirectHtml takes: " + markdown).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Note[^1]\n\n[^1]: the note",
      "Term\n: Definition",
      "- [x] done\n- [ ] todo",
      "@[bilibili](BV1xx411c7mD)",
      "<script>\nlet a = 1;\n\nlet b = 2;\n</script>",
  })
  void leaves_other_documents_to_flexmark(String markdown) {
    assertThat(engine.renderBothWays(markdown, new Recorder(), new Recorder())[1]).isNull();
  }

  @Test
  void writes_what_flexmark_writes_for_generated_posts() {
    for (int i = 1; i <= 300; i++) {
      String text = CorpusGenerator.post(42, i).text();
      assertThat(same("generated post " + i, body(text))).as("generated post " + i).isTrue();
    }
  }

  @Test
  void writes_what_flexmark_writes_for_the_demo_blog_and_test_fixtures() throws IOException {
    assertThat(compareAll(List.of(Path.of("content"), Path.of("src/test/resources")))).isGreaterThan(10);
  }

  @Test
  void writes_what_flexmark_writes_for_a_real_hugo_blog() throws IOException {
    Path corpus = Path.of("/work/shared/corpora/hugo-en-gopheracademy");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "the shared corpora are not here");
    assertThat(compareAll(List.of(corpus))).isGreaterThan(100);
  }

  /** Compares every Markdown file under the folders; returns how many DirectHtml took. */
  private int compareAll(List<Path> folders) throws IOException {
    int taken = 0;
    for (Path folder : folders) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(folder)) {
        files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
      }
      for (Path file : files) {
        if (same(file.toString(), body(Files.readString(file, StandardCharsets.UTF_8)))) {
          taken++;
        }
      }
    }
    return taken;
  }

  private static final Pattern FRONT_MATTER = Pattern.compile("\\A(?:---\\R.*?\\R---|\\+\\+\\+\\R.*?\\R\\+\\+\\+)\\R", Pattern.DOTALL);

  private static String body(String text) {
    return FRONT_MATTER.matcher(text).replaceFirst("");
  }
}
