package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.diagnostic.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
  @TempDir Path dir;

  private static final String GOOD = """
      -- content/posts/good.md --
      ---
      title: Good
      date: 2024-03-01
      ---
      fine
      """;

  @Test
  void all_problems_of_a_build_are_reported_together_and_the_previous_site_is_kept() throws Exception {
    TestSite site = TestSite.write(dir, GOOD).buildOk();
    byte[] before = Files.readAllBytes(site.out().resolve("index.html"));
    site.add("""
        -- content/posts/broken.md --
        ---
        title: [unclosed
        date: 2024-03-01
        ---
        x
        -- content/posts/untitled.md --
        ---
        date: 2024-03-01
        ---
        y
        -- content/posts/baddate.md --
        ---
        title: Bad date
        date: 2024-13-45
        ---
        z
        """);
    BuildResult r = site.build();
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).extracting(p -> p.file().toString().replace('\\', '/'))
        .contains("content/posts/broken.md", "content/posts/untitled.md", "content/posts/baddate.md");
    Problem date = r.problems().stream().filter(p -> p.file().toString().endsWith("baddate.md")).findFirst().orElseThrow();
    assertThat(date.line()).isEqualTo(3);
    assertThat(Files.readAllBytes(site.out().resolve("index.html"))).isEqualTo(before);
  }

  @Test
  void two_pages_at_one_url_is_an_error_naming_both_files() {
    BuildResult r = TestSite.write(dir, GOOD + """
        -- content/posts/other.md --
        ---
        title: Other
        slug: good
        date: 2024-03-02
        ---
        clash
        """).build();
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).anySatisfy(p -> assertThat(p.format()).contains("/posts/good/").contains("good.md").contains("other.md"));
  }

  @Test
  void a_data_file_named_like_a_data_folder_or_another_file_is_an_error_in_either_order() {
    BuildResult r = TestSite.write(dir, GOOD + """
        -- content/data/comments.yaml --
        a: 1
        -- content/data/comments/hello.yaml --
        b: 2
        -- content/data/team/people.yaml --
        - x
        -- content/data/team.yaml --
        c: 3
        -- content/data/links.json --
        []
        -- content/data/links.yaml --
        - y
        """).build();
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).extracting(p -> p.format().replace('\\', '/'))
        .anySatisfy(p -> assertThat(p).startsWith("content/data/comments.yaml").contains("same name as the data folder"))
        .anySatisfy(p -> assertThat(p).startsWith("content/data/team.yaml").contains("same name as the data folder"))
        .anySatisfy(p -> assertThat(p).contains("links.").contains("same name as content/data/links."));
  }

  @Test
  void a_menu_entry_pointing_nowhere_names_its_line_in_site_yaml() {
    BuildResult r = TestSite.write(dir, GOOD + """
        -- content/site.yaml --
        title: T
        menu:
          - name: 首页
            url: /
          - name: 关于
            page: about
        """).build();
    assertThat(r.ok()).isFalse();
    Problem p = r.problems().get(0);
    assertThat(p.file().toString()).endsWith("site.yaml");
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.message()).contains("about");
  }

  @Test
  void a_file_that_is_not_utf8_is_reported_with_its_place() throws Exception {
    TestSite site = TestSite.write(dir, GOOD);
    Files.write(dir.resolve("content/posts/latin1.md"), "---\ntitle: caf\u00e9\ndate: 2024-03-01\n---\n".getBytes("ISO-8859-1"));
    BuildResult r = site.build();
    assertThat(r.ok()).isFalse();
    assertThat(r.problems().get(0).file().toString()).endsWith("latin1.md");
    assertThat(r.problems().get(0).line()).isEqualTo(2);
    assertThat(r.problems().get(0).hint()).contains("UTF-8");
  }

  @Test
  void a_template_syntax_error_names_the_template_and_its_line() {
    BuildResult r = TestSite.write(dir, GOOD + """
        -- themes/broken/theme.yaml --
        name: broken
        extends: default
        -- themes/broken/templates/post.peb --
        {% extends "base" %}
        {% block content %}
        {{ page.title
        {% endblock %}
        -- content/site.yaml --
        title: T
        theme: broken
        """).build();
    assertThat(r.ok()).isFalse();
    assertThat(r.problems().get(0).file().toString().replace('\\', '/')).endsWith("templates/post.peb");
    assertThat(r.problems().get(0).line()).isBetween(3, 5);
  }

  @Test
  void a_missing_layout_template_is_an_error() {
    BuildResult r = TestSite.write(dir, GOOD + """
        -- content/pages/about.md --
        ---
        title: About
        layout: fancy
        ---
        me
        """).build();
    assertThat(r.ok()).isFalse();
    assertThat(r.problems().get(0).format()).contains("about.md").contains("fancy");
  }

  @Test
  void an_alias_bomb_in_front_matter_fails_fast() {
    StringBuilder yaml = new StringBuilder("---\ntitle: bomb\ndate: 2024-03-01\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      yaml.append("]\n");
      prev = c;
    }
    yaml.append("---\nbody\n");
    BuildResult r = TestSite.write(dir, GOOD + "-- content/posts/bomb.md --\n" + yaml).build();
    assertThat(r.ok()).isFalse();
    assertThat(r.problems().get(0).file().toString()).endsWith("bomb.md");
  }

  @Test
  void a_multi_megabyte_front_matter_is_refused_without_reading_it_all() {
    String huge = "---\ntitle: big\ndate: 2024-03-01\nblob: \"" + "x".repeat(3 * 1024 * 1024) + "\"\n---\nbody\n";
    BuildResult r = TestSite.write(dir, GOOD + "-- content/posts/huge.md --\n" + huge).build();
    assertThat(r.ok()).isFalse();
    assertThat(r.problems().get(0).file().toString()).endsWith("huge.md");
  }

  @Test
  void a_problem_found_while_rendering_leaves_the_previous_site_and_no_staging_folder() throws Exception {
    TestSite site = TestSite.write(dir, GOOD).buildOk();
    byte[] before = Files.readAllBytes(site.out().resolve("posts/good/index.html"));
    site.add("""
        -- content/posts/good.md --
        ---
        title: Changed
        date: 2024-03-01
        ---
        changed
        -- content/pages/about.md --
        ---
        title: About
        layout: fancy
        ---
        me
        """);
    assertThat(site.build().ok()).isFalse();
    assertThat(Files.readAllBytes(site.out().resolve("posts/good/index.html"))).isEqualTo(before);
    try (var siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("staging"));
    }
  }

  @Test
  void a_template_error_on_every_post_is_reported_once_with_a_count() {
    BuildResult r = TestSite.write(dir, GOOD + """
        -- content/posts/b.md --
        ---
        title: B
        date: 2024-03-02
        ---
        b
        -- content/posts/c.md --
        ---
        title: C
        date: 2024-03-03
        ---
        c
        -- themes/typo/theme.yaml --
        name: typo
        extends: default
        -- themes/typo/templates/post.peb --
        {% extends "base" %}
        {% block content %}
        <h1>{{ page.titel }}</h1>
        {% endblock %}
        -- content/site.yaml --
        title: T
        theme: typo
        """).build();
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).hasSize(1);
    Problem p = r.problems().get(0);
    assertThat(p.file().toString().replace('\\', '/')).endsWith("templates/post.peb");
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.message()).contains("titel").contains("content/posts/b.md and 2 more");
  }
}
