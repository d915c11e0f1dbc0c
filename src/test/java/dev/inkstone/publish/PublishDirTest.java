package dev.inkstone.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.build.TestSite;
import dev.inkstone.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishDirTest {
  @TempDir Path tmp;

  @Test
  void the_folder_equals_the_site_after_a_first_publish_an_edit_a_no_op_and_a_deletion() throws IOException {
    Path root = tmp.resolve("blog");
    Path www = tmp.resolve("www");
    TestSite blog = Blogs.blog(root, "deploy:\n  nas:\n    type: dir\n    to: ../www\n");

    Cli.Run first = Cli.run("publish", "--source", root.toString());
    assertThat(first.code()).as(first.all()).isZero();
    assertThat(Blogs.tree(www)).isEqualTo(Blogs.tree(blog.out())).containsKey("posts/first/index.html");
    assertThat(first.out()).contains("Published to nas: ").contains(" 0 changed, 0 deleted; 0 unchanged.");

    blog.add("-- content/posts/first.md --\n---\ntitle: First, edited\ndate: 2024-01-01\n---\nHello again.\n");
    Cli.Run edit = Cli.run("publish", "nas", "--source", root.toString());
    assertThat(edit.code()).as(edit.all()).isZero();
    assertThat(Blogs.tree(www)).isEqualTo(Blogs.tree(blog.out()));
    assertThat(Files.readString(www.resolve("posts/first/index.html"))).contains("Hello again.");
    assertThat(edit.out()).containsPattern("0 added, [1-9][0-9]* changed, 0 deleted");

    Cli.Run again = Cli.run("publish", "--source", root.toString());
    assertThat(again.out()).contains("Published to nas: nothing changed, nothing sent");

    Files.delete(root.resolve("content/posts/second.md"));
    Cli.Run deleted = Cli.run("publish", "--source", root.toString());
    assertThat(deleted.code()).as(deleted.all()).isZero();
    assertThat(Blogs.tree(www)).isEqualTo(Blogs.tree(blog.out()));
    assertThat(www.resolve("posts/second")).doesNotExist();
    assertThat(deleted.out()).containsPattern("[1-9][0-9]* deleted");
  }

  @Test
  void a_dry_run_lists_the_changes_and_writes_nothing() {
    Path root = tmp.resolve("blog");
    Path www = tmp.resolve("www");
    Blogs.blog(root, "");
    Cli.Run dry = Cli.run("publish", "dir", "--to", www.toString(), "--dry-run", "--source", root.toString());
    assertThat(dry.code()).as(dry.all()).isZero();
    assertThat(dry.out()).contains("  + posts/first/index.html").contains("Dry run for dir: would add").contains("Nothing was sent.");
    assertThat(www).doesNotExist();
  }

  @Test
  void files_the_site_no_longer_has_are_deleted_from_the_folder_and_empty_folders_go_too() throws IOException {
    Path root = tmp.resolve("blog");
    Path www = tmp.resolve("www");
    Blogs.blog(root, "");
    Files.createDirectories(www.resolve("old/deep"));
    Files.writeString(www.resolve("old/deep/page.html"), "stale");
    Cli.Run r = Cli.run("publish", "dir", "--to", www.toString(), "--source", root.toString());
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(www.resolve("old")).doesNotExist();
  }

  @Test
  void mirroring_into_the_blog_folder_itself_is_refused() throws IOException {
    Path root = tmp.resolve("blog");
    Blogs.blog(root, "");
    Cli.Run r = Cli.run("publish", "dir", "--to", root.toString(), "--source", root.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("refusing to mirror into").contains("hint:");
    assertThat(root.resolve("content/posts/first.md")).exists();
  }

  @Test
  void a_missing_flag_and_an_unknown_target_are_clear_problems() {
    Path root = tmp.resolve("blog");
    Blogs.blog(root, "");
    Cli.Run none = Cli.run("publish", "--source", root.toString());
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("there is nowhere to publish to").contains("publish dir --to PATH");
    Cli.Run noTo = Cli.run("publish", "dir", "--source", root.toString());
    assertThat(noTo.err()).contains("publish dir needs --to PATH");
    Cli.Run unknown = Cli.run("publish", "ftp", "--source", root.toString());
    assertThat(unknown.err()).contains("no deploy target named `ftp`");
  }

  @Test
  void secrets_in_site_yaml_are_refused_with_their_line() {
    Path root = tmp.resolve("blog");
    Blogs.blog(root, "deploy:\n  r2:\n    type: s3\n    bucket: b\n    secretKey: abc\n");
    Cli.Run r = Cli.run("publish", "--source", root.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("content/site.yaml:7:5: credentials do not belong in site.yaml (`secretKey`)");
  }

  @Test
  void a_build_problem_stops_the_publish_before_anything_is_sent() {
    Path root = tmp.resolve("blog");
    Path www = tmp.resolve("www");
    Blogs.blog(root, "").add("-- content/posts/bad.md --\n---\ntitle: [unclosed\n---\n");
    Cli.Run r = Cli.run("publish", "dir", "--to", www.toString(), "--source", root.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("content/posts/bad.md:2").contains("nothing was published");
    assertThat(www).doesNotExist();
  }

  @Test
  void the_builds_warnings_are_shown_and_the_site_is_still_published() throws IOException {
    Path root = tmp.resolve("hugo");
    Path www = tmp.resolve("www");
    Files.createDirectories(root.resolve("content/posts"));
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("hugo.toml"), "title = \"H\"\n");
    Files.writeString(root.resolve("content/posts/a.md"), "---\ntitle: A\ndate: 2024-01-01\n---\nHi\n");
    Files.writeString(root.resolve("data/links.json"), "[]");

    Cli.Run r = Cli.run("publish", "dir", "--to", www.toString(), "--source", root.toString());

    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.err()).contains("warning 1) data/links.json").contains("only YAML data files are read");
    assertThat(r.out()).contains("Built 1 post, ").contains("Published to dir: ");
    assertThat(www.resolve("index.html")).exists();
  }
}
