package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.importer.ForeignImport;
import dev.inkstone.importer.ImportReport;
import dev.inkstone.source.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hexo, Jekyll and Hugo blogs built where they are, and imported once. */
class ForeignBlogTest {
  static final String HEXO = """
      -- _config.yml --
      title: 砚台博客
      url: https://blog.example.cn
      language: zh-CN
      timezone: Asia/Shanghai
      permalink: :year/:month/:day/:title/
      -- source/_posts/hello-world.md --
      ---
      title: 你好，世界
      date: 2024-03-01 10:30:00
      categories: [编程, Java]
      tags: [jvm, 性能]
      ---
      开头。

      <!-- more -->

      {% codeblock lang:java %}
      System.out.println("hi");
      {% endcodeblock %}

      {% note warning %}
      小心 **这里**。
      {% endnote %}

      见 {% post_link second-post 第二篇 %}。

      {% asset_img diagram.png 架构图 %}

      {% unknowntag foo %}
      -- source/_posts/hello-world/diagram.png --
      PNG
      -- source/_posts/second-post.md --
      ---
      title: Second
      date: 2024-03-05
      ---
      {% raw %}{{ not liquid }}{% endraw %}
      -- source/about/index.md --
      ---
      title: 关于
      ---
      About me.
      -- source/tags/index.md --
      ---
      title: tags
      type: tags
      ---
      -- source/images/logo.png --
      PNG
      """;

  static final String JEKYLL = """
      -- _config.yml --
      title: Jekyll Blog
      url: https://example.org
      timezone: America/New_York
      -- _posts/2023-05-04-first-post.md --
      ---
      layout: post
      title: First post
      categories: go web
      tags: tips tricks
      ---
      ![pic]({{ site.baseurl }}/assets/pic.png)

      {% highlight ruby %}
      puts 1
      {% endhighlight %}

      [next]({% post_url 2023-06-01-second %})

      {% include note.html %}
      -- _posts/2023-06-01-second.md --
      ---
      title: Second
      ---
      Body
      -- about.md --
      ---
      layout: page
      title: About
      ---
      Me.
      -- index.html --
      ---
      layout: home
      ---
      -- feed.xml --
      ---
      ---
      {% for post in site.posts %}{% endfor %}
      -- assets/pic.png --
      PNG
      -- README.md --
      readme without front matter
      """;

  static final String HUGO = """
      -- hugo.toml --
      baseURL = "https://hugo.example.com/"
      title = "Hugo Blog"
      languageCode = "en-us"
      [taxonomies]
        tag = "tags"
        series = "series"
      [permalinks]
        posts = "/:year/:month/:slug/"
      -- content/posts/first.md --
      +++
      title = "First"
      date = 2024-01-02T03:04:05+01:00
      Tags = ["go"]
      series = ["Basics"]
      slug = "first-post"
      +++
      {{< figure src="/img/a.png" caption="A caption" >}}

      {{< youtube dQw4w9WgXcQ >}}

      See [second]({{< ref "second" >}}). Or this talk: {{< youtube id="9bZkp7q19f0" >}}

      {{< highlight go >}}
      func main() {}
      {{< /highlight >}}

      {{< mystery x >}}

      ```
      {{</* figure src="x" */>}}
      ```
      -- content/posts/second/index.md --
      ---
      title: Second
      date: 2024-02-01
      ---
      ![pic](pic.png)
      -- content/posts/second/pic.png --
      PNG
      -- content/about.md --
      +++
      title = "About"
      +++
      About.
      -- content/posts/_index.md --
      +++
      title = "Posts"
      +++
      -- static/img/a.png --
      PNG
      """;

