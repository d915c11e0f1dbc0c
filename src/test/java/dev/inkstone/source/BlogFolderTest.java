package dev.inkstone.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a blog folder are loaded. */
class BlogFolderTest {
  @TempDir Path dir;

  @Test
  void a_post_linked_from_elsewhere_is_loaded_and_hidden_files_are_not() throws IOException {
    Path blog = dir.resolve("blog");
    write(blog.resolve("content/site.yaml"), "title: T\n");
    write(blog.resolve("content/posts/a.md"), "---\ntitle: A\n---\na\n");
    write(blog.resolve("content/posts/.draft.md"), "---\ntitle: D\n---\nd\n");
    write(blog.resolve("content/posts/b.md~"), "backup\n");
    Path elsewhere = write(dir.resolve("drafts/b.md"), "---\ntitle: B\n---\nb\n");
    Files.createSymbolicLink(blog.resolve("content/posts/b.md"), elsewhere);
    Files.createSymbolicLink(blog.resolve("content/posts/gone.md"), dir.resolve("drafts/missing.md"));

    List<String> loaded = BlogFolder.load(blog).files().stream().map(SourceFile::slashedPath).toList();

    assertThat(loaded).contains("content/posts/a.md", "content/posts/b.md")
        .doesNotContain("content/posts/.draft.md", "content/posts/b.md~", "content/posts/gone.md");
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
