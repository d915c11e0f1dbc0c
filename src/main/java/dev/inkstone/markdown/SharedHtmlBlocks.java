package dev.inkstone.markdown;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.Set;

/**
 * flexmark's own HTML block parser, set up once per engine instead of once per document.
 *
 * <p>flexmark asks every block parser factory for a fresh instance per document, and the HTML
 * block one compiles its thirteen regular expressions in each: 2 % of a 10,000-post build. Its
 * instance holds only settings and those expressions, all the same for every document of an
 * engine, so one instance serves them all, from any thread. The core factory is turned off
 * ({@code Parser.HTML_BLOCK_PARSER}) and this one takes its place, with the same neighbours: after
 * block quotes, headings and fenced code, before thematic breaks, lists and indented code (the
 * first three of which {@link GatedBlockStarts} stands in for).
 */
final class SharedHtmlBlocks extends SharedBlockFactory {
  private final HtmlBlockParser.Factory core = new HtmlBlockParser.Factory();

  @Override
  BlockParserFactory make(DataHolder options) {
    return core.apply(options);
  }

  @Override
  public Set<Class<?>> getAfterDependents() {
    return Set.of(BlockQuoteParser.Factory.class, GatedBlockStarts.Headings.class, GatedBlockStarts.Fences.class);
  }

  @Override
  public Set<Class<?>> getBeforeDependents() {
    return Set.of(GatedBlockStarts.ThematicBreaks.class, ListBlockParser.Factory.class, IndentedCodeBlockParser.Factory.class);
  }
}
