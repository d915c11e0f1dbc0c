package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.output.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview server's rebuilds: after each edit, the outputs of {@link SiteBuild#rebuild} with
 * its cache are byte for byte what a full build of the same files writes, and an edit renders
 * only the pages it touches.
 */
class IncrementalBuildTest {
  @TempDir Path dir;
  @TempDir Path full;

  private TestSite site;
  private final BuildCache cache = new BuildCache();

  private static final String BLOG = """
      -- content/site.yaml --
      title: Test blog
      baseUrl: https://example.org/
      language: en
      theme: mine
      paginate: 2
      taxonomies: [series]
      -- themes/mine/theme.yaml --
      name: mine
      extends: default
      -- themes/mine/static/css/extra.css --
      body { color: black; }
      -- content/posts/a.md --
      ---
      title: Alpha
      date: 2024-03-01
      categories: [Java]
      tags: [Kafka, JVM]
      series: Basics
      ---
      Alpha talks about kafka consumers and the JVM. See [beta](./b.md).
      -- content/posts/b.md --
      ---
      title: Beta
      date: 2024-03-02
      tags: [Kafka]
      ---
      Beta is about kafka too.
      -- content/posts/c.md --
      ---
      title: Gamma
      date: 2024-04-02
      tags: [Go]
      ---
      Gamma is about goroutines.
      -- content/posts/d.md --
      ---
      title: Delta
      date: 2024-05-02
      tags: [Go, JVM]
      series: Basics
      ---
      Delta compares goroutines and JVM threads.
      -- content/pages/about.md --
      ---
      title: About
      ---
      About this blog.
      -- content/data/links.yaml --
      - name: Friend
        url: https://friend.example/
      """;

  @BeforeEach
  void firstBuild() {
    site = TestSite.write(dir, BLOG);
    assertThat(rebuild().ok()).isTrue();
    assertSameAsFullBuild();
  }

  /** Pages the last edit rendered, its refresh included. */
  private int renderedByEdit;

  private BuildRequest request() {
    return new BuildRequest(dir.toAbsolutePath().normalize(), null, true, false, null, TestSite.CLOCK, true);
  }

  private BuildResult rebuild(String... changed) {
    List<Path> paths = new ArrayList<>();
    for (String c : changed) {
      paths.add(dir.toAbsolutePath().normalize().resolve(c));
    }
    BuildResult r = SiteBuild.rebuild(request(), cache, paths);
    renderedByEdit = cache.rendered();
    // as the preview server does once saves pause: exact related posts and search index
    if (r.ok() && cache.relatedStale()) {
      r = SiteBuild.refresh(request(), cache);
      renderedByEdit += cache.rendered();
    }
    return r;
  }

  private void edit(String files, String... changed) {
    site.add(files);
    BuildResult r = rebuild(changed);
    assertThat(r.problems()).isEmpty();
    assertSameAsFullBuild();
  }

  private void assertSameAsFullBuild() {
    FullBuildComparison.assertServesAFullBuild(cache, dir, full);
  }

