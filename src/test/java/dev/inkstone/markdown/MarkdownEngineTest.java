package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownEngineTest {

  private final MarkdownEngine engine = new MarkdownEngine();

  private String html(String markdown) {
    return engine.render(engine.parse(markdown)).html();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      table           | '| a | b |\\n|---|---|\\n| 1 | 2 |'         | <td>1</td><td>2</td>
      task list       | - [x] done\\n- [ ] todo                     | class="task-list-item-checkbox" checked disabled>
      strikethrough   | ~~gone~~                                    | <del>gone</del>
      autolink        | see https://example.com now                 | <a href="https://example.com">https://example.com</a>
      footnote        | Note[^1]\\n\\n[^1]: the note                 | <li id="fn-1">
      definition list | Term\\n: Definition                          | <dl>\\n<dt>Term</dt>\\n<dd>Definition</dd>
      fenced code     | ```java\\nint x;\\n```                       | <pre><code class="language-java"><span class="kt">int</span> x;
      raw html block  | '<div class="note">trusted</div>'           | <div class="note">trusted</div>
      raw html inline | press <kbd>Ctrl</kbd> now                   | press <kbd>Ctrl</kbd> now
      pebble output   | '{{ page.title }}'                          | <p>{{ page.title }}</p>
      pebble tag      | '{% if draft %}x{% endif %}'                | <p>{% if draft %}x{% endif %}</p>
      cjk soft break  | 第一行\\n第二行                              | <p>第一行第二行</p>
      """)
  void renders(String feature, String markdown, String expectedFragment) {
    String md = markdown.replace("\\n", "\n");
    assertThat(html(md)).contains(expectedFragment.replace("\\n", "\n"));
  }

  @Test
  void template_syntax_is_not_escaped_or_interpreted() {
    assertThat(html("Title: {{ page.title | upper }} and {% raw %}")).contains("{{ page.title | upper }} and {% raw %}");
  }

  @Test
  void a_soft_break_between_two_cjk_characters_renders_as_nothing() {
    assertThat(html("中文的句子，\n接着写。\n还有")).contains("<p>中文的句子，接着写。还有</p>");
  }

  @Test
  void a_soft_break_between_latin_words_or_cjk_and_latin_is_kept() {
    assertThat(html("one\ntwo")).contains("<p>one\ntwo</p>");
    assertThat(html("中文\nEnglish")).contains("<p>中文\nEnglish</p>");
    assertThat(html("English\n中文")).contains("<p>English\n中文</p>");
  }

  @Test
  void a_soft_break_sees_through_emphasis_and_inline_code() {
    assertThat(html("**粗体**\n文字")).contains("<p><strong>粗体</strong>文字</p>");
    assertThat(html("使用 `命令`\n执行")).contains("<code>命令</code>执行");
  }

  @Test
  void a_soft_break_between_hangul_is_kept_because_korean_separates_words() {
    assertThat(html("한국어\n문장")).contains("한국어\n문장");
  }

  @Test
  void plain_text_drops_soft_breaks_between_cjk_and_keeps_a_space_otherwise() {
    ParsedMarkdown parsed = engine.parse("第一行\n第二行\n\nline one\nline two");
    assertThat(parsed.plainText()).isEqualTo("第一行第二行\nline one line two");
  }

  @Test
  void plain_text_leaves_out_code_blocks_and_html_but_keeps_inline_code() {
    ParsedMarkdown parsed = engine.parse("Use `map` here.\n\n```java\nint ignored;\n```\n\n<div>markup</div>\n");
    assertThat(parsed.plainText()).isEqualTo("Use map here.");
  }

  @Test
  void heading_ids_keep_chinese_and_lower_case_latin() {
    String html = html("## 为什么选择 Kafka？\n\n## Istanbul İzmir");
    assertThat(html).contains("<h2 id=\"为什么选择-kafka\">为什么选择 Kafka？</h2>");
    assertThat(html).contains("<h2 id=\"istanbul-i̇zmir\">");
  }

  @Test
  void duplicate_headings_get_numbered_ids() {
    ParsedMarkdown parsed = engine.parse("## Setup\n\n## Setup\n\n## Setup\n\n## 安装\n\n## 安装");
    assertThat(parsed.headings()).extracting(Heading::id)
        .containsExactly("setup", "setup-1", "setup-2", "安装", "安装-1");
  }

  @Test
  void ids_in_the_html_are_the_ids_in_the_toc() {
    RenderedMarkdown rendered = engine.render(engine.parse(
        "# 标题\n\n## 第一节：开始\n\n### Step *one*\n\n## 第一节：开始\n\n## ！！！"));
    Document dom = Jsoup.parse(rendered.html());
    List<String> htmlIds = dom.select("h1, h2, h3, h4, h5, h6").eachAttr("id");
    List<String> tocIds = new ArrayList<>();
    collectIds(rendered.toc(), tocIds);
    assertThat(htmlIds).containsExactly("标题", "第一节-开始", "step-one", "第一节-开始-1", "section");
    assertThat(tocIds).isEqualTo(htmlIds);
  }

  private static void collectIds(List<TocEntry> entries, List<String> into) {
    for (TocEntry entry : entries) {
      into.add(entry.id());
      collectIds(entry.children(), into);
    }
  }

  @Test
  void headings_carry_level_id_and_plain_text() {
    ParsedMarkdown parsed = engine.parse("## Use `Kafka` **now**");
    assertThat(parsed.headings()).containsExactly(new Heading(2, "use-kafka-now", "Use Kafka now"));
  }

  @Test
  void the_toc_nests_even_when_levels_are_skipped() {
    List<TocEntry> toc = engine.render(engine.parse(
        "## A\n\n#### A.1\n\n### A.2\n\n## B\n\n### B.1\n\n# C")).toc();
    assertThat(toc).extracting(TocEntry::text).containsExactly("A", "B", "C");
    assertThat(toc.get(0).children()).extracting(TocEntry::text).containsExactly("A.1", "A.2");
    assertThat(toc.get(0).children().get(0).level()).isEqualTo(4);
    assertThat(toc.get(1).children()).extracting(TocEntry::text).containsExactly("B.1");
    assertThat(toc.get(2).children()).isEmpty();
  }

  @Test
  void a_deeper_heading_before_a_shallower_one_starts_its_own_branch() {
    List<TocEntry> toc = engine.render(engine.parse("#### deep\n\n## shallow")).toc();
    assertThat(toc).extracting(TocEntry::text).containsExactly("deep", "shallow");
  }

  @Test
  void the_more_marker_ends_the_excerpt() {
    ParsedMarkdown parsed = engine.parse("第一段。\n\n第二段。\n\n<!--more-->\n\n正文。");
    RenderedMarkdown rendered = engine.render(parsed);
    assertThat(parsed.hasMoreMarker()).isTrue();
    assertThat(rendered.excerptHtml()).isEqualTo("<p>第一段。</p>\n<p>第二段。</p>\n");
    assertThat(rendered.html()).contains("<p>正文。</p>");
  }

  @Test
  void the_more_marker_tolerates_spaces() {
    ParsedMarkdown parsed = engine.parse("intro\n\n<!-- more -->\n\nrest");
    assertThat(parsed.hasMoreMarker()).isTrue();
    assertThat(engine.render(parsed).excerptHtml()).isEqualTo("<p>intro</p>\n");
  }

  @Test
  void without_a_marker_there_is_no_excerpt() {
    ParsedMarkdown parsed = engine.parse("intro <!--more--> inline is not a marker\n\n```\n<!--more-->\n```");
    assertThat(parsed.hasMoreMarker()).isFalse();
    assertThat(engine.render(parsed).excerptHtml()).isNull();
  }

  @Test
  void the_link_resolver_sees_inline_reference_and_image_destinations() {
    List<String> seen = new CopyOnWriteArrayList<>();
    LinkResolver resolver = destination -> {
      seen.add(destination);
      return "/site/" + destination.replace("../", "").replace("./", "");
    };
    String markdown = """
        [inline](./other.md) and ![pic](../images/a.png) and [ref][r] and ![refpic][p]
        and <https://auto.example> and https://bare.example

        [r]: ../2023/other.md#part
        [p]: ./img/b.png
        """;
    String html = engine.render(engine.parse(markdown), resolver).html();
    assertThat(seen).containsExactlyInAnyOrder(
        "./other.md", "../images/a.png", "../2023/other.md#part", "./img/b.png");
    assertThat(html)
        .contains("<a href=\"/site/other.md\">inline</a>")
        .contains("<img src=\"/site/images/a.png\" alt=\"pic\" />")
        .contains("<a href=\"/site/2023/other.md#part\">ref</a>")
        .contains("<img src=\"/site/img/b.png\" alt=\"refpic\" />")
        .contains("<a href=\"https://auto.example\">")
        .contains("<a href=\"https://bare.example\">");
  }

  @Test
  void every_kind_of_html_block_passes_through_when_documents_are_parsed_at_once() {
    // One HTML block parser serves every document of an engine (SharedHtmlBlocks).
    String markdown = """
        <script>let a = 1;

        still script</script>

        <!-- a comment
        over lines -->

        <?php echo 1; ?>

        <!DOCTYPE html>

        <![CDATA[ x < y ]]>

        <table><tr><td>cell</td></tr></table>

        <custom-tag data-x="1">
        *not emphasis in here*

        - item

          <div>in a list</div>

        > <section>quoted</section>

        Text before
        <div>a block tag interrupts a paragraph</div>
        """;
    List<String> pages = java.util.stream.IntStream.range(0, 64).parallel().mapToObj(i -> html(markdown)).toList();

    assertThat(pages).containsOnly(pages.get(0));
    assertThat(pages.get(0)).contains(
        "<script>let a = 1;\n\nstill script</script>",
        "<!-- a comment\nover lines -->",
        "<?php echo 1; ?>",
        "<!DOCTYPE html>",
        "<![CDATA[ x < y ]]>",
        "<table><tr><td>cell</td></tr></table>",
        "<custom-tag data-x=\"1\">\n*not emphasis in here*",
        "<p>item</p>\n<div>in a list</div>",
        "<blockquote>\n<section>quoted</section>\n</blockquote>",
        "<p>Text before</p>\n<div>a block tag interrupts a paragraph</div>");
  }

  @Test
  void tables_are_found_wherever_a_paragraph_holds_a_pipe() {
    // QuickTables hands only paragraphs with a | to the table parser
    assertThat(html("a | b\n---|---\n1 | 2")).contains("<th>a</th><th>b</th>", "<td>1</td><td>2</td>");
    assertThat(html("> | a | b |\n> |---|---|\n> | 1 | 2 |")).contains("<blockquote>\n<table>", "<td>1</td><td>2</td>");
    assertThat(html("- item\n\n  | a |\n  |---|\n  | 1 |")).contains("<li>\n<p>item</p>\n<table>");
    assertThat(html("no pipe here\n---|---")).contains("<p>no pipe here\n---|---</p>");
    assertThat(html("x | y")).contains("<p>x | y</p>");
    // GFM: one hyphen is a delimiter cell
    assertThat(html("a | b\n-|:-:\n1 | 2")).contains("<th>a</th><th align=\"center\">b</th>", "<td>1</td><td align=\"center\">2</td>");
  }

  @Test
  void brackets_without_a_reference_definition_stay_text() {
    List<String> seen = new CopyOnWriteArrayList<>();
    LinkResolver resolver = destination -> {
      seen.add(destination);
      return "/site/" + destination;
    };
    String html = engine.render(engine.parse("""
        arr[i] = 0, see [1], [TOC] and [the previous post](#root cause), but [defined] links.

        [defined]: other.md
        """), resolver).html();
    assertThat(html).contains("arr[i] = 0, see [1], [TOC] and [the previous post](#root cause), but ")
        .contains("<a href=\"/site/other.md\">defined</a>").doesNotContain("href=\"/site/i\"");
    assertThat(seen).containsExactly("other.md");
  }

  @Test
  void each_render_uses_its_own_link_resolver() {
    ParsedMarkdown parsed = engine.parse("[a](x.md)");
    assertThat(engine.render(parsed, d -> "/one/").html()).contains("href=\"/one/\"");
    assertThat(engine.render(parsed, d -> "/two/").html()).contains("href=\"/two/\"");
    assertThat(engine.render(parsed).html()).contains("href=\"x.md\"");
  }

  @Test
  void rendering_twice_gives_the_same_html() {
    ParsedMarkdown parsed = engine.parse(richDocument(0));
    RenderedMarkdown first = engine.render(parsed, d -> "/r/" + d);
    RenderedMarkdown second = engine.render(parsed, d -> "/r/" + d);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void concurrent_rendering_gives_identical_html() throws Exception {
    List<ParsedMarkdown> docs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      docs.add(engine.parse(richDocument(i)));
    }
    List<RenderedMarkdown> expected = docs.stream().map(d -> engine.render(d, dest -> "/r/" + dest)).toList();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 400; t++) {
        int index = t % docs.size();
        tasks.add(() -> engine.render(docs.get(index), dest -> "/r/" + dest).equals(expected.get(index)));
      }
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void parsing_from_several_threads_is_safe() throws Exception {
    String markdown = richDocument(7);
    String expected = engine.render(engine.parse(markdown)).html();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> tasks = new ArrayList<>();
      for (int t = 0; t < 100; t++) {
        tasks.add(() -> engine.render(engine.parse(markdown)).html());
      }
      for (Future<String> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String richDocument(int n) {
    return """
        # 文档 %d

        这是**粗体：**后面的文字，见[链接](../2023/other.md#part)。[^note]
        第二行接着写。

        ## 为什么选择 Kafka？

        ![图](./img/a.png)

        | a | b |
        |---|---|
        | 1 | 2 |

        <!--more-->

        ## 为什么选择 Kafka？

        - [x] done

        [^note]: 脚注内容。
        """.formatted(n);
  }
}
