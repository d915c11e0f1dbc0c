package dev.inkstone.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every file of one blog folder, in a stable order (sorted by path).
 *
 * @param root the blog folder
 * @param config {@code content/site.yaml} (or {@code site.yaml} at the root), if any
 * @param files all other files
 */
public record SourceSet(Path root, Optional<SourceFile> config, List<SourceFile> files) {

  public SourceSet {
    files = List.copyOf(files);
  }

  public List<SourceFile> ofKind(SourceFile.Kind kind) {
    return files.stream().filter(f -> f.kind() == kind).toList();
  }
}
