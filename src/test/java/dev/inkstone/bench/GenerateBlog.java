package dev.inkstone.bench;

import java.nio.file.Path;

/** Writes a generated blog for a benchmark script: {@code GenerateBlog DIR POSTS}. */
public final class GenerateBlog {
  private GenerateBlog() {}

  public static void main(String[] args) throws Exception {
    CorpusGenerator.write(Path.of(args[0]), Integer.parseInt(args[1]), CorpusGenerator.DEFAULT_SEED);
  }
}
