package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompactTextTest {

  @Test
  void deflated_text_comes_back_as_it_went_in() {
    String html = "<p>缓存一致性 cache coherence 😀 </p>\n".repeat(200);
    assertThat(CompactText.of(html, true).text()).isEqualTo(html);
    assertThat(CompactText.of("", true).text()).isEmpty();
    assertThat(CompactText.of("short", true).text()).isEqualTo("short");
  }

  @Test
  void a_document_parsed_compact_renders_the_same_html_and_text() {
    String markdown = """
        开头一段，链接到 [另一篇](other.md)。

        <!--more-->

        ## 正文

        %s

        ```java
        int x = 1;
        ```
        """.formatted("很长的一段话，with some English words too. ".repeat(100));
    MarkdownEngine plain = new MarkdownEngine(false);
    MarkdownEngine compact = new MarkdownEngine(true);
    ParsedMarkdown a = plain.parse(markdown);
    ParsedMarkdown b = compact.parse(markdown);

    RenderedMarkdown ra = plain.render(a, d -> "/posts/" + d);
    RenderedMarkdown rb = compact.render(b, d -> "/posts/" + d);
    assertThat(rb.html()).isEqualTo(ra.html()).contains("href=\"/posts/other.md\"");
    assertThat(rb.excerptHtml()).isEqualTo(ra.excerptHtml()).contains("开头一段").doesNotContain("正文");
    assertThat(b.plainText()).isEqualTo(a.plainText());
  }
}
