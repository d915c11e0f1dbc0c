package dev.inkstone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadProbeTest {
  @TempDir Path dir;

  /** A project whose launcher answers `serve` with {@link FakeServe}, and nothing else. */
  private Path project(boolean withServe) throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script = "#!/bin/sh\n"
        + (withServe
            ? "if [ \"$1\" = serve ] && [ \"$2\" = --help ]; then echo 'Usage: inkstone serve [--port PORT]'; exit 0; fi\n"
                + "[ \"$1\" = serve ] && exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + FakeServe.class.getName() + " \"$@\"\n"
            : "")
        + "echo 'Usage: inkstone [COMMAND]'; exit 0\n";
    Path launcher = project.resolve("inkstone");
    Files.writeString(launcher, script);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    return project;
  }

  private String probe(Path project, Path blog, int edits, ByteArrayOutputStream log) throws Exception {
    String post = CorpusGenerator.post(1, 1).path();
    return new ReloadProbe(project, blog, post, edits, new PrintStream(log, true, StandardCharsets.UTF_8)).measure();
  }

  @Test
  void edits_to_a_post_are_timed_until_the_reload_event_and_the_post_is_restored() throws Exception {
    Path blog = dir.resolve("work/blog");
    CorpusGenerator.write(blog, 3, 1);
    Path post = blog.resolve(CorpusGenerator.post(1, 1).path());
    String before = Files.readString(post);
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    String cell = probe(project(true), blog, 3, log);

    assertThat(cell).as(log.toString(StandardCharsets.UTF_8)).matches("\\d+");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("3 edits");
    assertThat(post).hasContent(before);
    assertThat(blog.resolve("site")).doesNotExist();
  }

  @Test
  void without_a_serve_command_the_reload_time_is_not_available() throws Exception {
    Path blog = dir.resolve("work/blog");
    CorpusGenerator.write(blog, 1, 1);
    assertThat(probe(project(false), blog, 3, new ByteArrayOutputStream())).isEqualTo("n/a (no serve)");
  }
}
