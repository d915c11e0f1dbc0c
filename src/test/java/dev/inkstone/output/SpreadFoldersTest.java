package dev.inkstone.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void a_first_build_on_ext4_stages_the_site_in_a_marked_folder_and_leaves_none_behind() throws Exception {
    assumeTrue(onExt4WithChattr(dir), "the temporary folder is not on ext2/3/4, or there is no chattr");
    Path site = dir.resolve("site");
    StagedWriter writer = new StagedWriter(site);
    writer.accept(Output.rendered("posts/a/index.html", "a".getBytes(StandardCharsets.UTF_8)));

    Path holder;
    try (var entries = Files.list(dir)) {
      holder = entries.filter(p -> p.getFileName().toString().startsWith(".site.staging-")).findFirst().orElseThrow();
    }
    assertThat(attributes(holder)).contains("T");
    try (var entries = Files.list(holder)) {
      assertThat(entries.map(p -> p.resolve("posts/a/index.html")).filter(Files::isRegularFile).count()).isOne();
    }

    writer.commit();

    assertThat(site.resolve("posts/a/index.html")).hasContent("a");
    assertThat(attributes(site)).doesNotContain("T");
    try (var entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly("site");
    }
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
