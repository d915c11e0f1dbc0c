package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.diagnostic.Problem;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders every page template of {@code themes/default} with sample views and checks the class
 * names other code and CSS rely on. With {@code -Dinkstone.themePreview=/tmp/theme-preview} it
 * also writes the pages and the theme's static files there, to look at them in a browser.
 */
class DefaultThemeRenderTest {
  static final Path THEMES = Path.of("themes");
  static final Set<String> LAYOUTS_AND_PARTIALS = Set.of("base");

  @TempDir static Path out;
  static Map<String, Document> pages = new LinkedHashMap<>();
  static Map<String, String> html = new LinkedHashMap<>();
  static ThemeEngine engine;

  @BeforeAll
  static void renderEverything() throws IOException {
    String preview = System.getProperty("inkstone.themePreview", "");
    // Under a preview folder the pages are opened as file:// URLs, so the base path is the folder.
    String basePath = preview.isEmpty() ? "/blog" : Path.of(preview).toAbsolutePath().toString();
    engine = new ThemeEngine(ThemeLoader.load(out.resolve("no-blog"), THEMES, "default", "zh-CN"), basePath);
    assertThat(engine.compileAll()).isEmpty();
    render(engine, "", "zh-CN");
    ThemeEngine english = new ThemeEngine(ThemeLoader.load(out.resolve("no-blog"), THEMES, "default", "en"), basePath);
    render(english, "-en", "en");
    if (!preview.isEmpty()) {
      writeTo(Path.of(preview));
    }
  }

  private static void render(ThemeEngine engine, String suffix, String language) {
    Views.SiteView site = Samples.site(language);
    Map<String, String> i18n = engine.theme().i18n();
    SafeString sidebar = new SafeString(engine.render("partials/sidebar", Map.of("site", site, "sidebar", Samples.sidebar(), "i18n", i18n)));
    SafeString footer = new SafeString(engine.render("partials/footer", Map.of("site", site, "i18n", i18n)));
    html.put("sidebar" + suffix, sidebar.toString());
    html.put("footer" + suffix, footer.toString());

    record Sample(String file, String template, Views.PageView page, String activeUrl, Map<String, Object> extra) {}
    SafeString toolHtml = new SafeString("<form class=\"json-tool\"><label for=\"json-in\">JSON</label><textarea id=\"json-in\" rows=\"8\"></textarea>"
        + "<button type=\"button\">格式化</button></form><script>document.querySelector('.json-tool button').onclick = () => {};</script>");
    List<Sample> samples = List.of(
        new Sample("post", "post", Samples.post(Samples.OWNER), "/categories/ai/", Map.of()),
        new Sample("post-guest", "post", Samples.post(Samples.GUEST), "/categories/ai/", Map.of()),
        new Sample("page", "page", Samples.page("page", "关于", "/about/", "", new SafeString("<p>你好，我是秋山。</p>")), "/about/", Map.of()),
        new Sample("tool", "tool", Samples.page("page", "JSON 格式化", "/tools/json/", "tool", toolHtml), "/tools/json/", Map.of()),
        new Sample("donate", "donate", Samples.page("page", "打赏", "/donate/", "donate", new SafeString("<p>谢谢。</p>")), "/donate/", Map.of()),
        new Sample("home", "home", Samples.page("home", site.title(), "/page/2/", "", new SafeString("")), "/", Map.of("paginator", Samples.paginator("/"))),
        new Sample("term", "term", Samples.page("term", "AI", "/categories/ai/page/2/", "", new SafeString("")), "/categories/ai/",
            Map.of("term", Samples.term(), "paginator", Samples.paginator("/categories/ai/"))),
        new Sample("terms-tags", "terms", Samples.page("terms", "标签", "/tags/", "", new SafeString("")), "/tags/", Map.of("taxonomy", Samples.tagsTaxonomy())),
        new Sample("terms-categories", "terms", Samples.page("terms", "分类", "/categories/", "", new SafeString("")), "/categories/",
            Map.of("taxonomy", Samples.categoriesTaxonomy())),
        new Sample("archives", "archives", Samples.page("archives", "归档", "/archives/", "", new SafeString("")), "/archives/", Map.of("archive", Samples.archive(false))),
        new Sample("archive", "archive", Samples.page("archive", "归档 2024", "/archives/2024/", "", new SafeString("")), "/archives/", Map.of("archive", Samples.archive(true))),
        new Sample("404", "404", Samples.page("404", "页面未找到", "/404.html", "", new SafeString("")), "/404.html", Map.of()),
        new Sample("search", "search", Samples.page("search", "搜索", "/search/", "", new SafeString("")), "/search/", Map.of()));
    for (Sample s : samples) {
      Map<String, Object> context = new HashMap<>(s.extra());
      context.put("site", site);
      context.put("page", s.page());
      context.put("nav", Samples.nav(s.activeUrl()));
      context.put("i18n", i18n);
      context.put("fragments", Map.of("sidebar", sidebar, "footer", footer));
      context.put("liveReload", false);
      String text = engine.render(s.template(), context);
      html.put(s.file() + suffix, text);
      pages.put(s.file() + suffix, Jsoup.parse(text));
    }
  }