  @Test
  void editing_a_post_body_renders_that_post_and_the_lists_that_show_it_and_nothing_else() {
    int all = cache.outputs().size();
    edit("""
        -- content/posts/c.md --
        ---
        title: Gamma
        date: 2024-04-02
        tags: [Go]
        ---
        Gamma is about goroutines and channels, now with a longer body.
        """, "content/posts/c.md");
    assertThat(renderedByEdit).isGreaterThan(0).isLessThan(all / 2);
    assertThat(new String(find("posts/c/index.html").bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("channels");
  }

  @Test
  void an_unchanged_save_renders_nothing() {
    edit("", "content/posts/a.md");
    assertThat(renderedByEdit).isZero();
  }

  @Test
  void a_new_title_reaches_neighbours_lists_and_related_posts() {
    edit("""
        -- content/posts/b.md --
        ---
        title: Beta, renamed
        date: 2024-03-02
        tags: [Kafka]
        ---
        Beta is about kafka too.
        """, "content/posts/b.md");
    assertThat(new String(find("posts/a/index.html").bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("Beta, renamed");
  }

  @Test
  void a_renamed_post_reaches_the_other_posts_of_its_series_and_an_untouched_post_is_not_rendered() {
    edit("""
        -- content/posts/d.md --
        ---
        title: Delta, renamed
        date: 2024-05-02
        tags: [Go, JVM]
        series: Basics
        ---
        Delta compares goroutines and JVM threads.
        """, "content/posts/d.md");
    assertThat(new String(find("posts/a/index.html").bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("Delta, renamed");
  }

  @Test
  void edits_in_a_row_each_give_what_a_full_build_gives() {
    for (int i = 0; i < 4; i++) {
      edit("-- content/posts/b.md --\n---\ntitle: Beta " + i + "\ndate: 2024-03-02\ntags: [Kafka]\n---\nBeta, take " + i + ".\n",
          "content/posts/b.md");
      edit("-- content/posts/c.md --\n---\ntitle: Gamma\ndate: 2024-04-02\ntags: [Go]\n---\n" + "word ".repeat(i + 1) + "\n",
          "content/posts/c.md");
    }
  }

  @Test
  void new_tags_dates_and_deleted_posts_give_what_a_full_build_gives() throws IOException {
    edit("""
        -- content/posts/a.md --
        ---
        title: Alpha
        date: 2024-06-01
        categories: [Java, Ops]
        tags: [Kafka, Streams]
        ---
        Alpha moved to June.
        """, "content/posts/a.md");
    Files.delete(dir.resolve("content/posts/d.md"));
    BuildResult r = rebuild("content/posts/d.md");
    assertThat(r.problems()).isEmpty();
    assertSameAsFullBuild();
  }

  @Test
  void a_tag_spelled_anew_and_a_sub_category_renamed_reach_every_page_that_names_them() {
    // the majority spelling names a tag: two posts writing "KAFKA" outvote one "Kafka"
    edit("""
        -- content/posts/b.md --
        ---
        title: Beta
        date: 2024-03-02
        tags: [KAFKA]
        categories: [[Java, Streams]]
        ---
        Beta is about kafka too.
        """, "content/posts/b.md");
    edit("""
        -- content/posts/c.md --
        ---
        title: Gamma
        date: 2024-04-02
        tags: [Go, KAFKA]
        ---
        Gamma is about goroutines.
        """, "content/posts/c.md");
    // a post outside the sub-category renames it by spelling; the parent's page lists it
    edit("""
        -- content/posts/d.md --
        ---
        title: Delta
        date: 2024-05-02
        tags: [Go, JVM]
        categories: [[Java, STREAMS]]
        series: Basics
        ---
        Delta compares goroutines and JVM threads.
        """, "content/posts/d.md");
    edit("""
        -- content/posts/c.md --
        ---
        title: Gamma
        date: 2024-04-02
        tags: [Go, KAFKA]
        categories: [[Java, STREAMS]]
        ---
        Gamma is about goroutines, now in streams.
        """, "content/posts/c.md");
  }

  @Test
  void a_post_made_a_draft_gets_the_noindex_a_full_build_gives_it() {
    edit("""
        -- content/posts/b.md --
        ---
        title: Beta
        date: 2024-03-02
        tags: [Kafka]
        draft: true
        ---
        Beta is about kafka too.
        """, "content/posts/b.md");
    assertThat(new String(find("posts/b/index.html").bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("noindex");
  }

  @Test
  void a_post_in_a_new_folder_is_picked_up() {
    edit("""
        -- content/posts/2025/new-bundle/index.md --
        ---
        title: Bundle
        date: 2025-01-01
        tags: [Go]
        ---
        ![pic](./pic.txt)
        -- content/posts/2025/new-bundle/pic.txt --
        not really a picture
        """, "content/posts/2025");
    assertThat(find("posts/new-bundle/index.html")).isNotNull();
  }

  @Test
  void a_template_edit_renders_what_uses_it() {
    edit("""
        -- themes/mine/templates/post.peb --
        {% extends "base" %}
        {% block content %}<article class="mine">{{ page.content }}</article>{% endblock %}
        """, "themes/mine/templates/post.peb");
    assertThat(new String(find("posts/a/index.html").bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("class=\"mine\"");
  }

  @Test
  void a_site_yaml_edit_rebuilds_everything() {
    edit("""
        -- content/site.yaml --
        title: Renamed blog
        baseUrl: https://example.org/blog/
        language: zh-CN
        theme: mine
        paginate: 1
        """, "content/site.yaml");
    assertThat(new String(find("index.html").bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("Renamed blog");
  }

  @Test
  void a_data_file_edit_and_a_stylesheet_edit_give_what_a_full_build_gives() {
    edit("""
        -- content/data/links.yaml --
        - name: Another friend
          url: https://another.example/
        """, "content/data/links.yaml");
    edit("""
        -- themes/mine/static/css/extra.css --
        body { color: navy; }
        """, "themes/mine/static/css/extra.css");
  }

  @Test
  void a_failed_rebuild_keeps_the_last_good_outputs_and_the_fix_gives_a_full_build() {
    List<Output> before = cache.outputs();
    site.add("""
        -- content/posts/a.md --
        ---
        title: [unclosed
        date: 2024-03-01
        ---
        Broken.
        """);
    BuildResult r = rebuild("content/posts/a.md");
    assertThat(r.problems()).isNotEmpty();
    assertThat(r.problems().get(0).file().toString().replace('\\', '/')).isEqualTo("content/posts/a.md");
    assertThat(cache.outputs()).isSameAs(before);
    edit("""
        -- content/posts/a.md --
        ---
        title: Alpha again
        date: 2024-03-01
        ---
        Fixed.
        """, "content/posts/a.md");
  }

  private Output find(String path) {
    return cache.outputs().stream().filter(o -> o.path().equals(path)).findFirst().orElse(null);
  }
}
