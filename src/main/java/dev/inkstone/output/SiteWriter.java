package dev.inkstone.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front door of the write stage. A file is rewritten only when its bytes differ from what is
 * on disk, so a rebuild leaves unchanged files (and their timestamps) alone, and whatever the
 * site no longer produces is deleted.
 */
public final class SiteWriter {

  /** What a write did. */
  public record Summary(int written, int unchanged, int deleted) {}

  private SiteWriter() {}

  public static Summary write(Path siteDir, Collection<Output> outputs) {
    try {
      Files.createDirectories(siteDir);
      AtomicInteger written = new AtomicInteger();
      Set<Path> keep = new HashSet<>();
      for (Output o : outputs) {
        keep.add(siteDir.resolve(o.path()).normalize());
      }
      outputs.parallelStream().forEach(o -> {
        if (writeOne(siteDir.resolve(o.path()), o)) {
          written.incrementAndGet();
        }
      });
      int deleted = deleteStale(siteDir, keep);
      return new Summary(written.get(), outputs.size() - written.get(), deleted);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean writeOne(Path target, Output o) {
    try {
      if (Files.isDirectory(target)) {
        deleteTree(target);
      }
      if (o.bytes() != null) {
        if (Files.isRegularFile(target) && Files.size(target) == o.bytes().length && Arrays.equals(Files.readAllBytes(target), o.bytes())) {
          return false;
        }
        Files.createDirectories(target.getParent());
        Files.write(target, o.bytes());
        return true;
      }
      if (Files.isRegularFile(target) && sameContent(target, o.copyOf())) {
        return false;
      }
      Files.createDirectories(target.getParent());
      Files.copy(o.copyOf(), target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static boolean sameContent(Path a, Path b) throws IOException {
    if (Files.size(a) != Files.size(b)) {
      return false;
    }
    try (InputStream x = Files.newInputStream(a); InputStream y = Files.newInputStream(b)) {
      byte[] bx = new byte[65536];
      byte[] by = new byte[65536];
      while (true) {
        int n = x.readNBytes(bx, 0, bx.length);
        int m = y.readNBytes(by, 0, by.length);
        if (n != m || !Arrays.equals(bx, 0, n, by, 0, m)) {
          return false;
        }
        if (n == 0) {
          return true;
        }
      }
    }
  }

  private static int deleteStale(Path siteDir, Set<Path> keep) throws IOException {
    AtomicInteger deleted = new AtomicInteger();
    Files.walkFileTree(siteDir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!keep.contains(file.normalize())) {
          Files.delete(file);
          deleted.incrementAndGet();
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (!dir.equals(siteDir)) {
          try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
              Files.delete(dir);
            }
          }
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return deleted.get();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
