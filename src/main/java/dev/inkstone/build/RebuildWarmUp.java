package dev.inkstone.build;

import dev.inkstone.content.ParsedDocument;
import dev.inkstone.source.SourceFile;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Readies a preview server for the first save. Right after the first build the code a save runs
 * (parse one post, reassemble, re-render what shows it) has run once or not at all, so the
 * first saves run it slowly, three times slower than the hundredth. Rebuilding a post whose text
 * has not changed runs that very code and changes no output.
 */
public final class RebuildWarmUp {
  private RebuildWarmUp() {}

  /**
   * Rebuilds after an unchanged post {@code times} times, or until {@code millis} have passed or
   * {@code stop} says a real change waits; returns the number of rebuilds.
   */
  public static int run(BuildRequest request, BuildCache cache, BooleanSupplier stop, int times, long millis) {
    ParsedDocument post = cache.parsed.values().stream().filter(d -> d.source().kind() == SourceFile.Kind.POST)
        .min(Comparator.comparing(d -> d.source().slashedPath())).orElse(null);
    if (post == null) {
      return 0;
    }
    String key = post.source().slashedPath();
    Path file = request.source().resolve(post.source().path());
    long until = System.nanoTime() + millis * 1_000_000;
    int rebuilds = 0;
    SourceFile from = cache.parsedFrom.get(key);
    if (from == null) {
      return 0;
    }
    // the cache is told the file was other bytes: it is parsed again, as after a save, on a big
    // blog by the quick look at the edited post first (EditedPosts), which is rehearsed too
    SourceFile other = new SourceFile(from.path(), from.kind(), new byte[0], from.origin());
    while (rebuilds < times && System.nanoTime() < until && !stop.getAsBoolean()) {
      cache.parsedFrom.put(key, other);
      if (!SiteBuild.rebuild(request, cache, List.of(file), pages -> {}).ok()) {
        break;
      }
      rebuilds++;
    }
    return rebuilds;
  }
}