  @Test
  void a_hexo_blog_builds_in_place_with_its_urls_tags_and_hierarchical_categories(@TempDir Path dir) {
    TestSite site = TestSite.write(dir, HEXO);
    BuildResult r = site.build();
    assertThat(r.problems()).isEmpty();
    assertThat(r.posts()).isEqualTo(2);
    Document post = site.html("2024/03/01/hello-world/index.html");
    assertThat(post.select("pre code.language-java").text()).contains("System.out.println");
    assertThat(post.select("div.note.warning strong").text()).isEqualTo("这里");
    assertThat(post.select("a:contains(第二篇)").attr("href")).isEqualTo("/2024/03/05/second-post/");
    assertThat(post.select("img[alt=架构图]").attr("src")).endsWith("diagram.png");
    assertThat(post.select("code:contains(unknowntag)").text()).isEqualTo("{% unknowntag foo %}");
    assertThat(site.exists("2024/03/01/hello-world/diagram.png") || site.exists("posts/hello-world/diagram.png")).isTrue();
    assertThat(site.exists("categories/编程/java/index.html")).isTrue();
    assertThat(site.html("2024/03/05/second-post/index.html").select("article, main").text()).contains("{{ not liquid }}");
    assertThat(site.exists("about/index.html")).isTrue();
    assertThat(site.exists("images/logo.png")).isTrue();
    assertThat(r.warnings()).extracting(Problem::format).anySatisfy(w -> assertThat(w).startsWith("source/_posts/hello-world.md:23:1: unknown tag"));
    assertThat(r.warnings()).extracting(p -> p.file().toString().replace('\\', '/')).contains("source/tags/index.md");
  }

  @Test
  void in_the_preview_an_edited_hexo_post_still_links_to_the_posts_it_names(@TempDir Path dir) throws IOException {
    TestSite site = TestSite.write(dir, HEXO);
    Path root = site.root().toAbsolutePath().normalize();
    BuildRequest request = new BuildRequest(root, null, true, false, null, TestSite.CLOCK, true);
    BuildCache cache = new BuildCache();
    assertThat(SiteBuild.rebuild(request, cache, List.of()).problems()).isEmpty();
    Path post = root.resolve("source/_posts/hello-world.md");
    Files.writeString(post, Files.readString(post).replace("开头。", "新的开头。"));

    assertThat(SiteBuild.rebuild(request, cache, List.of(post)).problems()).isEmpty();

    String html = cache.outputs().stream().filter(o -> o.path().equals("2024/03/01/hello-world/index.html")).findFirst().map(
        o -> new String(o.bytes(), java.nio.charset.StandardCharsets.UTF_8)).orElseThrow();
    assertThat(html).contains("新的开头").contains("<a href=\"/2024/03/05/second-post/\">第二篇</a>");
  }