  private static void writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (var e : html.entrySet()) {
      if (!e.getKey().startsWith("sidebar") && !e.getKey().startsWith("footer")) {
        Files.writeString(dir.resolve(e.getKey() + ".html"), e.getValue(), StandardCharsets.UTF_8);
      }
    }
    Path statics = THEMES.resolve("default/static");
    try (Stream<Path> files = Files.walk(statics)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = dir.resolve(statics.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.createDirectories(dir.resolve("img"));
    Files.writeString(dir.resolve("img/avatar.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 72 72'><rect width='72' height='72' fill='#3d6e8f'/>"
            + "<circle cx='36' cy='28' r='14' fill='#f2efe8'/><rect x='14' y='48' width='44' height='24' rx='12' fill='#f2efe8'/></svg>");
  }

  @Test
  void every_page_template_of_the_theme_has_a_sample() {
    Set<String> rendered = new TreeSet<>(List.of("post", "page", "tool", "home", "term", "terms", "archives", "archive", "404", "search", "donate"));
    Set<String> pageTemplates = new TreeSet<>(engine.templateNames().stream()
        .filter(n -> !n.startsWith("partials/") && !LAYOUTS_AND_PARTIALS.contains(n)).toList());
    assertThat(pageTemplates).isEqualTo(rendered);
  }

  @Test
  void a_post_has_the_reader_furniture_of_a_chinese_tech_blog() {
    Document post = pages.get("post");
    assertThat(post.select("html").attr("lang")).isEqualTo("zh-CN");
    assertThat(post.select(".site-nav .menu > li")).hasSize(8);
    assertThat(post.select(".site-nav .submenu a")).extracting(e -> e.text()).containsExactly("JSON 格式化", "SQL 格式化", "在线工具集");
    assertThat(post.select(".site-nav li.active > a").text()).isEqualTo("AI");
    assertThat(post.select(".breadcrumb li")).extracting(e -> e.text()).containsExactly("首页", "AI", "正文");
    assertThat(post.select("h1.post-title").text()).isEqualTo("【AI】Gemini 技术报告要点提炼");
    assertThat(post.select(".post-meta time").attr("datetime")).isEqualTo("2023-12-10T21:30:00+08:00");
    assertThat(post.select(".post-meta").text()).contains("作者：秋山").contains("约 9 分钟").contains("3429 字").contains("AI");
    assertThat(post.select(".toc a")).extracting(e -> e.attr("href")).containsExactly("#训练", "#数据", "#结构", "#评测");
    assertThat(post.select(".toc ol ol a").text()).isEqualTo("1.1 数据配比");
    assertThat(post.select(".post-content pre code")).hasSize(1);
    assertThat(post.select(".post-tags a[rel=tag]")).hasSize(12);
    assertThat(post.select(".post-updated").text()).isEqualTo("最后更新：2023-12-12");
    assertThat(post.select(".author-box .author-name").text()).isEqualTo("秋山");
    assertThat(post.select(".author-box img").attr("alt")).isEmpty();
    assertThat(post.select(".post-nav a[rel=prev]").text()).isEqualTo("上一篇 LangChain：打造自己的 LLM 应用");
    assertThat(post.select(".post-nav a[rel=next]").text()).isEqualTo("下一篇 2023 年 AI 盘点（转译）");
    assertThat(post.select(".related-posts ol > li")).hasSize(10);
    assertThat(post.select(".comments-slot[hidden]")).hasSize(1);
    assertThat(post.select(".comments-slot").text()).isEmpty();
    assertThat(post.select("aside.sidebar")).hasSize(1);
    assertThat(post.select("footer.site-footer")).hasSize(1);
  }

  @Test
  void a_guest_post_shows_its_own_author_without_an_avatar() {
    Document post = pages.get("post-guest");
    assertThat(post.select(".post-meta").text()).contains("作者：林远");
    assertThat(post.select(".author-box .author-name").text()).isEqualTo("林远");
    assertThat(post.select(".author-box img")).isEmpty();
  }

  @Test
  void the_sidebar_has_three_tabs_a_sized_tag_cloud_and_a_blogroll() {
    Document page = pages.get("post");
    assertThat(page.select(".sidebar .tab-label")).extracting(e -> e.text()).containsExactly("最新", "热点", "推荐");
    assertThat(page.select(".sidebar input[type=radio][checked]")).hasSize(1);
    assertThat(page.select(".sidebar .tab-panel-latest li")).hasSize(8);
    assertThat(page.select(".sidebar .tab-panel-featured .empty")).hasSize(1);
    assertThat(page.select(".sidebar .tag-cloud a")).hasSize(12);
    assertThat(page.select(".sidebar .tag-cloud a").eachAttr("class")).allMatch(c -> c.matches("tag-size-[1-5]"));
    assertThat(page.select(".sidebar .tag-cloud a").first().text()).isEqualTo("AI (1)");
    assertThat(page.select(".sidebar .blogroll a")).extracting(e -> e.text()).containsExactly("AI 工具集", "工具箱");
  }

  @Test
  void the_footer_has_the_copyright_span_the_icp_link_and_the_theme_credit() {
    Document page = pages.get("post");
    assertThat(page.select(".site-footer .copyright").text()).isEqualTo("© 2014–2025 墨石技术笔记");
    assertThat(page.select(".site-footer .icp a").attr("href")).isEqualTo("https://beian.miit.gov.cn/");
    assertThat(page.select(".site-footer .icp a").text()).isEqualTo("粤ICP备00000000号-1");
    assertThat(page.select(".site-footer .theme-credit").text()).isEqualTo("Theme Inkstone Default");
  }

  @Test
  void lists_show_cards_and_pagination_on_page_two_of_three() {
    for (String name : List.of("home", "term")) {
      Document page = pages.get(name);
      assertThat(page.select(".post-card")).as(name).hasSize(5);
      assertThat(page.select(".post-card").first().select(".card-title a, .card-summary, .card-tags a, .meta-categories a, time, .meta-reading")).as(name).hasSizeGreaterThan(5);
      assertThat(page.select(".pagination a[rel=prev]").attr("href")).as(name).endsWith("/");
      assertThat(page.select(".pagination a[rel=next]").attr("href")).as(name).endsWith("page/3/");
      assertThat(page.select(".pagination [aria-current=page]").text()).as(name).isEqualTo("2");
      assertThat(page.select("title").text()).as(name).contains("第 2 页");
    }
    assertThat(pages.get("term").select(".subterms a").text()).isEqualTo("大模型");
  }

  @Test
  void taxonomy_indexes_are_a_cloud_for_tags_and_a_tree_for_categories() {
    assertThat(pages.get("terms-tags").select(".content .tag-cloud a")).hasSize(12);
    assertThat(pages.get("terms-categories").select(".term-tree > ul > li")).hasSize(3);
    assertThat(pages.get("terms-categories").select(".term-tree ul ul a").text()).isEqualTo("大模型");
  }

  @Test
  void archives_are_grouped_by_year_and_month() {
    Document all = pages.get("archives");
    assertThat(all.select(".archive-year-title")).extracting(e -> e.text()).containsExactly("2024 (5)", "2023 (1)");
    assertThat(all.select("h3.archive-month-title").first().text()).isEqualTo("2024 年 5 月 (2)");
    assertThat(all.select(".archive-posts li")).hasSize(6);
    Document year = pages.get("archive");
    assertThat(year.select(".archive-year-title")).isEmpty();
    assertThat(year.select("h2.archive-month-title")).hasSize(2);
    assertThat(pages.get("archives-en").select("h3.archive-month-title").first().text()).isEqualTo("May 2024 (2)");
  }

  @Test
  void a_tool_page_is_full_width_without_a_sidebar_and_keeps_its_script() {
    Document tool = pages.get("tool");
    assertThat(tool.select(".sidebar")).isEmpty();
    assertThat(tool.select(".layout-full")).hasSize(1);
    assertThat(tool.select(".tool-content script")).hasSize(1);
  }

  @Test
  void the_404_page_links_home() {
    assertThat(pages.get("404").select("h1").text()).isEqualTo("页面未找到");
    assertThat(pages.get("404").select(".not-found a").attr("href")).isEqualTo(pages.get("404").select(".site-title").attr("href"));
  }

  @Test
  void english_sites_get_english_ui_strings() {
    Document post = pages.get("post-en");
    assertThat(post.select("html").attr("lang")).isEqualTo("en");
    assertThat(post.select(".breadcrumb li").last().text()).isEqualTo("Post");
    assertThat(post.select(".post-nav a[rel=prev] .post-nav-label").text()).isEqualTo("Previous");
    assertThat(post.select(".sidebar .tab-label")).extracting(e -> e.text()).containsExactly("Latest", "Popular", "Featured");
  }

  @Test
  void every_page_has_the_head_landmarks_and_skip_link_readers_need() {
    pages.forEach((name, page) -> {
      assertThat(page.select("meta[charset]")).as(name).hasSize(1);
      assertThat(page.select("meta[name=viewport]")).as(name).hasSize(1);
      assertThat(page.select("meta[name=description]").attr("content")).as(name).isNotBlank();
      assertThat(page.select("title").text()).as(name).isNotBlank();
      assertThat(page.select("h1")).as(name).hasSize(1);
      assertThat(page.select("a.skip-link").attr("href")).as(name).isEqualTo("#main");
      assertThat(page.select("main#main, header.site-header, footer.site-footer, nav.site-nav")).as(name).hasSize(4);
      assertThat(page.select("[id]").eachAttr("id")).as(name).doesNotHaveDuplicates();
      assertThat(page.select("img").eachAttr("alt")).as(name).hasSameSizeAs(page.select("img"));
    });
  }

  @Test
  void the_theme_asks_no_other_host_for_anything() throws IOException {
    pages.forEach((name, page) -> {
      assertThat(page.select("link[rel=stylesheet], link[rel~=icon], link[rel=preload], script[src], img[src], iframe")).as(name)
          .allSatisfy(e -> assertThat(e.attr("href") + e.attr("src")).doesNotContain("//"));
    });
    try (Stream<Path> files = Files.walk(THEMES.resolve("default/static"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".css")).toList()) {
        String css = Files.readString(f);
        assertThat(css).as(f.toString()).doesNotContain("@import").doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//");
      }
    }
  }

  @Test
  void stylesheet_links_carry_the_base_path() {
    assertThat(pages.get("post").select("link[rel=stylesheet]").attr("href")).endsWith("/css/style.css").doesNotStartWith("/css");
  }

  @Test
  void front_matter_values_are_escaped_but_the_body_is_not() {
    Views.PageView base = Samples.post(Samples.OWNER);
    Views.PageView evil = new Views.PageView(base.kind(), "<script>alert(1)</script>", base.url(), base.permalink(), base.dateIso(), base.dateText(),
        base.updatedIso(), base.updatedText(), base.author(), base.categories(), base.tags(), base.terms(), new SafeString("<p class=\"body\">正文</p>"),
        "\"><b>", base.toc(), false, 1, 1, "", false, base.breadcrumb(), null, null, List.of(), Map.of(), Map.of(), "", false, false,
        Samples.meta("post", "\"><b>"));
    Map<String, Object> context = new HashMap<>();
    context.put("site", Samples.site("zh-CN"));
    context.put("page", evil);
    context.put("nav", List.of());
    context.put("i18n", engine.theme().i18n());
    context.put("fragments", Map.of("sidebar", new SafeString(""), "footer", new SafeString("")));
    context.put("liveReload", true);
    String text = engine.render("post", context);
    assertThat(text).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("<p class=\"body\">正文</p>");
    assertThat(Jsoup.parse(text).select("meta[name=description]").attr("content")).isEqualTo("\"><b>");
  }

  @Test
  void both_languages_have_the_same_keys_and_every_key_used_exists() throws IOException {
    Map<String, String> en = ThemeLoader.readFlat(THEMES.resolve("default/i18n/en.yaml"));
    Map<String, String> zh = ThemeLoader.readFlat(THEMES.resolve("default/i18n/zh-CN.yaml"));
    assertThat(zh.keySet()).isEqualTo(en.keySet());
    Pattern used = Pattern.compile("i18n\\.([a-z_0-9]+)|t\\('([a-z_0-9]+)'");
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(THEMES.resolve("default/templates"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = used.matcher(Files.readString(f));
        while (m.find()) {
          keys.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    assertThat(en.keySet()).containsAll(keys);
  }

  @Test
  void all_templates_compile_without_problems() {
    List<Problem> problems = engine.compileAll();
    assertThat(problems).isEmpty();
  }
}
