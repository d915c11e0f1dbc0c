package dev.inkstone.markdown;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * GFM tables as flexmark's tables extension parses and renders them, with one shortcut: a
 * paragraph without a {@code |} never reaches its table parser. That parser looks at every
 * paragraph of a post, through flexmark's character sequences one call per character, to find
 * what a scan of the source for {@code |} tells at once (a table's first line holds one): 2 to 3 %
 * of a build.
 */
final class QuickTables implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  private final TablesExtension tables = TablesExtension.create();

  @Override
  public void parserOptions(MutableDataHolder options) {
    tables.parserOptions(options);
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder.paragraphPreProcessorFactory(new Factory(TableParagraphPreProcessor.Factory()));
  }

  @Override
  public void rendererOptions(MutableDataHolder options) {
    tables.rendererOptions(options);
  }

  @Override
  public void extend(HtmlRenderer.Builder builder, String rendererType) {
    tables.extend(builder, rendererType);
  }

  /**
   * The extension's own factory, with its own order among the others, behind the shortcut. Its
   * pre-processor holds only settings and a compiled expression, the same for every document of
   * an engine, and keeps no state between calls: one serves every document, from any thread
   * (flexmark makes one per document, compiling the expression each time).
   */
  static final class Factory implements ParagraphPreProcessorFactory {
    private final ParagraphPreProcessorFactory core;
    private volatile ParagraphPreProcessor shared;

    Factory(ParagraphPreProcessorFactory core) {
      this.core = core;
    }

    @Override
    public ParagraphPreProcessor apply(ParserState state) {
      return (block, parser) -> {
        if (SourceText.indexOf(block.getChars(), '|') < 0) {
          return 0;
        }
        ParagraphPreProcessor table = shared;
        if (table == null) {
          // two threads may both make one; either serves, as both read the same settings
          table = core.apply(parser);
          shared = table;
        }
        return table.preProcessBlock(block, parser);
      };
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return core.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return core.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
      return core.affectsGlobalScope();
    }
  }
}
