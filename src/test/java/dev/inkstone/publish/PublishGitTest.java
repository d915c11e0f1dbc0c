package dev.inkstone.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.build.TestSite;
import dev.inkstone.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishes into a real bare repository with the real git. */
class PublishGitTest {
  @TempDir Path tmp;

  int commits(Path bare) {
    return Integer.parseInt(Blogs.git(bare, "rev-list", "--count", "gh-pages").trim());
  }

  List<String> files(Path bare) {
    return Blogs.git(bare, "ls-tree", "-r", "--name-only", "gh-pages").lines().toList();
  }

  /** The branch's files and contents, to compare with site/. */
  Map<String, String> branch(Path bare) {
    Map<String, String> out = new TreeMap<>();
    for (String f : files(bare)) {
      out.put(f, Blogs.git(bare, "show", "gh-pages:" + f));
    }
    return out;
  }

  @Test
  void first_publish_an_edit_a_no_op_and_a_deleted_post_on_a_bare_repository() throws IOException {
    Path bare = tmp.resolve("pages.git");
    Files.createDirectories(bare);
    Blogs.git(bare, "init", "--quiet", "--bare");
    Path root = tmp.resolve("blog");
    TestSite blog = Blogs.blog(root, "deploy:\n  pages:\n    type: git\n    repo: ../pages.git\n    branch: gh-pages\n"
        + "    cname: blog.example.org\n    nojekyll: true\n");

    Cli.Run first = Cli.run("publish", "--source", root.toString());
    assertThat(first.code()).as(first.all()).isZero();
    assertThat(first.out()).contains("committed ").contains("to gh-pages and pushed");
    assertThat(commits(bare)).isEqualTo(1);
    Map<String, String> expected = new TreeMap<>(Blogs.tree(blog.out()));
    assertThat(files(bare)).contains("CNAME", ".nojekyll", "posts/first/index.html", "posts/second/index.html");
    assertThat(Blogs.git(bare, "show", "gh-pages:CNAME")).isEqualTo("blog.example.org\n");

    blog.add("-- content/posts/first.md --\n---\ntitle: First\ndate: 2024-01-01\n---\nHello, edited.\n");
    Cli.Run edit = Cli.run("publish", "pages", "--source", root.toString());
    assertThat(edit.code()).as(edit.all()).isZero();
    assertThat(commits(bare)).isEqualTo(2);
    assertThat(Blogs.git(bare, "show", "gh-pages:posts/first/index.html")).contains("Hello, edited.");
    expected = new TreeMap<>(Blogs.tree(blog.out()));
    expected.put("CNAME", "blog.example.org\n");
    expected.put(".nojekyll", "");
    assertThat(branch(bare).keySet()).isEqualTo(expected.keySet());

    Cli.Run noop = Cli.run("publish", "--source", root.toString());
    assertThat(noop.code()).as(noop.all()).isZero();
    assertThat(noop.out()).contains("nothing changed, nothing sent").contains("no commit made");
    assertThat(commits(bare)).isEqualTo(2);

    Files.delete(root.resolve("content/posts/second.md"));
    Cli.Run deleted = Cli.run("publish", "--source", root.toString());
    assertThat(deleted.code()).as(deleted.all()).isZero();
    assertThat(commits(bare)).isEqualTo(3);
    assertThat(files(bare)).doesNotContain("posts/second/index.html").contains("posts/first/index.html", "CNAME");
    // history is kept: the first version is still reachable
    assertThat(Blogs.git(bare, "show", "gh-pages~2:posts/second/index.html")).contains("World.");
  }

  @Test
  void a_one_off_publish_with_flags_keeps_the_other_branches_alone() throws IOException {
    Path bare = tmp.resolve("site.git");
    Files.createDirectories(bare);
    Blogs.git(bare, "init", "--quiet", "--bare");
    // a main branch with the blog's source must stay as it is
    Path work = tmp.resolve("work");
    Files.createDirectories(work);
    Blogs.git(work, "init", "--quiet");
    Files.writeString(work.resolve("README.md"), "source");
    Blogs.git(work, "add", ".");
    Blogs.git(work, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "src");
    Blogs.git(work, "push", "--quiet", bare.toString(), "HEAD:refs/heads/main");

    Path root = tmp.resolve("blog");
    Blogs.blog(root, "");
    Cli.Run r = Cli.run("publish", "git", "--repo", bare.toString(), "--branch", "gh-pages", "--source", root.toString());
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(files(bare)).contains("posts/first/index.html").doesNotContain("CNAME", ".nojekyll");
    assertThat(Blogs.git(bare, "ls-tree", "-r", "--name-only", "main").trim()).isEqualTo("README.md");

    Cli.Run dry = Cli.run("publish", "git", "--repo", bare.toString(), "--dry-run", "--source", root.toString());
    assertThat(dry.out()).contains("would add 0, change 0, delete 0");
    assertThat(commits(bare)).isEqualTo(1);
  }

  @Test
  void an_unreachable_repository_is_a_clear_message_not_a_stack_trace() {
    Path root = tmp.resolve("blog");
    Blogs.blog(root, "");
    Cli.Run r = Cli.run("publish", "git", "--repo", tmp.resolve("nowhere.git").toString(), "--source", root.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("publish to git failed: cannot reach").contains("hint:").doesNotContain("Exception");
  }
}
