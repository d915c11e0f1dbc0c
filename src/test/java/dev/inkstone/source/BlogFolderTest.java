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

  @Test
  void a_saved_file_anywhere_in_the_folder_is_found_and_read_again() throws IOException {
    Path blog = dir.resolve("blog");
    write(blog.resolve("content/site.yaml"), "title: T\n");
    for (String name : List.of("2019/a.md", "2020/b.md", "2024/缓存.md", "2024/z.md")) {
      write(blog.resolve("content/posts/" + name), "---\ntitle: " + name + "\n---\nold\n");
    }
    SourceSet before = BlogFolder.load(blog);
    for (SourceFile f : before.files()) {
      assertThat(before.indexOf(f.slashedPath())).isEqualTo(before.files().indexOf(f));
    }
    assertThat(before.indexOf("content/posts/2021/none.md")).isEqualTo(-1);

    Path last = write(blog.resolve("content/posts/2024/缓存.md"), "---\ntitle: 缓存\n---\nnew\n");
    SourceSet after = BlogFolder.reload(before, List.of(last));

    SourceFile reread = after.files().get(after.indexOf("content/posts/2024/缓存.md"));
    assertThat(new String(reread.bytes(), java.nio.charset.StandardCharsets.UTF_8)).endsWith("new\n");
    assertThat(after.files().get(after.indexOf("content/posts/2019/a.md"))).isSameAs(before.files().get(before.indexOf("content/posts/2019/a.md")));
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
