package dev.inkstone.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.inkstone.build.BuildRequest;
import dev.inkstone.build.BuildResult;
import dev.inkstone.build.SiteBuild;
import dev.inkstone.build.TestSite;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPressImportTest {
  static final Path CORPUS = Path.of("..", "shared", "corpora", "wxr-wordpress-importer", "phpunit", "data").toAbsolutePath().normalize();

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(WordPressImportTest.class.getResource("/importer/" + name).toURI());
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  static BuildResult build(Path blog) {
    return SiteBuild.run(BuildRequest.of(blog, blog.resolve("site")).withClock(TestSite.CLOCK));
  }

  static void assertBuilds(BuildResult r) {
    assertThat(r.problems()).extracting(Problem::format).isEmpty();
  }

  @Test
  void a_chinese_blog_keeps_its_slugs_dates_nested_categories_and_blocks() throws Exception {
    Path blog = Files.createTempDirectory("zh");
    WordPressImport.run(fixture("zh-blog.xml"), blog, null);
    String post = read(blog.resolve("content/posts/微服务拆分.md"));
    assertThat(post)
        .contains("title: \"Spring Boot 微服务拆分实践\"")
        .contains("date: 2023-05-20T10:30:00+08:00")
        .contains("updated: 2023-06-01T09:00:00+08:00")
        .contains("- [\"技术\", \"Java\", \"微服务\"]")
        .contains("featured: true")
        .contains("summary: \"按业务能力拆分微服务。\"")
        .contains("- \"/2023/05/20/微服务拆分/\"")
        .contains("**先想清楚边界：**按业务能力拆")
        .contains("<!--more-->")
        .contains("## 一、边界")
        .contains("```java\nif (a < b && c) {")
        .contains("<figcaption>图 1：拆分后的架构</figcaption>")
        .contains("| 服务 | 负责人 |")
        .contains("\n\n@[youtube](dQw4w9WgXcQ)\n\n")
        .contains("[JVM GC 入门](/2023/04/01/jvm-gc/)")
        .doesNotContain("wp:paragraph");
  }

  @Test
  void classic_posts_get_paragraphs_and_their_shortcodes_become_markdown_or_html() throws Exception {
    Path blog = Files.createTempDirectory("zh");
    ImportReport report = WordPressImport.run(fixture("zh-blog.xml"), blog, null);
    String post = read(blog.resolve("content/posts/jvm-gc.md"));
    assertThat(post)
        .contains("经典编辑器写的文章。  \n第二行是同一段。")
        .contains("<figure><img src=\"https://blog.example.cn/wp-content/uploads/2023/04/heap.png\" alt=\"堆\"><figcaption>堆的分代</figcaption></figure>")
        .contains("```java\nList<String> a = new ArrayList<>();\n```")
        .contains("<video controls src=")
        .contains("contact-form-7");
    assertThat(report.unknownCodes()).containsExactly("contact-form-7");
    assertThat(report.uploads()).contains("https://blog.example.cn/wp-content/uploads/2023/04/heap.png");
  }

  @Test
  void bad_items_are_reported_with_their_id_and_title_and_still_imported() throws Exception {
    Path blog = Files.createTempDirectory("zh");
    ImportReport report = WordPressImport.run(fixture("zh-blog.xml"), blog, null);
    assertThat(report.needsLook()).anySatisfy(s -> assertThat(s).contains("post 103 “JVM GC 入门（重发）”").contains("jvm-gc-103"));
    assertThat(report.needsLook()).anySatisfy(s -> assertThat(s).contains("post 104").contains("notes-a-b"));
    assertThat(report.needsLook()).anySatisfy(s -> assertThat(s).contains("post 104").contains("no title"));
    assertThat(report.skipped()).anySatisfy(s -> assertThat(s).contains("post 106 “已删除”").contains("trash"));
    assertThat(read(blog.resolve("content/posts/草稿-还没写完.md"))).contains("draft: true").contains("date: 2023-07-01T08:00:00\n");
    assertThat(report.counts()).containsEntry("posts", 5).containsEntry("pages", 2).containsEntry("comments", 2);
  }

  @Test
  void comments_authors_and_the_menu_are_kept() throws Exception {
    Path blog = Files.createTempDirectory("zh");
    WordPressImport.run(fixture("zh-blog.xml"), blog, null);
    String comments = read(blog.resolve("content/data/comments/微服务拆分.yaml"));
    assertThat(comments).contains("author: \"读者甲\"").contains("content: \"写得好！\\\"引号\\\" 和 \\\\反斜杠\"")
        .contains("status: \"pending\"").contains("parent: 7").doesNotContain("10.0.0.1");
    assertThat(read(blog.resolve("content/data/authors.yaml"))).isEqualTo("qiutian:\n  name: \"秋天\"\n");
    assertThat(read(blog.resolve("content/site.yaml"))).contains("timezone: \"+08:00\"")
        .contains("  - name: \"微服务\"\n    category: \"技术/Java/微服务\"").contains("    page: \"about\"");
    assertThat(blog.resolve("content/pages/about/links.md")).exists();
  }

  @Test
  void the_imported_blog_builds_and_every_alias_reaches_a_live_page() throws Exception {
    Path blog = Files.createTempDirectory("zh");
    WordPressImport.run(fixture("zh-blog.xml"), blog, null);
    BuildResult r = build(blog);
    assertBuilds(r);
    assertThat(r.posts()).isEqualTo(4); // five posts, one of them a draft
    assertThat(checkAliases(blog)).isEqualTo(4);
    assertThat(read(blog.resolve("site/archives/104.html"))).contains("refresh");
    // WordPress's own category and tag pages redirect to ours
    assertThat(read(blog.resolve("site/category/jishu/java/微服务/index.html")))
        .contains("url=/categories/%E6%8A%80%E6%9C%AF/java/%E5%BE%AE%E6%9C%8D%E5%8A%A1/");
    assertThat(read(blog.resolve("site/tag/jvm/index.html"))).contains("url=/tags/jvm/");
    assertThat(read(blog.resolve("site/_redirects"))).contains("/tag/jvm/ /tags/jvm/ 301");
  }

  @Test
  void a_rerun_writes_the_same_files_and_nothing_more() throws Exception {
    Path blog = Files.createTempDirectory("zh");
    WordPressImport.run(fixture("zh-blog.xml"), blog, null);
    Map<String, String> first = tree(blog);
    ImportReport again = WordPressImport.run(fixture("zh-blog.xml"), blog, null);
    assertThat(tree(blog)).isEqualTo(first);
    assertThat(again.written()).isZero();
  }

  @Test
  void uploads_found_locally_are_copied_into_the_post_bundle_and_relinked() throws Exception {
    Path blog = Files.createTempDirectory("zh");
    Path uploads = Files.createTempDirectory("uploads");
    Files.createDirectories(uploads.resolve("2023/05"));
    Files.write(uploads.resolve("2023/05/arch.png"), new byte[] {1, 2, 3});
    WordPressImport.run(fixture("zh-blog.xml"), blog, null);
    WordPressImport.run(fixture("zh-blog.xml"), blog, uploads);
    Path bundle = blog.resolve("content/posts/微服务拆分");
    assertThat(bundle.resolve("arch.png")).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(blog.resolve("content/posts/微服务拆分.md")).doesNotExist();
    assertThat(read(bundle.resolve("index.md"))).contains("cover: \"arch.png\"").contains("<img src=\"arch.png\" alt=\"架构图\">");
    assertBuilds(build(blog));
  }

  @Test
  void a_truncated_export_is_reported_with_its_line_and_nothing_is_written(@TempDir Path dir) throws Exception {
    String full = read(fixture("zh-blog.xml"));
    Path cut = dir.resolve("cut.xml");
    Files.writeString(cut, full.substring(0, full.indexOf("<title>JVM GC 入门（重发）")));
    Path blog = dir.resolve("blog");
    assertThatThrownBy(() -> WordPressImport.run(cut, blog, null)).isInstanceOfSatisfying(ProblemsException.class, e -> {
      assertThat(e.problems()).hasSize(1);
      assertThat(e.problems().get(0).message()).startsWith("the export is not well-formed XML");
      assertThat(e.problems().get(0).line()).isGreaterThan(100);
    });
    assertThat(blog).doesNotExist();
  }

  @Test
  void an_unknown_wxr_version_is_refused(@TempDir Path dir) throws Exception {
    Path x = dir.resolve("x.xml");
    Files.writeString(x, read(fixture("zh-blog.xml")).replace("<wp:wxr_version>1.2<", "<wp:wxr_version>9.9<"));
    assertThatThrownBy(() -> WordPressImport.run(x, dir.resolve("blog"), null))
        .isInstanceOfSatisfying(ProblemsException.class, e -> assertThat(e.problems().get(0).message()).contains("unknown WXR version `9.9`"));
  }

  // ---- the WordPress importer's own test exports, where present ---------------------------

  @Test
  void the_theme_unit_test_export_builds_with_every_published_post_and_live_aliases(@TempDir Path blog) throws Exception {
    Path export = CORPUS.resolve("theme-unit-test-data.xml");
    assumeTrue(Files.isRegularFile(export), "corpus not present");
    ImportReport report = WordPressImport.run(export, blog, null);
    assertThat(report.counts()).containsEntry("posts", 58).containsEntry("pages", 21);
    BuildResult r = SiteBuild.run(BuildRequest.of(blog, blog.resolve("site")).withClock(TestSite.CLOCK).withDrafts(false));
    assertBuilds(r);
    // 58 posts: two drafts and one scheduled after the build clock are left out
    assertThat(r.posts()).isEqualTo(55);
    assertThat(checkAliases(blog)).isGreaterThan(70);
  }

  @Test
  void every_export_of_the_importer_tests_either_imports_and_builds_or_is_reported(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
    List<String> refused = new ArrayList<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path export : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
        Path blog = dir.resolve(export.getFileName().toString());
        try {
          WordPressImport.run(export, blog, null);
          BuildResult r = build(blog);
          assertThat(r.problems()).as(export.getFileName().toString()).extracting(Problem::format).isEmpty();
        } catch (ProblemsException e) {
          refused.add(export.getFileName() + ": " + e.problems().get(0).message());
        }
      }
    }
    assertThat(refused).anySatisfy(s -> assertThat(s).startsWith("malformed.xml: the export is not well-formed XML"));
    assertThat(refused).anySatisfy(s -> assertThat(s).startsWith("invalid-version-tag.xml: unknown WXR version"));
    assertThat(refused).anySatisfy(s -> assertThat(s).startsWith("missing-version-tag.xml: no WXR version"));
  }

  /** Every alias page of the built site redirects to a page that exists; returns how many were checked. */
  static int checkAliases(Path blog) throws IOException {
    Path site = blog.resolve("site");
    Pattern alias = Pattern.compile("^\\s+- \"(/[^\"?]*)\"$", Pattern.MULTILINE);
    Pattern refresh = Pattern.compile("content=\"0; url=([^\"]+)\"");
    int checked = 0;
    try (Stream<Path> files = Files.walk(blog.resolve("content"))) {
      for (Path md : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        String text = read(md);
        Matcher date = Pattern.compile("^date: (\\d{4})", Pattern.MULTILINE).matcher(text);
        if (text.contains("draft: true") || (date.find() && Integer.parseInt(date.group(1)) >= 2026)) {
          continue;
        }
        Matcher m = alias.matcher(text.substring(0, text.indexOf("\n---", 3)));
        while (m.find()) {
          String path = m.group(1);
          Path page = site.resolve(path.substring(1)).resolve(path.endsWith(".html") ? "" : "index.html");
          if (path.endsWith(".html")) {
            page = site.resolve(path.substring(1));
          }
          if (!Files.exists(page)) {
            page = site.resolve(path.substring(1)).resolve("index.html");
          }
          assertThat(page).as("alias " + path + " of " + md).exists();
          Matcher r = refresh.matcher(read(page));
          assertThat(r.find()).as("redirect in " + page).isTrue();
          String target = URLDecoder.decode(r.group(1), StandardCharsets.UTF_8).replace("&amp;", "&");
          assertThat(site.resolve(target.substring(1)).resolve("index.html")).as("target of alias " + path).exists();
          checked++;
        }
      }
    }
    return checked;
  }

  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }
}
