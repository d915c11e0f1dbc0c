package dev.inkstone.output;

import java.nio.file.Path;
import java.util.Collection;

/**
 * The front door of the write stage. A file is rewritten only when its bytes differ from what is
 * on disk, so a rebuild leaves unchanged files (and their timestamps) alone, and whatever the
 * site no longer produces is deleted. Outputs already in memory go through the same
 * {@link StagedWriter} that a streaming build uses.
 */
public final class SiteWriter {

  /** What a write did. */
  public record Summary(int written, int unchanged, int deleted) {}

  private SiteWriter() {}

  public static Summary write(Path siteDir, Collection<Output> outputs) {
    StagedWriter writer = new StagedWriter(siteDir, outputs.size() >= StagedWriter.SPREAD_FROM_FILES);
    try {
      outputs.parallelStream().forEach(writer);
      return writer.commit();
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
  }
}
