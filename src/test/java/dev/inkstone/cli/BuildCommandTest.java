package dev.inkstone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = InkstoneCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void a_good_blog_builds_and_says_what_it_wrote() throws Exception {
    Files.createDirectories(dir.resolve("content/posts"));
    Files.writeString(dir.resolve("content/posts/a.md"), "---\ntitle: A\ndate: 2024-03-01\n---\nhello\n");
    Run r = run("build", "--source", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Built 1 post,");
    assertThat(dir.resolve("site/posts/a/index.html")).exists();
  }

  @Test
  void bad_input_gives_numbered_problems_exit_code_1_and_no_stack_trace() throws Exception {
    Files.createDirectories(dir.resolve("content/posts"));
    Files.writeString(dir.resolve("content/posts/a.md"), "---\ntitle: A\ndate: someday\n---\nhello\n");
    Files.writeString(dir.resolve("content/posts/b.md"), "---\ntitle: [B\n---\nhello\n");
    Run r = run("build", "--source", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("1) content/posts/a.md:3:").contains("2) content/posts/b.md:2").contains("Found 2 problems");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  @Test
  void a_folder_that_is_not_a_blog_is_a_clear_message() {
    Run r = run("build", "--source", dir.resolve("nowhere").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("does not exist").doesNotContain("Exception");
  }

  @Test
  void a_site_folder_that_cannot_be_made_is_a_clear_message_and_exit_code_1() throws Exception {
    Files.createDirectories(dir.resolve("content/posts"));
    Files.writeString(dir.resolve("content/posts/a.md"), "---\ntitle: A\ndate: 2024-03-01\n---\nhello\n");
    Files.writeString(dir.resolve("taken"), "a file where the site's parent folder should be");
    Run r = run("build", "--source", dir.toString(), "--out", dir.resolve("taken/site").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("inkstone: cannot make a staging folder beside").contains("hint:")
        .doesNotContain("bug in Inkstone").doesNotContain("\tat ");
  }
}
