package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row 8 of the reference blog: 最后更新 from front matter, else from the file's last git commit. */
class GitUpdatedTest {
  @TempDir Path dir;

  private void git(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org")));
    pb.command().addAll(List.of(args));
    pb.directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void a_post_edited_after_its_date_shows_its_last_commit_as_updated() throws Exception {
    assumeTrue(new ProcessBuilder("git", "--version").start().waitFor() == 0, "git is installed");
    TestSite site = TestSite.write(dir, """
        -- content/posts/a.md --
        ---
        title: A
        date: 2024-03-01
        ---
        first
        -- content/posts/b.md --
        ---
        title: B
        date: 2024-03-01
        updated: 2024-04-02
        ---
        mine
        """);
    git(Map.of(), "init", "-q");
    git(Map.of("GIT_AUTHOR_DATE", "2024-05-01T12:00:00Z", "GIT_COMMITTER_DATE", "2024-05-01T12:00:00Z"), "add", ".");
    git(Map.of("GIT_AUTHOR_DATE", "2024-05-01T12:00:00Z", "GIT_COMMITTER_DATE", "2024-05-01T12:00:00Z"), "commit", "-q", "-m", "posts");
    site.buildOk();
    assertThat(site.html("posts/a/index.html").select(".post-updated time").attr("datetime")).startsWith("2024-05-01");
    assertThat(site.html("posts/b/index.html").select(".post-updated time").attr("datetime")).startsWith("2024-04-02");
  }
}
