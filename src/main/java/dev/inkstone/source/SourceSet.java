package dev.inkstone.source;

import dev.inkstone.diagnostic.Problem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every file of one blog folder, in a stable order (sorted by path).
 *
 * @param root the blog folder
 * @param config {@code content/site.yaml} (or {@code site.yaml} at the root), if any; for a
 *     Hexo, Jekyll or Hugo blog, the site.yaml made from its configuration, under the path of
 *     that configuration
 * @param files all other files
 * @param lastCommits when each file was last committed to git (blog-relative path with forward
 *     slashes), empty outside a git repository
 * @param dialect whose conventions the folder follows
 * @param warnings what loading left out or guessed (e.g. an empty file of a Hugo blog); a build
 *     with only warnings succeeds
 */
public record SourceSet(Path root, Optional<SourceFile> config, List<SourceFile> files, Map<String, Instant> lastCommits, Dialect dialect,
    List<Problem> warnings) {

  public SourceSet {
    files = List.copyOf(files);
    lastCommits = Map.copyOf(lastCommits);
    warnings = List.copyOf(warnings);
  }

  public SourceSet(Path root, Optional<SourceFile> config, List<SourceFile> files, Map<String, Instant> lastCommits) {
    this(root, config, files, lastCommits, Dialect.INKSTONE, List.of());
  }

  public SourceSet(Path root, Optional<SourceFile> config, List<SourceFile> files) {
    this(root, config, files, Map.of());
  }

  /** The same files, posts and pages without their bytes: what a build needs once they are parsed. */
  public SourceSet withoutDocumentBytes() {
    List<SourceFile> slim = files.stream()
        .map(f -> f.kind() == SourceFile.Kind.POST || f.kind() == SourceFile.Kind.PAGE ? f.withBytes(NO_BYTES) : f)
        .toList();
    return new SourceSet(root, config, slim, lastCommits, dialect, warnings);
  }

  private static final byte[] NO_BYTES = new byte[0];

  /**
   * Where the file of this slashed path is in {@link #files}, by binary search in their path
   * order; -1 when it is not there. A save at 10,000 posts looks up the saved file this way, not
   * by a walk over every file before it.
   */
  public int indexOf(String slashedPath) {
    int lo = 0;
    int hi = files.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = files.get(mid).slashedPath().compareTo(slashedPath);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Where the file at {@code absolute} is in {@link #files}; -1 when it is outside the blog or not there. */
  public int indexOf(Path absolute) {
    Path abs = absolute.toAbsolutePath().normalize();
    return abs.startsWith(root) ? indexOf(BlogFolder.slashed(root.relativize(abs))) : -1;
  }

  public List<SourceFile> ofKind(SourceFile.Kind kind) {
    return files.stream().filter(f -> f.kind() == kind).toList();
  }
}
