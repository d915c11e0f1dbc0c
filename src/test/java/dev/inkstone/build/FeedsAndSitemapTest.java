package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Feeds, sitemap, robots.txt, redirects and page metadata, read back from a real build. */
class FeedsAndSitemapTest {
  @TempDir Path dir;

  private static final String BLOG = """
      -- content/site.yaml --
      title: 测试博客
      description: 关于 Java 的博客
      baseUrl: https://blog.example.org/
      language: zh-CN
      timezone: Asia/Shanghai
      author: 秋天
      -- content/posts/kafka/index.md --
      ---
      title: Kafka 分区
      date: 2024-03-01 10:30
      categories: [架构, 消息队列]
      tags: [Kafka, Java]
      cover: ./cover.png
      aliases: [/archives/123.html, "/?p=123"]
      ---
      正文，见图：

      ![图](./cover.png)

      还有[另一篇](../java.md)和[锚点](#x)。
      -- content/posts/kafka/cover.png --
      png
      -- content/posts/java.md --
      ---
      title: Java <21> & 虚拟线程
      date: 2024-02-01T08:00:00Z
      updated: 2024-02-10T08:00:00Z
      tags: [Java]
      summary: 关于虚拟线程的摘要
      ---
      第一段。

      <!-- more -->

      第二段，只在全文里。
      -- content/posts/hidden.md --
      ---
      title: 不想被搜到
      date: 2024-01-01
      noindex: true
      ---
      正文
      -- content/posts/draft.md --
      ---
      title: 草稿
      date: 2024-01-02
      draft: true
      ---
      草稿正文
      """;

  @Test
  void the_site_gets_an_rss_and_an_atom_feed_and_every_category_and_tag_an_rss_feed() {
    TestSite site = TestSite.write(dir, BLOG).buildOk();
    assertThat(site.exists("feed.xml")).isTrue();
    assertThat(site.exists("atom.xml")).isTrue();
    for (String folder : List.of("categories/架构/", "categories/消息队列/", "tags/kafka/", "tags/java/")) {
      assertThat(site.exists(folder + "feed.xml")).as(folder + "feed.xml").isTrue();
      assertThat(site.exists(folder + "atom.xml")).as(folder + "atom.xml").isFalse();
    }
    org.w3c.dom.Document tag = xml(site, "tags/java/feed.xml");
    assertThat(texts(tag, "title")).containsExactly("Java - 测试博客", "Kafka 分区", "Java <21> & 虚拟线程");
    Document page = site.html("tags/kafka/index.html");
    assertThat(page.select("link[rel=alternate]").eachAttr("href")).contains("https://blog.example.org/tags/kafka/feed.xml")
        .doesNotContain("https://blog.example.org/tags/kafka/atom.xml");
  }

  @Test
  void terms_can_have_atom_feeds_instead_or_as_well() {
    TestSite site = TestSite.write(dir, BLOG.replace("author: 秋天\n", "author: 秋天\nfeeds:\n  terms: both\n")).buildOk();
    assertThat(site.exists("tags/kafka/feed.xml")).isTrue();
    assertThat(site.exists("tags/kafka/atom.xml")).isTrue();
    assertThat(site.html("tags/kafka/index.html").select("link[rel=alternate]").eachAttr("href"))
        .contains("https://blog.example.org/tags/kafka/feed.xml", "https://blog.example.org/tags/kafka/atom.xml");
    site.add("-- content/site.yaml --\n" + "title: t\nfeeds:\n  terms: atom\n").buildOk();
    assertThat(site.exists("tags/kafka/feed.xml")).isFalse();
    assertThat(site.exists("tags/kafka/atom.xml")).isTrue();
    assertThat(site.exists("feed.xml")).isTrue();
  }

