package dev.inkstone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir Path dir;

  @Test
  void the_training_build_writes_a_generated_blog_and_builds_all_of_it() throws Exception {
    Cli.Run r = Cli.run("train", dir.toString(), "--posts", "100");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Built 100 posts,");
    try (var posts = Files.walk(dir.resolve("blog/content/posts"))) {
      assertThat(posts.filter(p -> p.toString().endsWith(".md")).count()).isEqualTo(100);
    }
    assertThat(Files.readString(dir.resolve("site/search/index.json"))).contains("\"posts\":100");
    assertThat(dir.resolve("site/feed.xml")).exists();
  }

  @Test
  void it_is_not_listed_in_the_help() {
    assertThat(Cli.run("--help").all()).doesNotContain("train");
  }

  @Test
  void a_wrong_count_is_a_usage_error() {
    Cli.Run r = Cli.run("train", dir.toString(), "--posts", "99");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--posts: 99 is not between 100 and 100000");
  }
}
