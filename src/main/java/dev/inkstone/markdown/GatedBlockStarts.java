package dev.inkstone.markdown;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * flexmark's heading, fenced code and thematic break parsers, asked about a line only when it
 * starts with a character that can open such a block, and set up once per engine.
 *
 * <p>flexmark asks every block parser factory about every line that does not continue a
 * paragraph, and these three answer with a regular expression each: about 1.5 % of a
 * 10,000-post build, nearly all of it on lines that start with a letter. Each of their
 * expressions is anchored at the line's first non-space character and needs one of a few
 * characters there ({@code #} or a setext underline for headings, a backtick or tilde for fences,
 * {@code *}, {@code _} or {@code -} for breaks), so any other line gets the answer "none" without
 * asking. Like {@link SharedHtmlBlocks}, each wrapped factory holds only settings and compiled
 * expressions, the same for every document, so one instance serves every document from any
 * thread (flexmark made a new one per document, compiling the heading expressions each time).
 * The core factories are turned off and these take their places in flexmark's order: block
 * quotes, headings, fenced code, HTML blocks, thematic breaks, lists, indented code.
 */
final class GatedBlockStarts {
  private GatedBlockStarts() {}

  /** Stands in for {@link HeadingParser.Factory}: ATX ({@code #}) and setext ({@code =}, {@code -}). */
  static final class Headings extends Gated {
    Headings() {
      super(new HeadingParser.Factory(), "#=-");
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return Set.of(BlockQuoteParser.Factory.class);
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return Set.of(Fences.class, SharedHtmlBlocks.class, ThematicBreaks.class, ListBlockParser.Factory.class,
          IndentedCodeBlockParser.Factory.class);
    }
  }

  /** Stands in for {@link FencedCodeBlockParser.Factory}: a run of backticks or tildes. */
  static final class Fences extends Gated {
    Fences() {
      super(new FencedCodeBlockParser.Factory(), "`~");
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return Set.of(BlockQuoteParser.Factory.class, Headings.class);
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return Set.of(SharedHtmlBlocks.class, ThematicBreaks.class, ListBlockParser.Factory.class, IndentedCodeBlockParser.Factory.class);
    }
  }

  /** Stands in for {@link ThematicBreakParser.Factory}: three or more of {@code *}, {@code _} or {@code -}. */
  static final class ThematicBreaks extends Gated {
    ThematicBreaks() {
      super(new ThematicBreakParser.Factory(), "*_-");
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return Set.of(BlockQuoteParser.Factory.class, Headings.class, Fences.class, SharedHtmlBlocks.class);
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return Set.of(ListBlockParser.Factory.class, IndentedCodeBlockParser.Factory.class);
    }
  }

  /** One core factory, made once, behind a check of the line's first non-space character. */
  private abstract static class Gated extends SharedBlockFactory {
    private final CustomBlockParserFactory core;
    private final String opening;

    Gated(CustomBlockParserFactory core, String opening) {
      this.core = core;
      this.opening = opening;
    }

    @Override
    BlockParserFactory make(DataHolder options) {
      return new Gate(core.apply(options), opening);
    }
  }

  private record Gate(BlockParserFactory core, String opening) implements BlockParserFactory {
    @Override
    public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
      BasedSequence line = state.getLine();
      int at = state.getNextNonSpaceIndex();
      if (at >= line.length() || opening.indexOf(line.charAt(at)) < 0) {
        return BlockStart.none();
      }
      return core.tryStart(state, matchedBlockParser);
    }
  }
}
