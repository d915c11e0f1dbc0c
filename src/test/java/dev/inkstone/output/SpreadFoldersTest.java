package dev.inkstone.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpreadFoldersTest {
  @TempDir Path dir;

  @Test
  void marks_a_folder_on_ext4_as_the_top_of_a_tree() throws Exception {
    assumeTrue(onExt4WithChattr(dir), "the temporary folder is not on ext2/3/4, or there is no chattr");

    assertThat(SpreadFolders.mark(dir)).isTrue();

    assertThat(attributes(dir)).contains("T");
  }

  @Test
  void leaves_a_folder_on_another_file_system_alone() throws Exception {
    Path shm = Path.of("/dev/shm");
    assumeTrue(Files.isDirectory(shm) && Files.getFileStore(shm).type().equals("tmpfs"), "no tmpfs at /dev/shm");
    Path folder = Files.createTempDirectory(shm, "inkstone-spread-");
    try {
      assertThat(SpreadFolders.mark(folder)).isFalse();
    } finally {
      Files.delete(folder);
    }
  }

  @Test
  void a_first_build_on_ext4_stages_the_site_in_a_probed_place_and_leaves_nothing_behind() throws Exception {
    assumeTrue(onExt4WithChattr(dir), "the temporary folder is not on ext2/3/4, or there is no chattr");
    Path site = dir.resolve("site");
    StagedWriter writer = new StagedWriter(site);
    writer.accept(Output.rendered("posts/a/index.html", "a".getBytes(StandardCharsets.UTF_8)));

    // a marked folder holding the staging folder, or (where no marked place was clean) the old
    // place beside the site
    Path holder;
    try (var entries = Files.list(dir)) {
      holder = entries.filter(p -> p.getFileName().toString().startsWith(".site.staging-")).findFirst().orElseThrow();
    }
    Path staging = holder;
    if (attributes(holder).contains("T")) {
      try (var entries = Files.list(holder)) {
        List<Path> inside = entries.toList();
        assertThat(inside).hasSize(1);
        staging = inside.get(0);
      }
    }
    assertThat(staging.resolve("posts/a/index.html")).hasContent("a");
    assertThat(probeFiles(staging)).hasSize(SpreadFolders.PROBE_FILES);

    writer.commit();

    assertThat(site.resolve("posts/a/index.html")).hasContent("a");
    assertThat(probeFiles(site)).isEmpty();
    assertThat(attributes(site)).doesNotContain("T");
    try (var entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly("site");
    }
  }

  @Test
  void a_place_where_files_were_just_deleted_is_not_clean() throws Exception {
    assumeTrue(onExt4WithChattr(dir) && withoutJournal(dir), "the temporary folder is not on ext2/3/4 without a journal");
    // 3,000 inodes taken and freed in the group where the next folder beside them gets its files
    Path old = Files.createDirectory(dir.resolve("old"));
    long firstFreed = Long.MAX_VALUE;
    for (int i = 0; i < 3000; i++) {
      Path file = Files.createFile(old.resolve("f" + i));
      firstFreed = Math.min(firstFreed, inode(file));
    }
    try (var files = Files.list(old)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    // ext4 counts an inode as just freed from the second after the one it was freed in
    long freedAt = System.currentTimeMillis() / 1000;
    while (System.currentTimeMillis() / 1000 <= freedAt) {
      Thread.sleep(20);
    }

    SpreadFolders.Probe probe = SpreadFolders.probe(Files.createDirectory(dir.resolve("new")));

    assumeTrue(!probe.clean() || inode(probe.files().get(0)) > firstFreed,
        "the group had inodes freed long enough ago before the ones this test freed");
    assertThat(probe.clean()).isFalse();
  }

  @Test
  void the_places_turned_down_are_deleted_and_the_chosen_one_keeps_its_probe_files() throws Exception {
    // two places on the same disk, both probably clean: the first clean one is taken and the
    // second never made; were the first not clean, the second is made and the worse one deleted
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    SpreadFolders.Probe chosen = SpreadFolders.cleanest(List.of(
        () -> Files.createDirectory(first),
        () -> Files.createDirectory(second)));

    assertThat(chosen.folder()).isIn(first, second);
    assertThat(probeFiles(chosen.folder())).hasSize(SpreadFolders.PROBE_FILES).containsExactlyInAnyOrderElementsOf(chosen.files());
    try (var entries = Files.list(dir)) {
      assertThat(entries.toList()).containsExactly(chosen.folder());
    }
  }

  @Test
  void a_place_that_cannot_be_made_is_an_error_only_when_no_other_was() throws Exception {
    Path made = dir.resolve("made");
    SpreadFolders.Probe chosen = SpreadFolders.cleanest(List.of(
        () -> Files.createDirectory(made),
        () -> {
          throw new AccessDeniedException("nowhere");
        }));
    assertThat(chosen.folder()).isEqualTo(made);

    assertThatThrownBy(() -> SpreadFolders.cleanest(List.of(() -> {
      throw new AccessDeniedException("nowhere");
    }))).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void the_cleanest_place_is_one_whose_files_came_in_order_and_quickly() {
    // as measured here: a group never used, one emptied four minutes ago (each new file gets the
    // next block's first inode), one emptied a second ago (each new file waits on the scan)
    SpreadFolders.Probe fresh = new SpreadFolders.Probe(Path.of("fresh"), List.of(), 23, 9_000);
    SpreadFolders.Probe strided = new SpreadFolders.Probe(Path.of("strided"), List.of(), 0, 16_000);
    SpreadFolders.Probe scanning = new SpreadFolders.Probe(Path.of("scanning"), List.of(), 23, 1_194_000);
    SpreadFolders.Probe mostlyInOrder = new SpreadFolders.Probe(Path.of("mostly"), List.of(), 17, 14_000);

    assertThat(fresh.clean()).isTrue();
    assertThat(strided.clean()).isFalse();
    assertThat(scanning.clean()).isFalse();
    assertThat(Stream.of(strided, scanning, mostlyInOrder, fresh).sorted(SpreadFolders.Probe.CLEANEST_FIRST).toList())
        .containsExactly(fresh, scanning, mostlyInOrder, strided);
  }

  @Test
  void a_writer_told_not_to_spread_stages_in_an_unmarked_folder() throws Exception {
    assumeTrue(onExt4WithChattr(dir), "the temporary folder is not on ext2/3/4, or there is no chattr");
    StagedWriter writer = new StagedWriter(dir.resolve("site"), false);
    writer.accept(Output.rendered("index.html", "home".getBytes(StandardCharsets.UTF_8)));

    Path staging;
    try (var entries = Files.list(dir)) {
      staging = entries.filter(p -> p.getFileName().toString().startsWith(".site.staging-")).findFirst().orElseThrow();
    }
    assertThat(attributes(staging)).doesNotContain("T");
    assertThat(staging.resolve("index.html")).hasContent("home");
    writer.abort();
  }

  private static List<Path> probeFiles(Path folder) throws IOException {
    try (var entries = Files.list(folder)) {
      return entries.filter(p -> p.getFileName().toString().startsWith(".inkstone-probe-")).toList();
    }
  }

  private static long inode(Path file) throws IOException {
    return ((Number) Files.getAttribute(file, "unix:ino")).longValue();
  }

  /** Whether the file system holding {@code dir} keeps no journal (jbd2 lists each journal it runs). */
  private static boolean withoutJournal(Path dir) throws IOException {
    String device = Path.of(Files.getFileStore(dir).name()).getFileName().toString();
    Path journals = Path.of("/proc/fs/jbd2");
    if (!Files.isDirectory(journals)) {
      return true;
    }
    try (var entries = Files.list(journals)) {
      return entries.noneMatch(p -> p.getFileName().toString().startsWith(device + "-"));
    }
  }

  private static boolean onExt4WithChattr(Path dir) throws IOException {
    return Files.getFileStore(dir).type().startsWith("ext") && attributes(dir) != null;
  }

  /** The flags {@code lsattr -d} prints for {@code dir}, or null without lsattr. */
  private static String attributes(Path dir) {
    try {
      Process lsattr = new ProcessBuilder("lsattr", "-d", dir.toString()).redirectErrorStream(true).start();
      String out = new String(lsattr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return lsattr.waitFor() == 0 ? out.split(" ")[0] : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }
}
