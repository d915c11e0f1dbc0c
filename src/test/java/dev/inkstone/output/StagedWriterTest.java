package dev.inkstone.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedWriterTest {
  @TempDir Path dir;

  @Test
  void a_first_build_puts_the_whole_staging_folder_in_place_readable_by_a_web_server() throws Exception {
    Path site = dir.resolve("site");
    StagedWriter writer = new StagedWriter(site);
    writer.accept(Output.rendered("index.html", "home".getBytes(UTF_8)));
    writer.accept(Output.rendered("posts/a/index.html", "a".getBytes(UTF_8)));
    assertThat(site).doesNotExist();

    SiteWriter.Summary summary = writer.commit();

    assertThat(summary.written()).isEqualTo(2);
    assertThat(site.resolve("posts/a/index.html")).hasContent("a");
    assertThat(Files.getPosixFilePermissions(site)).contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(onlyEntryOf(dir)).isEqualTo("site");
  }

  @Test
  void an_empty_site_folder_counts_as_a_first_build() throws Exception {
    Path site = Files.createDirectory(dir.resolve("site"));
    StagedWriter writer = new StagedWriter(site);
    writer.accept(Output.rendered("index.html", "home".getBytes(UTF_8)));
    writer.commit();

    assertThat(site.resolve("index.html")).hasContent("home");
    assertThat(onlyEntryOf(dir)).isEqualTo("site");
  }

  @Test
  void a_file_that_appears_in_the_site_during_a_first_build_is_left_alone() throws Exception {
    Path site = dir.resolve("site");
    StagedWriter writer = new StagedWriter(site);
    writer.accept(Output.rendered("index.html", "home".getBytes(UTF_8)));
    writer.accept(Output.rendered("posts/a/index.html", "a".getBytes(UTF_8)));
    Files.createDirectories(site);
    Files.writeString(site.resolve("CNAME"), "blog.example.org"); // written by something else meanwhile

    SiteWriter.Summary summary = writer.commit();

    assertThat(summary.written()).isEqualTo(2);
    assertThat(summary.deleted()).isZero();
    assertThat(site.resolve("index.html")).hasContent("home");
    assertThat(site.resolve("posts/a/index.html")).hasContent("a");
    assertThat(site.resolve("CNAME")).hasContent("blog.example.org");
  }

  @Test
  void a_later_build_rewrites_only_changed_files_and_removes_the_ones_gone() throws Exception {
    Path site = dir.resolve("site");
    StagedWriter first = new StagedWriter(site);
    first.accept(Output.rendered("same.html", "same".getBytes(UTF_8)));
    first.accept(Output.rendered("changed.html", "old".getBytes(UTF_8)));
    first.accept(Output.rendered("gone/index.html", "gone".getBytes(UTF_8)));
    first.commit();
    FileTime long_ago = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(site.resolve("same.html"), long_ago);

    StagedWriter second = new StagedWriter(site);
    second.accept(Output.rendered("same.html", "same".getBytes(UTF_8)));
    second.accept(Output.rendered("changed.html", "new".getBytes(UTF_8)));
    SiteWriter.Summary summary = second.commit();

    assertThat(summary.written()).isEqualTo(1);
    assertThat(summary.deleted()).isEqualTo(1);
    assertThat(Files.getLastModifiedTime(site.resolve("same.html"))).isEqualTo(long_ago);
    assertThat(site.resolve("changed.html")).hasContent("new");
    assertThat(site.resolve("gone")).doesNotExist();
    assertThat(onlyEntryOf(dir)).isEqualTo("site");
  }

  @Test
  void an_aborted_first_build_leaves_no_site_and_no_staging_folder() throws Exception {
    StagedWriter writer = new StagedWriter(dir.resolve("site"));
    writer.accept(Output.rendered("index.html", "home".getBytes(UTF_8)));
    writer.abort();

    try (var entries = Files.list(dir)) {
      assertThat(entries).isEmpty();
    }
  }

  private static String onlyEntryOf(Path dir) throws Exception {
    try (var entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).reduce((a, b) -> a + "," + b).orElse("");
    }
  }
}
