package dev.inkstone.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstone.build.BuildResult;
import dev.inkstone.build.TestSite;
import dev.inkstone.diagnostic.ProblemsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T18:30:15Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  TestSite blog(String siteYaml) {
    return TestSite.write(dir, "-- content/site.yaml --\n" + siteYaml + "\n-- content/posts/old.md --\n---\ntitle: Old\ndate: 2024-01-01\n---\nx\n");
  }

  NewContent post(String title) {
    return new NewContent(dir, NewContent.Kind.POST, title, null, null, List.of(), false, CLOCK);
  }

  @Test
  void a_chinese_title_becomes_a_pinyin_slug_that_reads_polyphones_right() throws IOException {
    blog("title: t\ntimezone: Asia/Shanghai");
    Created c = Scaffold.create(post("中国银行的长城卡"));
    assertThat(c.slug()).isEqualTo("zhong-guo-yin-hang-de-chang-cheng-ka");
    assertThat(c.files()).containsExactly(Path.of("content/posts/zhong-guo-yin-hang-de-chang-cheng-ka.md"));
    String text = Files.readString(dir.resolve(c.files().get(0)));
    assertThat(text).contains("title: \"中国银行的长城卡\"\n").contains("slug: \"zhong-guo-yin-hang-de-chang-cheng-ka\"\n");
  }

  @Test
  void the_date_is_written_in_the_sites_time_zone() throws IOException {
    blog("title: t\ntimezone: Asia/Shanghai");
    Created c = Scaffold.create(post("Late night"));
    // 18:30 UTC is 02:30 the next day in Shanghai
    assertThat(Files.readString(dir.resolve(c.files().get(0)))).contains("date: 2026-03-02T02:30:15+08:00\n");
  }

  @Test
  void an_english_title_keeps_its_words_and_mixed_titles_join_both() {
    blog("title: t");
    assertThat(Scaffold.create(post("Hello, World: Part 2!")).slug()).isEqualTo("hello-world-part-2");
    assertThat(Scaffold.create(post("Java 虚拟线程实践")).slug()).isEqualTo("java-xu-ni-xian-cheng-shi-jian");
  }

  @Test
  void slug_style_keep_leaves_the_chinese_in_the_slug() {
    blog("title: t\nslugStyle: keep");
    assertThat(Scaffold.create(post("缓存 一致性")).slug()).isEqualTo("缓存-一致性");
  }

  @Test
  void an_unknown_slug_style_is_a_problem_at_its_line() {
    blog("title: t\nslugStyle: latin");
    assertThatThrownBy(() -> Scaffold.create(post("x")))
        .isInstanceOfSatisfying(ProblemsException.class, e -> assertThat(e.problems().get(0).format())
            .startsWith("content/site.yaml:2:12: `slugStyle` must be `pinyin` or `keep`"));
  }

  @Test
  void an_explicit_slug_wins_and_tags_and_category_reach_the_front_matter() throws IOException {
    blog("title: t");
    Created c = Scaffold.create(new NewContent(dir, NewContent.Kind.POST, "随便", "My Slug", "架构/微服务", List.of("Redis", " 缓存 ", "Redis"),
        false, CLOCK));
    assertThat(c.slug()).isEqualTo("my-slug");
    String text = Files.readString(dir.resolve("content/posts/my-slug.md"));
    assertThat(text).contains("categories: [\"架构/微服务\"]\n").contains("tags: [\"Redis\", \"缓存\"]\n");
  }

  @Test
  void a_second_post_with_the_same_slug_is_refused_and_the_first_is_untouched() throws IOException {
    blog("title: t");
    Created first = Scaffold.create(post("Same title"));
    Path file = dir.resolve(first.files().get(0));
    Files.writeString(file, "my words");
    assertThatThrownBy(() -> Scaffold.create(post("Same title")))
        .isInstanceOfSatisfying(ProblemsException.class, e -> assertThat(e.problems().get(0).format())
            .startsWith("content/posts/same-title.md: already exists; nothing was written"));
    assertThatThrownBy(() -> Scaffold.create(new NewContent(dir, NewContent.Kind.POST, "Same title", null, null, List.of(), true, CLOCK)))
        .isInstanceOf(ProblemsException.class);
    assertThat(Files.readString(file)).isEqualTo("my words");
    assertThat(dir.resolve("content/posts/same-title")).doesNotExist();
  }

  @Test
  void a_bundle_is_a_folder_with_index_md_and_builds_with_an_image_beside_it() throws IOException {
    TestSite site = blog("title: t");
    Created c = Scaffold.create(new NewContent(dir, NewContent.Kind.POST, "图文并茂", null, null, List.of(), true, CLOCK));
    assertThat(c.files()).containsExactly(Path.of("content/posts/tu-wen-bing-mao/index.md"));
    Path md = dir.resolve(c.files().get(0));
    Files.writeString(md, Files.readString(md).replace("draft: true\n", "") + "![图](photo.png)\n");
    Files.write(md.resolveSibling("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    site.buildOk();
    assertThat(site.exists("posts/tu-wen-bing-mao/index.html")).isTrue();
    assertThat(site.exists("posts/tu-wen-bing-mao/photo.png")).isTrue();
  }

  @Test
  void a_new_page_goes_to_content_pages_and_builds() {
    TestSite site = blog("title: t");
    Created c = Scaffold.create(new NewContent(dir, NewContent.Kind.PAGE, "关于我", null, null, List.of(), false, CLOCK));
    assertThat(c.files()).containsExactly(Path.of("content/pages/guan-yu-wo.md"));
    site.buildOk();
    assertThat(site.html("guan-yu-wo/index.html").select("h1").text()).contains("关于我");
  }

  @Test
  void the_blogs_archetype_wins_over_the_built_in_one_and_unknown_placeholders_are_reported() throws IOException {
    blog("title: t");
    TestSite.write(dir, "-- archetypes/post.md --\n---\ntitle: {{ title }}\ndate: {{date}}\nseries: 手记\n---\n\n正文\n");
    Created c = Scaffold.create(post("Mine"));
    assertThat(c.archetype()).isEqualTo("archetypes/post.md");
    assertThat(Files.readString(dir.resolve(c.files().get(0)))).contains("series: 手记").contains("正文");

    TestSite.write(dir, "-- archetypes/post.md --\n---\ntitle: {{ title }}\n\nauthor: {{ who }}\n---\n");
    assertThatThrownBy(() -> Scaffold.create(post("Other")))
        .isInstanceOfSatisfying(ProblemsException.class, e -> assertThat(e.problems().get(0).format())
            .startsWith("archetypes/post.md:4: unknown placeholder `{{ who }}`"));
    assertThat(dir.resolve("content/posts/other.md")).doesNotExist();
  }

  @Test
  void titles_that_yaml_would_misread_stay_text() {
    TestSite site = blog("title: t");
    for (String title : List.of("no", "1.10", "Java: the good parts", "say \"hi\" \\ bye")) {
      Created c = Scaffold.create(post(title));
      Path md = dir.resolve(c.files().get(0));
      try {
        Files.writeString(md, Files.readString(md).replace("draft: true\n", ""));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    site.buildOk();
    assertThat(site.html("posts/java-the-good-parts/index.html").select("h1").text()).contains("Java: the good parts");
    assertThat(site.html("posts/1.10/index.html").select("h1").text()).contains("1.10");
  }

  @Test
  void a_new_site_builds_at_once_in_chinese_and_in_english() {
    for (String lang : List.of("zh-CN", "en")) {
      Path blog = dir.resolve("blog-" + lang);
      Created c = Scaffold.createSite(blog, "我的博客", lang, ZoneId.of("Asia/Shanghai"), CLOCK);
      assertThat(c.files()).contains(Path.of("content/site.yaml"), Path.of("archetypes/post.md"));
      TestSite site = TestSite.write(blog, "");
      BuildResult r = site.build();
      assertThat(r.problems()).isEmpty();
      assertThat(r.posts()).isEqualTo(1);
      assertThat(site.exists("about/index.html")).isTrue();
      assertThat(site.html("index.html").title()).contains("我的博客");
    }
    // and a post made in it gets the site's zone
    Created post = Scaffold.create(new NewContent(dir.resolve("blog-en"), NewContent.Kind.POST, "Second", null, null, List.of(), false, CLOCK));
    assertThat(post.archetype()).isEqualTo("archetypes/post.md");
  }

  @Test
  void a_new_site_refuses_a_folder_that_is_not_empty() throws IOException {
    Files.writeString(dir.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> Scaffold.createSite(dir, "t", "en", ZoneOffset.UTC, CLOCK))
        .isInstanceOfSatisfying(ProblemsException.class, e -> assertThat(e.problems().get(0).message()).contains("is not empty"));
    assertThat(dir.resolve("content")).doesNotExist();
  }
}
