package dev.inkstone.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which layout a blog folder without a configuration file has, by where its Markdown lies. */
class ForeignLayoutsTest {
  @TempDir Path dir;

  private Dialect with(String... files) throws IOException {
    for (String file : files) {
      Path p = dir.resolve(file);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "---\ntitle: x\n---\nx\n");
    }
    return ForeignLayouts.detect(dir);
  }

  @Test
  void markdown_only_in_posts_and_pages_is_an_inkstone_blog() throws IOException {
    assertThat(with("content/posts/a.md", "content/posts/2024/b.md", "content/pages/about.md", "content/images/x.png"))
        .isEqualTo(Dialect.INKSTONE);
  }

  @Test
  void markdown_in_another_section_is_hugos_layout() throws IOException {
    assertThat(with("content/posts/a.md", "content/post/b.md")).isEqualTo(Dialect.HUGO);
  }

  @Test
  void markdown_at_the_top_of_content_is_hugos_layout() throws IOException {
    assertThat(with("content/posts/a.md", "content/about.md")).isEqualTo(Dialect.HUGO);
  }

  @Test
  void ignored_files_and_folders_and_deeper_markdown_do_not_count() throws IOException {
    assertThat(with("content/posts/a.md", "content/.drafts/b.md", "content/notes/.c.md", "content/notes/d.md~",
        "content/notes/deep/e.md")).isEqualTo(Dialect.INKSTONE);
  }

  @Test
  void a_site_yaml_decides_before_any_folder_is_listed() throws IOException {
    assertThat(with("content/site.yaml", "content/post/b.md")).isEqualTo(Dialect.INKSTONE);
  }
}
