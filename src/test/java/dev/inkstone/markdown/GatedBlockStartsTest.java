package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gated block starts parse every line exactly as flexmark's own factories do. */
class GatedBlockStartsTest {
  private static final DataHolder CORE = new MutableDataSet().toImmutable();
  private static final DataHolder GATED = new MutableDataSet()
      .set(Parser.HTML_BLOCK_PARSER, false)
      .set(Parser.HEADING_PARSER, false)
      .set(Parser.FENCED_CODE_BLOCK_PARSER, false)
      .set(Parser.THEMATIC_BREAK_PARSER, false)
      .toImmutable();

  private static final Parser CORE_PARSER = Parser.builder(CORE).build();
  private static final Parser GATED_PARSER = Parser.builder(GATED)
      .customBlockParserFactory(new GatedBlockStarts.Headings())
      .customBlockParserFactory(new GatedBlockStarts.Fences())
      .customBlockParserFactory(new SharedHtmlBlocks())
      .customBlockParserFactory(new GatedBlockStarts.ThematicBreaks())
      .build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder(CORE).build();

  private static String core(String markdown) {
    return RENDERER.render(CORE_PARSER.parse(markdown));
  }

  private static String gated(String markdown) {
    return RENDERER.render(GATED_PARSER.parse(markdown));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "# 标题\n\n## Heading ##\n\n###### six\n\n####### seven\n\n#hashtag\n",
      "   # three spaces\n\n    # four spaces is code\n",
      "Setext one\n===\n\nSetext two\n---\n\n微服务\n- - -\n",
      "```java\nint x = 1;\n```\n\n~~~\ntilde\n~~~\n\n``not a fence``\n\n  ```\n  indented fence\n  ```\n",
      "***\n\n___\n\n- - -\n\n* * *\n\n-- not a break\n\n_emphasis_ and *more*\n",
      "- item\n- item\n\n* star item\n* * *\n\n1. one\n2. two\n",
      "> # quoted heading\n> ```\n> quoted fence\n> ```\n> ---\n",
      "- list\n  # heading in item\n  ```\n  fence in item\n  ```\n  ***\n",
      "paragraph\n# interrupts\nparagraph\n```\ninterrupts too\n```\nparagraph\n***\n",
      "<div>\n# not a heading in html\n</div>\n\n<!-- comment -->\n---\n",
      "",
      "#",
      "-",
      "\n\n   \n",
  })
  void parsesAsFlexmarkDoes(String markdown) {
    assertThat(gated(markdown)).isEqualTo(core(markdown));
  }

  @Test
  void aLineOpeningNoSuchBlockIsNotAsked() {
    assertThat(gated("plain text\n# heading\n")).contains("<h1>heading</h1>");
    assertThat(gated("plain\n---\n")).isEqualTo("<h2>plain</h2>\n");
    assertThat(gated("---\n")).isEqualTo("<hr />\n");
  }

  @Test
  void theDemoBlogParsesAsWithFlexmarksFactories() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("content"))) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String markdown = Files.readString(file);
      assertThat(gated(markdown)).as(file.toString()).isEqualTo(core(markdown));
    }
  }
}
