package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.diagnostic.Problem;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comments, counters, analytics, verification, donate, videos and the hot list, from real builds. */
class WidgetsTest {
  @TempDir Path dir;

  private static final String POSTS = """
      -- content/posts/a.md --
      ---
      title: 甲
      date: 2024-03-01
      ---
      正文甲
      -- content/posts/b.md --
      ---
      title: 乙
      date: 2024-03-02
      comments: false
      aliases: ["/?p=7"]
      ---
      正文乙
      -- content/posts/c.md --
      ---
      title: 丙
      date: 2024-03-03
      ---
      正文丙
      """;

  private static final String WIDGETS = """
      -- content/site.yaml --
      title: 博客
      baseUrl: https://blog.example.org/
      language: zh-CN
      verification:
        google: g-token
        baidu: codeva-1
      analytics:
        plausible: blog.example.org
        umami: {id: 94db1cb1, src: https://stats.example.org/script.js}
      comments:
        provider: giscus
        repo: me/blog
        repoId: R_1
        category: Announcements
        categoryId: DIC_1
      views:
        provider: busuanzi
      """;

  @Test
  void by_default_the_site_requests_nothing_from_another_host() throws IOException {
    TestSite site = TestSite.write(dir, POSTS).buildOk();
    try (Stream<Path> files = Files.walk(site.out())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document d = site.html(site.out().relativize(f).toString());
        assertThat(d.select("script[src], iframe, img[src^=http], link[rel=stylesheet][href^=http]").eachAttr("src"))
            .as(f.toString()).allMatch(s -> !s.startsWith("http") && !s.startsWith("//"));
      }
    }
    Document post = site.html("posts/a/index.html");
    assertThat(post.select(".comments-slot[hidden]")).hasSize(1);
    assertThat(post.select(".views-slot[hidden]")).hasSize(1);
  }

  @Test
  void configured_widgets_and_analytics_appear_with_their_settings_and_a_post_can_close_comments() {
    TestSite site = TestSite.write(dir, POSTS + WIDGETS).buildOk();
    Document a = site.html("posts/a/index.html");
    assertThat(a.select("#comments").attr("data-provider")).isEqualTo("giscus");
    assertThat(a.select("#comments").attr("data-repoid")).isEqualTo("R_1");
    assertThat(a.select("#comments").attr("data-mapping")).isEqualTo("pathname");
    assertThat(a.select("#comments").attr("data-lang")).isEqualTo("zh-CN");
    assertThat(a.select("script[src=/js/widgets.js]")).hasSize(1);
    assertThat(a.select("#busuanzi_value_page_pv")).hasSize(1);
    assertThat(a.select("meta[name=google-site-verification]").attr("content")).isEqualTo("g-token");
    assertThat(a.select("meta[name=baidu-site-verification]").attr("content")).isEqualTo("codeva-1");
    assertThat(a.select("script[data-domain=blog.example.org]").attr("src")).isEqualTo("https://plausible.io/js/script.js");
    assertThat(a.select("script[data-website-id=94db1cb1]").attr("src")).isEqualTo("https://stats.example.org/script.js");
    Document b = site.html("posts/b/index.html");
    assertThat(b.select("#comments")).isEmpty();
    assertThat(b.select("script[src=/js/widgets.js]")).isEmpty();
  }

  @Test
  void analytics_and_counters_are_never_loaded_while_serving() {
    TestSite site = TestSite.write(dir, POSTS + WIDGETS);
    BuildRequest r = site.request();
    BuildResult result = SiteBuild.run(new BuildRequest(r.source(), r.out(), r.drafts(), r.future(), r.baseUrl(), r.clock(), true));
    assertThat(result.problems()).isEmpty();
    Document a = site.html("posts/a/index.html");
    assertThat(a.select("script[data-domain], script[data-website-id], #busuanzi_value_page_pv")).isEmpty();
    assertThat(a.select("meta[name=google-site-verification]")).hasSize(1);
  }

  @Test
  void a_widget_without_its_required_settings_is_a_problem_with_its_line() {
    TestSite site = TestSite.write(dir, POSTS + """
        -- content/site.yaml --
        title: 博客
        comments:
          provider: giscus
          repo: me/blog
        views:
          provider: mystery
        analytics:
          google: ""
          matomo: 1
        """);
    List<Problem> problems = site.build().problems();
    assertThat(problems).extracting(Problem::line, Problem::message).contains(
        org.assertj.core.groups.Tuple.tuple(2, "`comments` with provider giscus needs `repoId`"),
        org.assertj.core.groups.Tuple.tuple(6, "unknown views provider `mystery`"),
        org.assertj.core.groups.Tuple.tuple(8, "`analytics.google` has no id"),
        org.assertj.core.groups.Tuple.tuple(9, "unknown setting `matomo` in `analytics`"));
    assertThat(problems.get(0).file().toString().replace('\\', '/')).isEqualTo("content/site.yaml");
  }

  @Test
  void the_donate_layout_shows_the_qr_codes_from_site_yaml() {
    TestSite site = TestSite.write(dir, POSTS + """
        -- content/site.yaml --
        title: 博客
        baseUrl: https://blog.example.org/sub/
        donate:
          - label: 微信支付
            image: /images/wechat.png
          - label: 支付宝
            image: https://cdn.example.org/alipay.png
        -- content/pages/donate.md --
        ---
        title: 打赏
        layout: donate
        ---
        谢谢支持。
        """).buildOk();
    Document d = site.html("donate/index.html");
    assertThat(d.select(".donate-codes img").eachAttr("src")).containsExactly("/sub/images/wechat.png", "https://cdn.example.org/alipay.png");
    assertThat(d.select(".donate-codes figcaption").eachText()).containsExactly("微信支付", "支付宝");
    assertThat(d.select(".post-content").text()).isEqualTo("谢谢支持。");
  }

  @Test
  void a_video_line_becomes_a_click_to_load_link_and_a_local_file_a_lazy_video() {
    TestSite site = TestSite.write(dir, """
        -- content/posts/v/index.md --
        ---
        title: 视频
        date: 2024-03-01
        ---
        @[bilibili](BV1xx411c7mD)

        @[youtube](dQw4w9WgXcQ "演讲")

        @[video](./clip.mp4)

        @[youtube](not-an-id)
        -- content/posts/v/clip.mp4 --
        mp4
        """).buildOk();
    Document d = site.html("posts/v/index.html");
    assertThat(d.select("iframe")).isEmpty();
    assertThat(d.select("a.video-facade").eachAttr("href"))
        .containsExactly("https://www.bilibili.com/video/BV1xx411c7mD/", "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    assertThat(d.select("a.video-facade").eachAttr("data-embed")).containsExactly(
        "https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&autoplay=1", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
    assertThat(d.select("a.video-facade .video-label").eachText()).containsExactly("Bilibili · BV1xx411c7mD", "演讲");
    assertThat(d.select("video").attr("src")).isEqualTo("/posts/v/clip.mp4");
    assertThat(d.select("video").attr("preload")).isEqualTo("none");
    assertThat(d.select(".post-content p").text()).contains("@youtube");
    assertThat(d.select("script[src=/js/video.js]")).hasSize(1);
    assertThat(site.html("posts/v/index.html").select(".video-embed")).hasSize(3);
  }

  @Test
  void the_hot_list_follows_page_views_from_a_plausible_export_with_aliases_and_hosts_added_up() {
    TestSite site = TestSite.write(dir, POSTS + """
        -- content/data/pages.csv --
        name,visitors,pageviews,bounce_rate,time_on_page
        /,900,1000,40,10
        /posts/a/,10,"1,200",50,30
        /posts/c/,10,700,50,30
        https://blog.example.org/?p=7,10,600,50,30
        /posts/b/index.html?from=rss,10,200,50,30
        """).buildOk();
    assertThat(hot(site)).containsExactly("甲", "乙", "丙");
  }

  @Test
  void google_analytics_umami_and_baidu_exports_are_recognised_by_their_header() {
    TestSite site = TestSite.write(dir, POSTS + """
        -- content/data/ga4.csv --
        # ----------------------------------------
        # Pages and screens
        # ----------------------------------------

        Page path and screen class,Views,Users,Views per user
        /posts/c/,50,40,1.25
        /posts/a/,20,10,2
        """).buildOk();
    assertThat(hot(site)).containsExactly("丙", "甲");
    site.add("-- content/data/ga4.csv --\nwebsite_id,session_id,url_path,event_type\nw,1,/posts/b/,1\nw,2,/posts/b/,1\nw,3,/posts/a/,1\nw,4,/posts/a/,2\n")
        .buildOk();
    assertThat(hot(site)).containsExactly("乙", "甲");
  }

  @Test
  void a_baidu_tongji_export_in_gbk_is_read() throws IOException {
    TestSite site = TestSite.write(dir, POSTS);
    Files.createDirectories(site.root().resolve("content/data"));
    Files.write(site.root().resolve("content/data/baidu.csv"),
        "受访页面,浏览量(PV),访客数(UV)\nhttps://blog.example.org/posts/b/,30,20\nhttps://blog.example.org/posts/c/,40,30\n"
            .getBytes(Charset.forName("GBK")));
    site.buildOk();
    assertThat(hot(site)).containsExactly("丙", "乙");
  }

  @Test
  void an_unknown_csv_in_data_is_a_problem_naming_the_formats_we_read() {
    TestSite site = TestSite.write(dir, POSTS + "-- content/data/stats.csv --\nfoo,bar\n1,2\n");
    List<Problem> problems = site.build().problems();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message()).isEqualTo("cannot tell which analytics export this CSV is");
    assertThat(problems.get(0).hint()).contains("Plausible").contains("Baidu Tongji");
    assertThat(problems.get(0).line()).isEqualTo(1);
  }

  private static List<String> hot(TestSite site) {
    return site.html("index.html").select(".tab-panel-hot li a").eachText();
  }
}
