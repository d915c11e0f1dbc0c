package dev.inkstone.publish;

import dev.inkstone.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Mirrors the site into a folder. Each file is written to a temporary name beside it and moved
 * into place, so a web server reading the folder never serves half a file; pages go in after the
 * assets they use, and deletions come last.
 */
final class DirPublisher {
  private DirPublisher() {}

  static PublishResult publish(Map<String, SiteFiles.Entry> site, Target.Dir target, boolean dryRun, Progress progress) {
    Path to = target.to();
    if (Files.exists(to) && !Files.isDirectory(to)) {
      throw new PublishException(to + " is a file, not a folder", "give a folder to publish into with --to");
    }
    Plan plan = mirror(site, to, p -> false, dryRun, progress);
    return plan.result(target.name(), dryRun, "");
  }

  /**
   * Makes {@code to} hold exactly {@code site}, leaving alone the paths {@code keep} matches
   * (a {@code .git} folder).
   */
  static Plan mirror(Map<String, SiteFiles.Entry> site, Path to, Predicate<String> keep, boolean dryRun, Progress progress) {
    Map<String, String> have = new HashMap<>();
    SiteFiles.scan(to, keep).forEach((path, e) -> have.put(path, e.md5()));
    Plan plan = Plan.of(site, have);
    if (dryRun) {
      return plan;
    }
    List<SiteFiles.Entry> uploads = plan.uploads();
    progress.begin("copying", uploads.size() + plan.deleted().size());
    try {
      for (SiteFiles.Entry e : uploads) {
        Path dest = to.resolve(e.path());
        if (Files.isDirectory(dest)) {
          deleteTree(dest);
        }
        Files.createDirectories(dest.getParent());
        Path tmp = dest.resolveSibling("." + dest.getFileName() + ".inkstone-tmp");
        try (InputStream in = e.open()) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
          Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException ex) {
          Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
        }
        progress.advance(e.path());
      }
      for (String path : plan.deleted()) {
        Path p = to.resolve(path);
        Files.deleteIfExists(p);
        removeEmptyParents(p.getParent(), to);
        progress.advance(path);
      }
    } catch (IOException ex) {
      throw new PublishException("cannot write into " + to + ": " + ex.getMessage(),
          "check that the folder is writable and the disk not full; run publish again to finish", ex);
    } finally {
      progress.end();
    }
    return plan;
  }

  private static void removeEmptyParents(Path dir, Path root) throws IOException {
    for (Path d = dir; d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
      try {
        Files.delete(d);
      } catch (DirectoryNotEmptyException notEmpty) {
        return;
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
