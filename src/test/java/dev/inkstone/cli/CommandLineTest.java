package dev.inkstone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  @TempDir Path dir;

  @Test
  void help_lists_the_commands_and_each_command_its_options() {
    Cli.Run top = Cli.run("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).startsWith("Usage: inkstone COMMAND").contains("  build ", "  serve ", "  new ", "  check ", "  publish ", "  import ")
        .doesNotContain("daemon");
    assertThat(Cli.run().out()).isEqualTo(top.out());

    Cli.Run build = Cli.run("build", "--help");
    assertThat(build.code()).isZero();
    assertThat(build.out()).contains("Usage: inkstone build [OPTIONS]", "--source=DIR", "-v, --verbose", "-h, --help");

    Cli.Run post = Cli.run("new", "post", "-h");
    assertThat(post.out()).contains("Usage: inkstone new post [OPTIONS] TITLE", "Arguments:", "--tags=a,b");
    assertThat(Cli.run("--version").out()).startsWith("inkstone ");
  }

  @Test
  void a_usage_error_is_one_message_with_a_hint_and_exit_code_2() {
    Cli.Run typo = Cli.run("bulid");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("'bulid' is not a command").contains("hint: the commands are build, serve");

    Cli.Run unknown = Cli.run("build", "--sauce", "x");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("inkstone build: unknown option --sauce").contains("inkstone build --help");

    // no partial matching: a shortened option is not taken for the long one
    assertThat(Cli.run("build", "--sour", "x").err()).contains("unknown option --sour");
    assertThat(Cli.run("build", "--source").err()).contains("--source needs a value (DIR)");
    assertThat(Cli.run("serve", "--port", "eighty").err()).contains("--port takes a whole number, not 'eighty'");
    assertThat(Cli.run("new", "post").err()).contains("inkstone new post: missing TITLE");
    assertThat(Cli.run("build", "extra").err()).contains("unexpected word 'extra'");
    assertThat(Cli.run("publish", "s3", "--path-style", "maybe").err()).contains("--path-style takes true or false, not 'maybe'");
    assertThat(Cli.run("new", "site", dir.resolve("b").toString(), "--timezone", "Mars/Olympus").err()).contains("is not a time zone");
    for (String[] args : new String[][] {{"bulid"}, {"build", "--sauce"}, {"new", "post"}}) {
      assertThat(Cli.run(args).all()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void options_take_their_value_after_a_space_or_an_equals_sign() throws Exception {
    Files.createDirectories(dir.resolve("blog/content/posts"));
    Files.writeString(dir.resolve("blog/content/posts/a.md"), "---\ntitle: A\ndate: 2024-03-01\n---\nhello\n");
    Cli.Run r = Cli.run("build", "--source=" + dir.resolve("blog"), "--out", dir.resolve("out").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve("out/posts/a/index.html")).exists();
  }
}
