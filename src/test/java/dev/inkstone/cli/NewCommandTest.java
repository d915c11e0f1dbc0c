package dev.inkstone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {
  @TempDir Path dir;

  @Test
  void new_site_then_new_post_then_build_works_from_the_command_line_and_a_collision_exits_with_1() {
    Path blog = dir.resolve("my-blog");
    Cli.Run site = Cli.run("new", "site", blog.toString(), "--title", "墨", "--timezone", "Asia/Shanghai");
    assertThat(site.code()).as(site.all()).isZero();
    assertThat(site.out()).contains("Created a new blog in").contains("  content/site.yaml");

    Cli.Run post = Cli.run("new", "post", "长城与银行", "--tags", "a,b", "--source", blog.toString());
    assertThat(post.code()).as(post.all()).isZero();
    assertThat(post.out()).isEqualTo("Created content/posts/chang-cheng-yu-yin-hang.md (slug chang-cheng-yu-yin-hang, from the archetypes/post.md archetype)\n");
    assertThat(blog.resolve("content/posts/chang-cheng-yu-yin-hang.md")).content().contains("tags: [\"a\", \"b\"]");

    Cli.Run again = Cli.run("new", "post", "长城与银行", "--source", blog.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("1) content/posts/chang-cheng-yu-yin-hang.md: already exists; nothing was written")
        .contains("hint: pick another title, or give another slug with --slug");

    Cli.Run build = Cli.run("build", "--source", blog.toString());
    assertThat(build.code()).as(build.all()).isZero();
  }
}
