package dev.inkstone.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Writes outputs as they are rendered, so a big site never sits in memory whole, while keeping
 * the promise that a failed build leaves the previous site as it was: a file whose bytes differ
 * from the site's goes to a staging folder beside the site, and only {@link #commit} moves the
 * staged files into place and deletes what the site no longer has. {@link #abort} throws the
 * staging folder away. Safe to call {@link #accept} from many threads.
 */
public final class StagedWriter implements Consumer<Output> {
  private final Path siteDir;
  private final Path staging;
  /** The folder to delete when done, {@link #staging} or one holding it, when {@link SpreadFolders} placed it; else null. */
  private final Path holder;
  private final Set<Path> keep = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<String> staged = new ConcurrentLinkedQueue<>();
  private final AtomicInteger count = new AtomicInteger();
  /** Files {@link SpreadFolders} made in {@link #staging} that are not the site's. */
  private final List<Path> probes;
  /** Folders made in the staging folder; a thread that finds one being made waits for it. */
  private final Map<Path, Boolean> madeDirs = new ConcurrentHashMap<>();
  /** Whether the site folder was missing or empty when the build began: nothing to compare with. */
  private final boolean fresh;

  /**
   * Below this many files and folders, writing a site from scratch beside a just-deleted one costs
   * the kernel less than {@link SpreadFolders} does: starting {@code chattr} (2 ms, 20 cold) and
   * probing (about 1 ms a place).
   */
  public static final int SPREAD_FROM_FILES = 300;

  /** A writer that spreads a whole new site's folders over the disk (see {@link SpreadFolders}). */
  public StagedWriter(Path siteDir) {
    this(siteDir, true);
  }

  /** @param spread whether a whole new site's folders should go where ext4 puts top-level ones */
  public StagedWriter(Path siteDir, boolean spread) {
    this.siteDir = siteDir.toAbsolutePath().normalize();
    Path parent = this.siteDir.getParent() == null ? this.siteDir : this.siteDir.getParent();
    this.fresh = isMissingOrEmpty(this.siteDir);
    // a new folder of its own, so two builds never share one
    try {
      Files.createDirectories(parent);
      String prefix = "." + this.siteDir.getFileName() + ".staging-";
      if (fresh && spread) {
        SpreadFolders.Place place = SpreadFolders.place(parent, prefix);
        this.holder = place.holder();
        this.staging = place.folder();
        this.probes = place.probes();
      } else {
        this.holder = null;
        this.staging = Files.createTempDirectory(parent, prefix);
        this.probes = List.of();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a staging folder beside " + this.siteDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void accept(Output o) {
    count.incrementAndGet();
    try {
      // Into a missing or empty site nothing is compared and nothing is stale: no path is kept
      // (at 100,000 posts, 169,000 of them for the whole render).
      if (!fresh) {
        Path target = siteDir.resolve(o.path()).normalize();
        keep.add(target);
        if (Files.isRegularFile(target) && same(target, o)) {
          return;
        }
      }
      Path file = staging.resolve(o.path());
      madeDirs.computeIfAbsent(file.getParent(), dir -> {
        try {
          Files.createDirectories(dir);
          return Boolean.TRUE;
        } catch (IOException e) {
          throw new UncheckedIOException("cannot make " + dir + ": " + e.getMessage(), e);
        }
      });
      if (o.bytes() != null) {
        write(file, o.bytes());
      } else {
        Files.copy(o.copyOf(), file, StandardCopyOption.REPLACE_EXISTING);
      }
      staged.add(o.path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + siteDir.resolve(o.path()) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a file with one system call where {@code Files.write} makes one per 8 KB (a page is
   * 20 to 30 KB; a 10,000-post blog is 17,000 files).
   */
  private static void write(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  /** Moves every staged file into the site and removes the files it no longer has. */
  public SiteWriter.Summary commit() {
    try {
      for (Path probe : probes) {
        Files.deleteIfExists(probe);
      }
      if (fresh && isMissingOrEmpty(siteDir) && moveWhole()) {
        return new SiteWriter.Summary(staged.size(), 0, 0);
      }
      Files.createDirectories(siteDir);
      staged.parallelStream().forEach(path -> {
        Path target = siteDir.resolve(path);
        try {
          if (Files.isDirectory(target)) {
            deleteTree(target);
          }
          Files.createDirectories(target.getParent());
          try {
            Files.move(staging.resolve(path), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging.resolve(path), target, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
      });
      int deleted = fresh ? 0 : deleteStale(); // a site that began empty has nothing stale
      return new SiteWriter.Summary(staged.size(), count.get() - staged.size(), deleted);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      abort();
    }
  }

  /** Forgets everything staged; the site stays as it was. */
  public void abort() {
    Path made = holder != null ? holder : staging;
    try {
      if (Files.exists(made)) {
        deleteTree(made);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int count() {
    return count.get();
  }

  private static boolean same(Path target, Output o) throws IOException {
    if (o.bytes() != null) {
      return Files.size(target) == o.bytes().length && Arrays.equals(Files.readAllBytes(target), o.bytes());
    }
    if (Files.size(target) != Files.size(o.copyOf())) {
      return false;
    }
    try (InputStream x = Files.newInputStream(target); InputStream y = Files.newInputStream(o.copyOf())) {
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

  /**
   * A first build puts the staging folder in the site's place with one rename rather than one
   * per file. Returns false where that cannot be done (another file system), to move file by file.
   */
  private boolean moveWhole() throws IOException {
    if (Files.isSymbolicLink(siteDir)) {
      return false;
    }
    try {
      // an empty folder may be a mount point, which cannot be removed: then file by file
      Files.deleteIfExists(siteDir);
      Files.move(staging, siteDir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      return false;
    }
    // createTempDirectory made the folder private (rwx------); a site is for serving
    if (siteDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(siteDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return true;
  }

  private static boolean isMissingOrEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private int deleteStale() throws IOException {
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

  static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