  @Test
  void an_unknown_term_feed_format_is_an_error_with_its_line() {
    TestSite site = TestSite.write(dir, BLOG.replace("author: 秋天\n", "author: 秋天\nfeeds:\n  terms: json\n"));
    BuildResult result = site.build();
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.file().toString()).endsWith("site.yaml");
      assertThat(p.line()).isGreaterThan(1);
      assertThat(p.message()).contains("feeds.terms").contains("json");
    });
  }

  @Test
  void every_feed_entry_and_sitemap_location_resolves_to_a_file_of_the_site() throws Exception {
    TestSite site = TestSite.write(dir, BLOG).buildOk();
    List<String> urls = new ArrayList<>();
    try (Stream<Path> files = Files.walk(site.out())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
        org.w3c.dom.Document d = xml(site, site.out().relativize(f).toString());
        urls.addAll(texts(d, "link").stream().filter(s -> !s.isBlank()).toList());
        urls.addAll(texts(d, "loc"));
        NodeList links = d.getElementsByTagName("link");
        for (int i = 0; i < links.getLength(); i++) {
          String href = ((Element) links.item(i)).getAttribute("href");
          if (!href.isEmpty()) {
            urls.add(href);
          }
        }
      }
    }
    assertThat(urls).isNotEmpty();
    for (String u : urls) {
      assertThat(u).startsWith("https://blog.example.org/");
      String path = URLDecoder.decode(URI.create(u).getRawPath(), StandardCharsets.UTF_8).substring(1);
      Path file = site.out().resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
      assertThat(file).as(u).exists();
    }
  }

  @Test
  void feed_content_has_absolute_links_and_images_and_dates_in_the_site_zone() {
    TestSite site = TestSite.write(dir, BLOG).buildOk();
    org.w3c.dom.Document rss = xml(site, "feed.xml");
    String content = texts(rss, "content:encoded").get(0);
    assertThat(content).contains("src=\"https://blog.example.org/posts/kafka/cover.png\"")
        .contains("href=\"https://blog.example.org/posts/java/\"")
        .contains("href=\"https://blog.example.org/posts/kafka/#x\"");
    assertThat(texts(rss, "pubDate").get(0)).isEqualTo("Fri, 1 Mar 2024 10:30:00 +0800");
    org.w3c.dom.Document atom = xml(site, "atom.xml");
    assertThat(texts(atom, "published")).containsExactly("2024-03-01T10:30:00+08:00", "2024-02-01T16:00:00+08:00");
    assertThat(site.text("feed.xml")).doesNotContain("不想被搜到");
    assertThat(texts(atom, "updated").get(0)).isEqualTo("2024-03-01T10:30:00+08:00");
    assertThat(texts(atom, "name")).contains("秋天");
  }

  @Test
  void drafts_and_noindex_pages_stay_out_of_the_sitemap_and_feeds_and_noindex_pages_say_so() {
    TestSite site = TestSite.write(dir, BLOG);
    SiteBuild.run(site.request().withDrafts(true));
    String sitemap = site.text("sitemap.xml");
    assertThat(sitemap).contains("<loc>https://blog.example.org/posts/kafka/</loc>").doesNotContain("hidden").doesNotContain("draft")
        .doesNotContain("archives/123.html").doesNotContain("404");
    assertThat(site.text("feed.xml")).doesNotContain("草稿").doesNotContain("hidden");
    assertThat(site.html("posts/hidden/index.html").select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(site.html("posts/kafka/index.html").select("meta[name=robots]")).isEmpty();
    assertThat(site.text("robots.txt")).contains("Sitemap: https://blog.example.org/sitemap.xml");
  }

  @Test
  void the_sitemap_gives_each_post_its_last_change_and_each_list_its_newest_post() {
    TestSite site = TestSite.write(dir, BLOG).buildOk();
    org.w3c.dom.Document d = xml(site, "sitemap.xml");
    NodeList urls = d.getElementsByTagName("url");
    String javaMod = null;
    String homeMod = null;
    for (int i = 0; i < urls.getLength(); i++) {
      Element u = (Element) urls.item(i);
      String loc = u.getElementsByTagName("loc").item(0).getTextContent();
      String mod = u.getElementsByTagName("lastmod").getLength() == 0 ? null : u.getElementsByTagName("lastmod").item(0).getTextContent();
      if (loc.endsWith("/posts/java/")) {
        javaMod = mod;
      } else if (loc.equals("https://blog.example.org/")) {
        homeMod = mod;
      }
    }
    assertThat(javaMod).isEqualTo("2024-02-10T16:00:00+08:00");
    assertThat(homeMod).isEqualTo("2024-03-01T10:30:00+08:00");
  }

  @Test
  void feeds_can_carry_only_the_excerpt_and_a_limited_number_of_entries() {
    TestSite site = TestSite.write(dir, BLOG.replace("author: 秋天\n", "author: 秋天\nfeeds:\n  content: excerpt\n  limit: 1\n  terms: false\n"))
        .buildOk();
    String rss = site.text("feed.xml");
    assertThat(rss).doesNotContain("content:encoded>").contains("Kafka 分区").doesNotContain("虚拟线程");
    assertThat(site.exists("tags/java/feed.xml")).isFalse();
    site.add("-- content/site.yaml --\n" + "title: t\nfeeds:\n  content: excerpt\n").buildOk();
    String atom = site.text("atom.xml");
    assertThat(atom).contains("第一段").doesNotContain("第二段");
  }

  @Test
  void pages_announce_their_feeds_and_carry_open_graph_twitter_and_json_ld() {
    TestSite site = TestSite.write(dir, BLOG).buildOk();
    Document post = site.html("posts/kafka/index.html");
    assertThat(post.select("html").attr("lang")).isEqualTo("zh-CN");
    assertThat(post.select("title").text()).isEqualTo("Kafka 分区 - 测试博客");
    assertThat(post.select("link[rel=canonical]").attr("href")).isEqualTo("https://blog.example.org/posts/kafka/");
    assertThat(post.select("link[rel=alternate][type=application/rss+xml]").attr("href")).isEqualTo("https://blog.example.org/feed.xml");
    assertThat(post.select("meta[property=og:image]").attr("content")).isEqualTo("https://blog.example.org/posts/kafka/cover.png");
    assertThat(post.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
    assertThat(post.select("meta[property=og:type]").attr("content")).isEqualTo("article");
    String ld = post.select("script[type=application/ld+json]").html();
    assertThat(ld).contains("\"@type\":\"BlogPosting\"").contains("\"keywords\":\"架构, 消息队列, Kafka, Java\"")
        .contains("\"datePublished\":\"2024-03-01T10:30:00+08:00\"").contains("\"name\":\"秋天\"");
    Document java = site.html("posts/java/index.html");
    assertThat(java.select("meta[name=description]").attr("content")).isEqualTo("关于虚拟线程的摘要");
    assertThat(java.select("script[type=application/ld+json]").html()).contains("Java \\u003c21\\u003e \\u0026 虚拟线程");
    Document tag = site.html("tags/kafka/index.html");
    assertThat(tag.select("link[rel=alternate]").eachAttr("href")).contains("https://blog.example.org/tags/kafka/feed.xml");
  }

  @Test
  void an_alias_becomes_a_redirect_page_and_a_line_of_redirects_even_with_a_query() {
    TestSite site = TestSite.write(dir, BLOG).buildOk();
    Document alias = site.html("archives/123.html");
    assertThat(alias.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=/posts/kafka/");
    assertThat(alias.select("link[rel=canonical]").attr("href")).isEqualTo("https://blog.example.org/posts/kafka/");
    assertThat(alias.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(alias.select("a").attr("href")).isEqualTo("/posts/kafka/");
    assertThat(site.text("_redirects")).contains("/archives/123.html /posts/kafka/ 301\n").contains("/ p=123 /posts/kafka/ 301\n");
  }

  private static org.w3c.dom.Document xml(TestSite site, String path) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(site.text(path).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(path + " is not well-formed XML: " + e.getMessage(), e);
    }
  }

  private static List<String> texts(org.w3c.dom.Document d, String tag) {
    NodeList n = d.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.getLength(); i++) {
      out.add(n.item(i).getTextContent());
    }
    return out;
  }
}