  @Test
  void a_jekyll_blog_builds_in_place_and_its_old_urls_redirect(@TempDir Path dir) {
    TestSite site = TestSite.write(dir, JEKYLL);
    BuildResult r = site.build();
    assertThat(r.problems()).isEmpty();
    assertThat(r.posts()).isEqualTo(2);
    Document post = site.html("posts/first-post/index.html");
    assertThat(post.select("time").first().attr("datetime")).startsWith("2023-05-04");
    assertThat(post.select("pre code.language-ruby").text()).isEqualTo("puts 1");
    assertThat(post.select("a:contains(next)").attr("href")).isEqualTo("/posts/second/");
    assertThat(post.select("img[alt=pic]").attr("src")).isEqualTo("/assets/pic.png");
    assertThat(site.exists("assets/pic.png")).isTrue();
    assertThat(site.exists("categories/go/index.html") && site.exists("categories/web/index.html")).isTrue();
    assertThat(site.exists("tags/tips/index.html") && site.exists("tags/tricks/index.html")).isTrue();
    assertThat(site.text("go/web/2023/05/04/first-post.html")).contains("url=/posts/first-post/");
    assertThat(site.text("2023/06/01/second.html")).contains("url=/posts/second/");
    assertThat(site.text("about.html")).contains("url=/about/");
    assertThat(r.warnings()).extracting(p -> p.file().toString()).contains("index.html", "feed.xml");
    assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains("include note.html"));
  }

  @Test
  void a_hugo_blog_builds_in_place_with_toml_shortcodes_bundles_and_series(@TempDir Path dir) {
    TestSite site = TestSite.write(dir, HUGO);
    BuildResult r = site.build();
    assertThat(r.problems()).isEmpty();
    assertThat(r.posts()).isEqualTo(2);
    Document post = site.html("2024/01/first-post/index.html");
    assertThat(post.select("figure img").attr("src")).isEqualTo("/img/a.png");
    assertThat(post.select("figcaption").text()).isEqualTo("A caption");
    // a video alone on its line gets the same click-to-load preview as Inkstone's own @[youtube](id)
    assertThat(post.select("figure.video-youtube a.video-facade").attr("data-embed")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
    // within a line of text it stays the player, so the sentence is not broken in two
    assertThat(post.select("p:contains(Or this talk) iframe").attr("src")).isEqualTo("https://www.youtube-nocookie.com/embed/9bZkp7q19f0");
    assertThat(post.select("a:contains(second)").attr("href")).isEqualTo("/2024/02/second/");
    assertThat(post.select("pre code.language-go").text()).isEqualTo("func main() {}");
    assertThat(post.select("pre code").text()).contains("{{< figure src=\"x\" >}}");
    assertThat(post.select("code:contains(mystery)").text()).isEqualTo("{{< mystery x >}}");
    assertThat(site.html("2024/02/second/index.html").select("img[alt=pic]").attr("src")).isEqualTo("/2024/02/second/pic.png");
    assertThat(site.exists("2024/02/second/pic.png")).isTrue();
    assertThat(site.exists("tags/go/index.html")).isTrue();
    assertThat(site.exists("series/basics/index.html")).isTrue();
    assertThat(site.exists("about/index.html")).isTrue();
    assertThat(site.exists("img/a.png")).isTrue();
    assertThat(r.warnings()).extracting(Problem::format)
        .anySatisfy(w -> assertThat(w).startsWith("content/posts/first.md:18:1: unknown shortcode `{{< mystery x >}}`"))
        .anySatisfy(w -> assertThat(w).startsWith("content/posts/_index.md: left out"));
  }

  @Test
  void a_broken_toml_date_is_a_problem_at_its_line_in_the_real_file(@TempDir Path dir) {
    TestSite site = TestSite.write(dir, HUGO).add("""
        -- content/posts/bad.md --
        +++
        title = "Bad"
        date = 2016-12-17T0:00:00-08:00
        +++
        """);
    BuildResult r = site.build();
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).format()).startsWith("content/posts/bad.md:3:");
  }

  @Test
  void importing_gives_the_same_site_as_building_in_place_and_a_rerun_changes_nothing(@TempDir Path dir) throws IOException {
    for (var blog : List.of(new Object[] {Dialect.HEXO, HEXO}, new Object[] {Dialect.JEKYLL, JEKYLL}, new Object[] {Dialect.HUGO, HUGO})) {
      Dialect dialect = (Dialect) blog[0];
      TestSite inPlace = TestSite.write(dir.resolve(dialect + "-src"), (String) blog[1]);
      inPlace.buildOk();
      Path into = dir.resolve(dialect + "-imported");
      ImportReport first = ForeignImport.run(dialect, inPlace.root(), into);
      assertThat(first.count("posts", 0)).isEqualTo(2);
      ImportReport again = ForeignImport.run(dialect, inPlace.root(), into);
      assertThat(again.written()).isZero();
      TestSite imported = TestSite.write(into, "");
      BuildResult r = imported.build();
      assertThat(r.problems()).isEmpty();
      assertThat(htmlFiles(imported.out())).isEqualTo(htmlFiles(inPlace.out()));
    }
  }

  private static List<String> htmlFiles(Path out) throws IOException {
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(p -> p.toString().endsWith(".html")).map(p -> out.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }
}
