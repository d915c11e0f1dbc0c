package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CompactTextTest {

  @Test
  void compressed_text_comes_back_as_it_went_in() {
    String html = "<p>缓存一致性 cache coherence 😀 </p>\n".repeat(200);
    assertThat(CompactText.of(html, true).text()).isEqualTo(html);
    assertThat(CompactText.of("", true).text()).isEmpty();
    assertThat(CompactText.of("short", true).text()).isEqualTo("short");
  }

  @Test
  void a_head_compressed_on_its_own_reads_back_alone_and_with_the_rest() {
    String excerpt = "<p>开头一段 the opening 😀</p>\n".repeat(20);
    String html = excerpt + "<h2>正文</h2>\n" + "<p>很长的一段话 and more.</p>\n".repeat(300);
    CompactText compact = CompactText.of(html, true, excerpt.length());
    CompactText plain = CompactText.of(html, false, excerpt.length());

    assertThat(compact.head()).isEqualTo(excerpt).isEqualTo(plain.head());
    assertThat(compact.text()).isEqualTo(html).isEqualTo(plain.text());
    assertThat(CompactText.of(html, true).head()).isNull();
    assertThat(CompactText.of(html, true, 0).head()).isEmpty();
    assertThat(CompactText.of(html, true, html.length()).head()).isEqualTo(html);
  }

  @Test
  void either_codec_gives_back_the_text_and_its_head() {
    String excerpt = "<p>开头一段 the opening 😀</p>\n".repeat(20);
    String html = excerpt + "<p>正文 body</p>\n".repeat(300);
    for (CompactText.Codec codec : CompactText.Codec.values()) {
      CompactText compact = CompactText.of(html, codec, excerpt.length());
      assertThat(compact.text()).as(codec.name()).isEqualTo(html);
      assertThat(compact.head()).as(codec.name()).isEqualTo(excerpt);
      assertThat(CompactText.of(html, codec, -1).text()).as(codec.name()).isEqualTo(html);
    }
  }

  @Test
  void zstandard_is_the_codec_where_its_native_library_ships() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64")));

    assertThat(CompactText.Codec.BEST).isEqualTo(CompactText.Codec.ZSTD);
  }

  @Test
  void a_head_that_would_split_a_surrogate_pair_is_still_read_back_whole() {
    String html = "<p>emoji 😀 text</p>".repeat(10);
    int inside = html.indexOf('😀') + 1; // between the two halves of the pair
    CompactText compact = CompactText.of(html, true, inside);

    assertThat(compact.text()).isEqualTo(html);
    assertThat(compact.head()).isEqualTo(html.substring(0, inside));
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
