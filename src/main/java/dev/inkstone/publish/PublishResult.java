package dev.inkstone.publish;

import java.util.List;

/**
 * What a publish did, or would do with {@code --dry-run}.
 *
 * @param target the target's name
 * @param added files the target did not have
 * @param changed files whose content differed
 * @param deleted files removed because the site no longer has them
 * @param unchanged files already up to date
 * @param dryRun nothing was sent
 * @param changes one line per file sent or removed, e.g. {@code + posts/a/index.html}, sorted
 * @param note a last word from the target, e.g. the commit made; may be empty
 */
public record PublishResult(String target, int added, int changed, int deleted, int unchanged, boolean dryRun, List<String> changes,
    String note) {
  public PublishResult {
    changes = List.copyOf(changes);
  }

  public boolean nothingToDo() {
    return added + changed + deleted == 0;
  }
}
