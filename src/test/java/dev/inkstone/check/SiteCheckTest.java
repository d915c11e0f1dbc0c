package dev.inkstone.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.build.TestSite;
import dev.inkstone.cli.Cli;
import dev.inkstone.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCheckTest {
  @TempDir Path dir;

  /** One of each breakage, each on a known line. */
  static final String BROKEN = """
      -- content/site.yaml --
      title: Checked
      baseUrl: https://example.org/
      menu:
        - name: Home
          url: /
        - name: Gone
          url: /gone-page/
      -- content/posts/links.md --
      ---
      title: Links
      date: 2024-01-01
      description: A post full of links.
      ---
      Fine: [other](anchors.md), [section](anchors.md#real-section), [top](#top), [self](#intro).

      <a id="intro"></a>Broken: [nowhere](/no-such-post/).

      Anchor: [wrong](anchors.md#no-such-section)

      ![missing](missing-photo.png)

      ![big](/images/huge.png)
      -- content/posts/anchors.md --
      ---
      title: Anchors
      date: 2024-01-02
      description: Headings to link to.
      ---
      ## Real section

      text
      -- content/posts/dup-one.md --
      ---
      title: Same Title
      date: 2024-01-03
      description: first
      ---
      one
      -- content/posts/dup-two.md --
      ---
      date: 2024-01-04
      title: Same Title
      description: second
      ---
      two
      -- content/posts/plain.md --
      ---
      title: Plain
      date: 2024-01-05
      ---
      No description here.
      -- content/pages/widget.html --
      <!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>A raw page without a title.</p></body></html>
      """;

  TestSite broken() throws IOException {
    TestSite site = TestSite.write(dir, BROKEN);
    Files.createDirectories(dir.resolve("content/static/images"));
    Files.write(dir.resolve("content/static/images/huge.png"), new byte[3 * 1024]);
    return site;
  }

  CheckReport check() {
    return SiteCheck.run(CheckRequest.of(dir, false).withMaxImageBytes(2 * 1024), Progress.NONE);
  }

  static String line(Finding f) {
    return f.kind() + " " + f.fileName() + ":" + f.line();
  }

  @Test
  void each_kind_of_breakage_is_reported_once_with_its_file_and_line() throws IOException {
    broken();
    CheckReport r = check();
    assertThat(r.buildProblems()).isEmpty();
    assertThat(r.findings().stream().map(SiteCheckTest::line).toList()).containsExactlyInAnyOrder(
        "BROKEN_LINK content/posts/links.md:8",
        "MISSING_ANCHOR content/posts/links.md:10",
        "MISSING_IMAGE content/posts/links.md:12",
        "OVERSIZED_IMAGE content/posts/links.md:14",
        "DUPLICATE_TITLE content/posts/dup-two.md:3",
        "NO_DESCRIPTION content/posts/plain.md:2",
        "NO_TITLE content/pages/widget.html:1",
        // the menu link shows on every page but is one mistake, at its line in site.yaml
        "BROKEN_LINK content/site.yaml:7");
    assertThat(r.ok()).isFalse();
    Finding dup = r.findings().stream().filter(f -> f.kind() == Finding.Kind.DUPLICATE_TITLE).findFirst().orElseThrow();
    assertThat(dup.message()).contains("the same title as content/posts/dup-one.md:2");
    Finding anchor = r.findings().stream().filter(f -> f.kind() == Finding.Kind.MISSING_ANCHOR).findFirst().orElseThrow();
    assertThat(anchor.message()).isEqualTo("#no-such-section is not a heading or id on /posts/anchors/");
  }

  @Test
  void the_command_groups_findings_by_file_and_exits_with_1() throws IOException {
    broken();
    Cli.Run run = Cli.run("check", "--source", dir.toString(), "--max-image-kb", "2");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("content/posts/links.md  (/posts/links/)\n"
        + "  content/posts/links.md:8: error broken link: link /no-such-post/ leads nowhere\n");
    assertThat(run.out()).contains("content/site.yaml\n  content/site.yaml:7: error broken link: link /gone-page/ leads nowhere");
    assertThat(run.out()).contains("6 errors, 2 warnings in 5 files.");
    assertThat(run.out()).containsOnlyOnce("gone-page");
  }

  @Test
  void a_clean_blog_passes_with_exit_code_0_and_descriptions_are_only_warnings() {
    TestSite.write(dir, """
        -- content/site.yaml --
        title: Clean
        -- content/posts/a.md --
        ---
        title: A
        date: 2024-01-01
        ---
        See [b](b.md#heading) and [the top](#top).
        -- content/posts/b.md --
        ---
        title: B
        date: 2024-01-02
        summary: B in a sentence.
        ---
        ## Heading
        """);
    Cli.Run run = Cli.run("check", "--source", dir.toString());
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).contains("0 errors, 1 warning in 1 file.").contains("content/posts/a.md:2: warning no description");
  }

  @Test
  void a_build_problem_is_reported_as_such_and_nothing_else_is_checked() {
    TestSite.write(dir, "-- content/posts/a.md --\n---\ntitle: [x\n---\n");
    Cli.Run run = Cli.run("check", "--source", dir.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("content/posts/a.md:2").contains("the build failed, so nothing else was checked");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  @Test
  void candidates_for_the_source_line_go_from_exact_to_loose() {
    assertThat(SourceLines.candidates("/posts/b/#x")).startsWith("(/posts/b/#x)").contains("b#x", "#x");
    assertThat(SourceLines.candidates("%E7%BC%93.png")).contains("缓.png");
    assertThat(List.of(1)).hasSize(1);
  }
}
