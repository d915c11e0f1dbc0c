package dev.inkstone.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds a whole new site a place on the disk where new files are quick to make.
 *
 * <p>Why a site written from scratch wants this: {@code rm -rf site && build} frees thousands of
 * inodes right before the build makes as many, and ext4 without a journal will not reuse an inode
 * freed in the last minutes while another is free: it steps past each one, from the start of the
 * block group, on every new file. Worse, an inode freed up to six minutes ago counts as just freed
 * once anything else in its block of the inode table has changed, so a group emptied minutes ago
 * turns slow as soon as a build starts writing there. Where the old site was, or any other tree
 * deleted in the last minutes, a 10,000-post build spent 6 to 18 s in the kernel; elsewhere, about 1 s.
 *
 * <p>How: ext2/3/4 places a folder made in one marked "top of directory hierarchies" ({@code chattr
 * +T}) as it places top-level folders, in the block group with the fewest folders, not beside its
 * parent. That is often a group just emptied, the old site's among them: it is back to the folders it
 * had when it was picked. So each place is tried with a few probe files: in a clean place new files
 * get inode numbers one after another, quickly; where inodes were freed in the last minutes each
 * gets the next block's (16 on), or all wait on the scan. The first clean place is taken, else the
 * best of eight; the probe files stay until the site is moved into place, as deleting them at once
 * would leave freed inodes right where the site's files are made.
 *
 * <p>A hint only: where it cannot be given (another file system, no {@code chattr}), files go where
 * they always went, and the bytes written never depend on it.
 */
final class SpreadFolders {
  private static final Set<String> EXT = Set.of("ext2", "ext3", "ext4");

  /** Probe files made in each place tried: into a second block of the inode table (16 inodes a block). */
  static final int PROBE_FILES = 24;

  /**
   * A place whose quickest probe file took longer than this has at least a few hundred freed
   * inodes to step past on every new file (a new file takes about 20 µs here, each freed inode
   * stepped past about 0.1 µs more).
   */
  static final long QUICK_NANOS = 60_000;

  /**
   * How many places are tried at most when none is clean: each costs about a millisecond, and
   * each turned down makes its group look fuller to the next search.
   */
  private static final int TRIES = 8;

  private static final String PROBE_NAME = ".inkstone-probe-";

  private SpreadFolders() {}

  /**
   * Where a new site is staged: {@code folder}; {@code holder}, it or the folder holding it, to
   * delete when done; and the probe files in {@code folder}, to delete before it becomes the site.
   */
  record Place(Path folder, Path holder, List<Path> probes) {}

  /** What making the probe files in one folder showed. */
  record Probe(Path folder, List<Path> files, int inOrder, long quickestNanos) {
    /** Whether every probe file but one got the inode after the last one's, each quickly. */
    boolean clean() {
      return inOrder >= PROBE_FILES - 2 && quickestNanos <= QUICK_NANOS;
    }

    /** Cleanest first: clean ones, then by inodes in order, then by speed. */
    static final Comparator<Probe> CLEANEST_FIRST = Comparator.comparing((Probe p) -> !p.clean())
        .thenComparing(Comparator.comparingInt(Probe::inOrder).reversed())
        .thenComparingLong(Probe::quickestNanos);
  }

  /** Makes a folder in {@code parent} named {@code prefix} and some random digits, to stage a whole new site in. */
  static Place place(Path parent, String prefix) throws IOException {
    Path holder = Files.createTempDirectory(parent, prefix);
    if (!mark(holder)) {
      return new Place(holder, holder, List.of()); // a plain staging folder, as without this class
    }
    // Each folder made in the marked one gets a random name: ext4 starts its search for a group
    // from a hash of the name, so among groups with as few folders, a fixed name would lead back
    // to the same one every time. The places turned down stay until one is chosen, so that each
    // counts a folder more and the next search goes elsewhere. Last, the old place beside the parent.
    List<FolderMaker> makers = new ArrayList<>();
    while (makers.size() < TRIES - 1) {
      makers.add(() -> Files.createTempDirectory(holder, "site-"));
    }
    makers.add(() -> Files.createTempDirectory(parent, prefix));
    Probe chosen;
    try {
      chosen = cleanest(makers);
    } catch (IOException e) {
      StagedWriter.deleteTree(holder);
      throw e;
    }
    if (chosen.folder().getParent().equals(holder)) {
      return new Place(chosen.folder(), holder, chosen.files());
    }
    StagedWriter.deleteTree(holder);
    return new Place(chosen.folder(), chosen.folder(), chosen.files());
  }

  /** Makes a folder. */
  interface FolderMaker {
    Path make() throws IOException;
  }

  /**
   * Makes folders one after another until one is clean (or all {@code makers} are used); returns
   * the cleanest and deletes the others.
   */
  static Probe cleanest(List<FolderMaker> makers) throws IOException {
    List<Probe> tried = new ArrayList<>();
    Probe best = null;
    try {
      for (FolderMaker maker : makers) {
        Path folder;
        try {
          folder = maker.make();
        } catch (IOException e) {
          if (tried.isEmpty()) {
            throw e;
          }
          break; // the places found so far will do
        }
        Probe probe;
        try {
          probe = probe(folder);
        } catch (IOException e) {
          StagedWriter.deleteTree(folder);
          if (tried.isEmpty()) {
            throw e;
          }
          break;
        }
        tried.add(probe);
        if (probe.clean()) {
          break;
        }
      }
      best = tried.stream().min(Probe.CLEANEST_FIRST).orElseThrow();
      return best;
    } finally {
      for (Probe probe : tried) {
        if (probe != best) {
          StagedWriter.deleteTree(probe.folder());
        }
      }
    }
  }

  /** Makes the probe files in {@code folder}. */
  static Probe probe(Path folder) throws IOException {
    List<Path> files = new ArrayList<>(PROBE_FILES);
    long quickest = Long.MAX_VALUE;
    int inOrder = 0;
    long last = -1;
    for (int i = 0; i < PROBE_FILES; i++) {
      Path file = folder.resolve(PROBE_NAME + i);
      long start = System.nanoTime();
      Files.createFile(file);
      quickest = Math.min(quickest, System.nanoTime() - start);
      files.add(file);
      long inode = inode(file);
      if (last >= 0 && inode == last + 1) {
        inOrder++;
      }
      last = inode;
    }
    return new Probe(folder, List.copyOf(files), inOrder, quickest);
  }

  /** The file's inode number, or -1 where the file system does not say. */
  private static long inode(Path file) throws IOException {
    try {
      return ((Number) Files.getAttribute(file, "unix:ino")).longValue();
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return -1;
    }
  }

  /** Marks {@code dir}; false if it was not marked. */
  static boolean mark(Path dir) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return false;
    }
    try {
      if (!EXT.contains(Files.getFileStore(dir).type())) {
        return false;
      }
      Process chattr = new ProcessBuilder("chattr", "+T", dir.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!chattr.waitFor(5, TimeUnit.SECONDS)) {
        chattr.destroy();
        return false;
      }
      return chattr.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
