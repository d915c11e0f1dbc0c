package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown is rendered at parse time with placeholders, filled once the permalinks are known. */
class PlaceholdersTest {
  private final MarkdownEngine engine = new MarkdownEngine();

  @Test
  void a_resolved_url_is_escaped_like_flexmark_escapes_a_written_one() {
    ParsedMarkdown doc = engine.parse("[a](x.md?a=1&b=2 \"t\") ![i](./p.png)");
    assertThat(engine.render(doc).html()).contains("href=\"x.md?a=1&amp;b=2\"").contains("src=\"./p.png\"");
    assertThat(engine.render(doc, d -> d.startsWith("x.md") ? "/posts/x/?q=\"1\"&r" : d).html())
        .contains("href=\"/posts/x/?q=&quot;1&quot;&amp;r\"").contains("title=\"t\"");
  }

  @Test
  void text_that_holds_the_placeholder_characters_still_renders_its_links() {
    ParsedMarkdown doc = engine.parse("odd \u0002 char and [a](b.md)");
    assertThat(engine.render(doc, d -> "/resolved/").html()).contains("href=\"/resolved/\"").contains("\u0002");
  }

  @Test
  void the_excerpt_gets_the_same_resolved_links() {
    ParsedMarkdown doc = engine.parse("see [it](a.md)\n\n<!--more-->\n\nrest [b](b.md)");
    RenderedMarkdown r = engine.render(doc, d -> "/" + d.replace(".md", "/"));
    assertThat(r.excerptHtml()).contains("href=\"/a/\"").doesNotContain("/b/");
    assertThat(r.html()).contains("href=\"/a/\"").contains("href=\"/b/\"");
  }

  @Test
  void filling_the_utf8_gives_the_bytes_of_the_filled_string() {
    List<String> resolved = new java.util.ArrayList<>();
    StringBuilder html = new StringBuilder("<p>开头 😀 ");
    for (int i = 0; i < 30; i++) {
      resolved.add(i % 3 == 0 ? "/文章/" + i + "/" : i % 3 == 1 ? "" : "https://example.com/?q=" + "x".repeat(i * 10));
      html.append("<a href=\"").append(Placeholders.OPEN).append(i).append(Placeholders.CLOSE).append("\">链接").append(i).append("</a> ");
    }
    html.append("结尾</p>\n");
    for (String text : List.of(html.toString(), "no links at all 没有", "")) {
      RenderedMarkdown.Utf8 utf8 = Placeholders.fillUtf8(text, resolved);
      byte[] expected = Placeholders.fill(text, resolved).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(java.util.Arrays.copyOf(utf8.bytes(), utf8.length())).isEqualTo(expected);
    }
  }
}
