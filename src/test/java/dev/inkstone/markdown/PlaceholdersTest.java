package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

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
}
