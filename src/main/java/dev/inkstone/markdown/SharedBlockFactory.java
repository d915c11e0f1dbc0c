package dev.inkstone.markdown;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.util.data.DataHolder;

/**
 * A block parser factory that flexmark would make afresh for every document, made once per
 * engine instead: for factories holding only settings and compiled expressions, the same for every
 * document, so that one instance serves them all from any thread ({@link SharedHtmlBlocks},
 * {@link GatedBlockStarts}).
 */
abstract class SharedBlockFactory implements CustomBlockParserFactory {
  private volatile BlockParserFactory shared;

  /** Makes the one factory every document of the engine shares. */
  abstract BlockParserFactory make(DataHolder options);

  @Override
  public final BlockParserFactory apply(DataHolder options) {
    BlockParserFactory factory = shared;
    if (factory == null) {
      // Two threads may both make one; either serves, as both read the same settings.
      factory = make(options);
      shared = factory;
    }
    return factory;
  }

  @Override
  public boolean affectsGlobalScope() {
    return false;
  }
}
