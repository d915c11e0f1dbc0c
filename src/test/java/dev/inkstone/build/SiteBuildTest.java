package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuildTest {
  @TempDir Path dir;

  private static final String TWO_POSTS = """
      -- content/posts/hello.md --
      ---
      title: Hello
      date: 2024-03-01
      categories: [Java]
      tags: [Kafka, JVM]
      ---
      First post. See [the next one](./second.md#why).
      -- content/posts/second.md --
      ---
      title: 第二篇
      date: 2024-03-02 10:30
      category: 架构/微服务
      tags: kafka
      ---
      ## Why

      正文。
      """;

  @Test
  void a_folder_holding_only_posts_builds_with_defaults() {
    TestSite site = TestSite.write(dir, TWO_POSTS).buildOk();
    assertThat(site.exists("index.html")).isTrue();
    assertThat(site.exists("posts/hello/index.html")).isTrue();
    assertThat(site.exists("404.html")).isTrue();
    assertThat(site.exists("tags/index.html")).isTrue();
    assertThat(site.exists("categories/index.html")).isTrue();
    assertThat(site.exists("archives/index.html")).isTrue();
    assertThat(site.html("posts/hello/index.html").select("h1").text()).contains("Hello");
  }

  @Test
  void the_themes_katex_and_mermaid_are_copied_only_when_a_page_uses_them() {
    TestSite plain = TestSite.write(dir, TWO_POSTS).buildOk();
    assertThat(plain.exists("vendor/katex/katex.min.js")).isFalse();
    assertThat(plain.exists("vendor/mermaid/mermaid.min.js")).isFalse();
    assertThat(plain.exists("css/style.css")).isTrue();

    TestSite math = plain.add("""
        -- content/posts/euler.md --
        ---
        title: Euler
        date: 2024-03-03
        ---
        Inline $e^{i\\pi} + 1 = 0$ here.
        """).buildOk();
    assertThat(math.exists("vendor/katex/katex.min.js")).isTrue();
    assertThat(math.exists("vendor/katex/fonts/KaTeX_Main-Regular.woff2")).isTrue();
    assertThat(math.exists("vendor/mermaid/mermaid.min.js")).isFalse();
    assertThat(math.html("posts/euler/index.html").select("script[src$=katex.min.js]")).hasSize(1);
  }

  @Test
  void a_date_written_as_a_day_stays_that_day_in_every_zone() {
    TestSite site = TestSite.write(dir, TWO_POSTS).buildOk();
    Document post = site.html("posts/hello/index.html");
    assertThat(post.select(".post-meta time").first().attr("datetime")).startsWith("2024-03-01T00:00:00");
    assertThat(site.exists("archives/2024/03/index.html")).isTrue();
    assertThat(site.exists("archives/2024/02/index.html")).isFalse();
  }

  @Test
  void tags_that_differ_only_in_case_are_one_tag_with_both_posts() {
    TestSite site = TestSite.write(dir, TWO_POSTS).buildOk();
    Document tag = site.html("tags/kafka/index.html");
    assertThat(tag.select("main a[href=/posts/hello/]")).isNotEmpty();
    assertThat(tag.select("main a[href=/posts/second/]")).isNotEmpty();
    assertThat(site.exists("tags/Kafka/index.html")).isFalse();
  }

  @Test
  void a_nested_category_has_its_own_page_and_counts_in_its_parent() {
    TestSite site = TestSite.write(dir, TWO_POSTS).buildOk();
    assertThat(site.exists("categories/架构/微服务/index.html")).isTrue();
    Document parent = site.html("categories/架构/index.html");
    assertThat(parent.select("main a[href=/posts/second/]")).isNotEmpty();
    Document post = site.html("posts/second/index.html");
    assertThat(post.select(".breadcrumb a").eachText()).containsSubsequence("架构", "微服务");
  }

  @Test
  void a_link_to_another_posts_source_file_becomes_its_url() {
    TestSite site = TestSite.write(dir, TWO_POSTS).buildOk();
    Document post = site.html("posts/hello/index.html");
    assertThat(post.select("article a:contains(the next one)").attr("href")).isEqualTo("/posts/second/#why");
  }

  @Test
  void previous_and_next_link_neighbours_by_date() {
    TestSite site = TestSite.write(dir, TWO_POSTS).buildOk();
    Document older = site.html("posts/hello/index.html");
    assertThat(older.select(".post-nav a").eachAttr("href")).containsExactly("/posts/second/");
  }

  @Test
  void drafts_and_future_posts_are_left_out_unless_asked_for() {
    TestSite site = TestSite.write(dir, TWO_POSTS + """
        -- content/posts/draft.md --
        ---
        title: Not yet
        date: 2024-01-01
        draft: true
        tags: [secret]
        ---
        x
        -- content/posts/later.md --
        ---
        title: Later
        date: 2030-01-01
        ---
        y
        """).buildOk();
    assertThat(site.exists("posts/draft/index.html")).isFalse();
    assertThat(site.exists("posts/later/index.html")).isFalse();
    assertThat(site.exists("tags/secret/index.html")).isFalse();
    BuildResult withDrafts = SiteBuild.run(site.request().withDrafts(true));
    assertThat(withDrafts.ok()).isTrue();
    assertThat(site.exists("posts/draft/index.html")).isTrue();
  }

  @Test
  void template_syntax_in_an_article_is_shown_literally() {
    TestSite site = TestSite.write(dir, """
        -- content/posts/tpl.md --
        ---
        title: Templates
        date: 2024-03-01
        ---
        Write {{ page.title }} and {% if x %}yes{% endif %} in your theme.
        """).buildOk();
    assertThat(site.html("posts/tpl/index.html").select("article").text())
        .contains("{{ page.title }}").contains("{% if x %}yes{% endif %}");
  }

  @Test
  void a_chinese_file_name_gives_a_valid_url() {
    TestSite site = TestSite.write(dir, """
        -- content/posts/缓存一致性.md --
        ---
        title: 缓存一致性
        date: 2024-03-01
        ---
        正文
        """).buildOk();
    assertThat(site.exists("posts/缓存一致性/index.html")).isTrue();
    Element link = site.html("index.html").select("main a:contains(缓存一致性)").first();
    assertThat(link.attr("href")).isEqualTo("/posts/%E7%BC%93%E5%AD%98%E4%B8%80%E8%87%B4%E6%80%A7/");
  }

  @Test
  void a_bundle_keeps_its_images_beside_the_post() {
    TestSite site = TestSite.write(dir, """
        -- content/posts/trip/index.md --
        ---
        title: Trip
        date: 2024-03-01
        slug: my-trip
        ---
        ![map](./img/map.svg)
        -- content/posts/trip/img/map.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        -- content/posts/2023/old.md --
        ---
        title: Old
        date: 2023-03-01
        ---
        ![shared](../images/shared.svg)
        -- content/posts/images/shared.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        """).buildOk();
    assertThat(site.exists("posts/my-trip/img/map.svg")).isTrue();
    assertThat(site.html("posts/my-trip/index.html").select("article img").attr("src")).isEqualTo("/posts/my-trip/img/map.svg");
    String src = site.html("posts/old/index.html").select("article img").attr("src");
    assertThat(site.exists(src.substring(1))).as(src).isTrue();
  }

  @Test
  void the_home_page_is_paginated_by_the_configured_size() {
    StringBuilder posts = new StringBuilder("-- content/site.yaml --\ntitle: T\npaginate: 3\n");
    for (int i = 1; i <= 7; i++) {
      posts.append("-- content/posts/p").append(i).append(".md --\n---\ntitle: Post ").append(i).append("\ndate: 2024-01-0").append(i)
          .append("\n---\nbody\n");
    }
    TestSite site = TestSite.write(dir, posts.toString()).buildOk();
    assertThat(site.exists("page/3/index.html")).isTrue();
    assertThat(site.exists("page/4/index.html")).isFalse();
    assertThat(site.html("index.html").select("main article h2 a").eachText()).containsExactly("Post 7", "Post 6", "Post 5");
    assertThat(site.html("page/3/index.html").select(".pagination a[rel=prev]").attr("href")).isEqualTo("/page/2/");
  }

  @Test
  void permalinks_follow_the_pattern_in_site_yaml() {
    TestSite site = TestSite.write(dir, TWO_POSTS + """
        -- content/site.yaml --
        title: T
        timezone: Asia/Shanghai
        permalinks:
          post: /:year/:month/:day/:slug/
        """).buildOk();
    assertThat(site.exists("2024/03/02/second/index.html")).isTrue();
  }

  @Test
  void a_declared_taxonomy_gets_term_pages_like_tags() {
    TestSite site = TestSite.write(dir, """
        -- content/site.yaml --
        title: T
        taxonomies: [series]
        -- content/posts/a.md --
        ---
        title: A
        date: 2024-03-01
        series: Kafka 入门
        ---
        a
        -- content/posts/b.md --
        ---
        title: B
        date: 2024-03-02
        series: [Kafka 入门]
        ---
        b
        """).buildOk();
    assertThat(site.exists("series/index.html")).isTrue();
    assertThat(site.html("series/kafka-入门/index.html").select("main a[href^=/posts/]").eachAttr("href")).contains("/posts/a/", "/posts/b/");
  }

  @Test
  void two_builds_of_the_same_input_are_byte_identical_and_the_second_writes_nothing() throws Exception {
    TestSite site = TestSite.write(dir, TWO_POSTS).buildOk();
    Path copy = dir.resolveSibling(dir.getFileName() + "-copy");
    BuildResult again = SiteBuild.run(site.request());
    assertThat(again.written()).isZero();
    BuildResult other = SiteBuild.run(new BuildRequest(dir, copy, false, false, null, TestSite.CLOCK, false));
    assertThat(other.ok()).isTrue();
    try (var files = Files.walk(site.out())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readAllBytes(copy.resolve(site.out().relativize(f)))).as(f.toString()).isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  @Test
  void a_site_under_a_sub_path_prefixes_every_internal_link_once() {
    TestSite site = TestSite.write(dir, TWO_POSTS);
    BuildResult r = SiteBuild.run(new BuildRequest(dir, site.out(), false, false, "https://example.org/blog/", TestSite.CLOCK, false));
    assertThat(r.ok()).isTrue();
    Document home = site.html("index.html");
    assertThat(home.select("a[href^=/], link[href^=/], img[src^=/]").eachAttr("abs:href").stream().filter(s -> !s.isEmpty()))
        .allMatch(u -> u.startsWith("https://example.org/blog/") && !u.contains("/blog/blog/"));
    assertThat(home.select("main a[href=/blog/posts/hello/]")).isNotEmpty();
    assertThat(site.html("posts/hello/index.html").select("article a:contains(the next one)").attr("href")).isEqualTo("/blog/posts/second/#why");
  }

  @Test
  void data_files_in_sub_folders_nest_under_their_folder_name() {
    TestSite site = TestSite.write(dir, TWO_POSTS + """
        -- content/data/links.yaml --
        - name: Top
          url: https://example.org/top
        -- content/data/comments/links.yaml --
        - author: someone
        -- themes/probe/theme.yaml --
        name: probe
        extends: default
        -- themes/probe/templates/404.peb --
        {{ site.data.links[0].name }}/{{ site.data.comments.links[0].author }}
        -- content/site.yaml --
        title: T
        theme: probe
        """).buildOk();
    assertThat(site.text("404.html").trim()).isEqualTo("Top/someone");
  }

  @Test
  void a_build_tells_its_progress_through_parsing_and_rendering() {
    TestSite site = TestSite.write(dir, TWO_POSTS);
    List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    BuildResult r = SiteBuild.run(site.request().withProgress(new dev.inkstone.progress.Progress() {
      @Override
      public void begin(String task, int total) {
        events.add(task + " " + total);
      }

      @Override
      public void advance(String item) {
        events.add("+");
      }

      @Override
      public void end() {
        events.add("end");
      }
    }));
    assertThat(r.ok()).isTrue();
    assertThat(events).containsExactly("parsing 2", "+", "+", "end", "rendering 2", "+", "+", "end");
  }

  @Test
  void a_long_list_links_the_first_and_last_pages_and_those_near_the_current_one() {
    StringBuilder posts = new StringBuilder("-- content/site.yaml --\ntitle: T\npaginate: 1\n");
    for (int i = 1; i <= 12; i++) {
      posts.append("-- content/posts/p").append(i).append(".md --\n---\ntitle: Post ").append(i).append("\ndate: 2024-01-")
          .append(String.format("%02d", i)).append("\n---\nbody\n");
    }
    TestSite site = TestSite.write(dir, posts.toString()).buildOk();
    Document page6 = site.html("page/6/index.html");
    assertThat(page6.select(".pagination li").eachText()).containsExactly("1", "…", "4", "5", "6", "7", "8", "…", "12");
    assertThat(page6.select(".pagination .page-current").text()).isEqualTo("6");
  }
}
