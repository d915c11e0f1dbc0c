package dev.inkstone.source;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every file of one blog folder, in a stable order (sorted by path).
 *
 * @param root the blog folder
 * @param config {@code content/site.yaml} (or {@code site.yaml} at the root), if any
 * @param files all other files
 * @param lastCommits when each file was last committed to git (blog-relative path with forward
 *     slashes), empty outside a git repository
 */
public record SourceSet(Path root, Optional<SourceFile> config, List<SourceFile> files, Map<String, Instant> lastCommits) {

  public SourceSet {
    files = List.copyOf(files);
    lastCommits = Map.copyOf(lastCommits);
  }

  public SourceSet(Path root, Optional<SourceFile> config, List<SourceFile> files) {
    this(root, config, files, Map.of());
  }

  public List<SourceFile> ofKind(SourceFile.Kind kind) {
    return files.stream().filter(f -> f.kind() == kind).toList();
  }
}
