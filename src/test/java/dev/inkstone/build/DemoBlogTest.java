package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the project's own demo blog in content/, as a newcomer would with ./inkstone build. */
class DemoBlogTest {
  @TempDir static Path out;
  static BuildResult result;

  @BeforeAll
  static void build() {
    result = SiteBuild.run(new BuildRequest(Path.of("").toAbsolutePath(), out, false, false, null, TestSite.CLOCK, false));
  }

  private static Document page(String path) throws IOException {
    return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
  }

  @Test
  void the_demo_builds_without_problems() {
    assertThat(result.problems()).isEmpty();
    assertThat(result.posts()).isGreaterThanOrEqualTo(12);
  }

  @Test
  void the_demo_has_enough_categories_and_tags_to_show_them_off() throws IOException {
    assertThat(page("tags/index.html").select("main a[href^=/tags/]").size()).isGreaterThanOrEqualTo(20);
    assertThat(page("categories/index.html").select("main a[href^=/categories/]").size()).isGreaterThanOrEqualTo(5);
    assertThat(out.resolve("categories/架构/微服务/index.html")).exists();
  }

  @Test
  void a_post_page_has_every_part_of_the_reference_blog() throws IOException {
    Document post = page("posts/kafka-consumer-group/index.html");
    for (String part : List.of(".site-nav", ".breadcrumb", ".post-meta", ".post-tags", ".author-box", ".post-nav", ".related-posts",
        ".sidebar", ".tag-cloud", ".blogroll", ".site-footer")) {
      assertThat(post.select(part)).as(part).isNotEmpty();
    }
    assertThat(post.select(".related-posts li")).hasSizeBetween(1, 10);
    assertThat(post.select(".site-footer").text()).contains("2014").contains("2026");
  }

  @Test
  void drafts_stay_out_of_the_demo() {
    assertThat(out.resolve("posts/kafka-transactions")).doesNotExist();
  }

  @Test
  void bold_text_ending_in_chinese_punctuation_is_bold() throws IOException {
    Document post = page("posts/缓存一致性/index.html");
    assertThat(post.select("article strong").eachText()).anyMatch(t -> t.endsWith("："));
  }

  @Test
  void every_internal_link_and_image_of_the_demo_resolves() throws IOException {
    List<String> broken = new ArrayList<>();
    try (var files = Files.walk(out)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document d = Jsoup.parse(f.toFile(), "UTF-8");
        for (Element e : d.select("a[href], img[src], link[href], script[src]")) {
          String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
          if (!url.startsWith("/") || url.startsWith("//")) {
            continue;
          }
          String path = URLDecoder.decode(url.replaceAll("[#?].*$", "").replace("+", "%2B"), StandardCharsets.UTF_8).substring(1);
          Path target = out.resolve(path);
          if (!(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("index.html")))) {
            broken.add(out.relativize(f) + " -> " + url);
          }
        }
      }
    }
    assertThat(broken).isEmpty();
  }
}
