package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeEngineTest {
  @TempDir Path blog;

  /** Writes {@code path → text} pairs below the blog folder. */
  private void write(String... pathsAndTexts) throws IOException {
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      Path file = blog.resolve(pathsAndTexts[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, pathsAndTexts[i + 1]);
    }
  }

  private ThemeEngine engine(String basePath) {
    return new ThemeEngine(ThemeLoader.load(blog, null, "t", "en"), basePath);
  }

  private void theme(String... templates) throws IOException {
    write("themes/t/theme.yaml", "name: t\n", "themes/t/i18n/en.yaml", "home: Home\npage_n: Page {n}\n");
    write(templates);
  }

  private static Problem onlyProblem(Runnable r) {
    try {
      r.run();
    } catch (ProblemsException e) {
      assertThat(e.problems()).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("expected a ProblemsException");
  }

  @Test
  void record_accessors_resolve_as_attributes() throws IOException {
    theme("themes/t/templates/x.peb", "{{ link.title }}|{{ link.url }}|{{ crumbs[0].name }}|{{ card.featured ? 'yes' : 'no' }}");
    var card = new Views.PostCard("T", "/t/", "", "", "", List.of(), List.of(), "", 0, 0, true);
    String out =
        engine("").render("x", Map.of(
            "link", new Views.PostLink("标题", "/posts/a/", "2023-12-10"),
            "crumbs", List.of(new Views.Crumb("首页", "/")),
            "card", card));
    assertThat(out).isEqualTo("标题|/posts/a/|首页|yes");
  }

  @Test
  void includes_are_named_from_templates_or_relative_to_the_including_template() throws IOException {
    theme(
        "themes/t/templates/page.peb", "{% include \"partials/card\" %}|{% include \"./partials/card\" %}",
        "themes/t/templates/partials/card.peb", "card({% include \"../bit\" %},{% include \"./leaf\" %})",
        "themes/t/templates/partials/leaf.peb", "leaf",
        "themes/t/templates/bit.peb", "bit");
    assertThat(engine("").render("page", Map.of())).isEqualTo("card(bit,leaf)|card(bit,leaf)");
  }

  @Test
  void a_syntax_error_is_reported_with_the_template_path_and_line() throws IOException {
    theme("themes/t/templates/post.peb", "<h1>\n{{ page.title }}\n{% if page.title %}\n<p>never closed</p>\n");
    List<Problem> problems = engine("").compileAll();
    assertThat(problems).hasSize(1);
    Problem p = problems.get(0);
    assertThat(p.file().toString().replace('\\', '/')).isEqualTo("themes/t/templates/post.peb");
    assertThat(p.line()).isGreaterThanOrEqualTo(3);
    assertThat(p.hint()).contains("end tag");
  }

  @Test
  void several_broken_templates_are_all_reported_together() throws IOException {
    theme(
        "themes/t/templates/a.peb", "ok\n{{ page.title \n",
        "themes/t/templates/partials/b.peb", "{% for x in %}{% endfor %}",
        "themes/t/templates/good.peb", "{{ 1 + 1 }}");
    List<Problem> problems = engine("").compileAll();
    assertThat(problems).extracting(p -> p.file().toString().replace('\\', '/'))
        .containsExactly("themes/t/templates/a.peb", "themes/t/templates/partials/b.peb");
    assertThat(problems).allSatisfy(p -> assertThat(p.line()).isPositive());
  }

  @Test
  void a_misspelt_variable_is_an_error_with_its_line() throws IOException {
    theme("themes/t/templates/post.peb", "<h1>{{ page.title }}</h1>\n\n<p>{{ page.titel }}</p>\n");
    ThemeEngine engine = engine("");
    assertThat(engine.compileAll()).isEmpty();
    Map<String, Object> context = Map.of("page", new Views.PostLink("a", "/a/", ""));
    Problem p = onlyProblem(() -> engine.render("post", context));
    assertThat(p.file().toString().replace('\\', '/')).isEqualTo("themes/t/templates/post.peb");
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.message()).contains("titel");
    assertThat(p.hint()).contains("Views");
  }

  @Test
  void an_unknown_root_variable_is_an_error_with_a_hint_listing_the_context() throws IOException {
    theme("themes/t/templates/post.peb", "\n{{ paeg.title }}");
    Problem p = onlyProblem(() -> engine("").render("post", Map.of()));
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.hint()).contains("site, page, nav");
  }

  @Test
  void an_error_inside_an_included_partial_names_the_partial() throws IOException {
    theme(
        "themes/t/templates/post.peb", "a\n{% include 'partials/x' %}",
        "themes/t/templates/partials/x.peb", "\n\n{{ nope }}");
    Problem p = onlyProblem(() -> engine("").render("post", Map.of()));
    assertThat(p.file().toString().replace('\\', '/')).isEqualTo("themes/t/templates/partials/x.peb");
    assertThat(p.line()).isEqualTo(3);
  }

  @Test
  void autoescape_escapes_a_script_title_but_not_rendered_content() throws IOException {
    theme("themes/t/templates/x.peb", "<h1>{{ title }}</h1>{{ content }}");
    String out = engine("").render("x", Map.of("title", "<script>alert(1)</script>", "content", new SafeString("<p>正文</p>")));
    assertThat(out).isEqualTo("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><p>正文</p>");
  }

  @Test
  void a_child_theme_overrides_one_template_and_inherits_the_rest() throws IOException {
    write(
        "themes/base/theme.yaml", "name: base\n",
        "themes/base/i18n/en.yaml", "home: Home\n",
        "themes/base/templates/base.peb", "[{% block body %}base body{% endblock %}]{% include 'partials/foot' %}",
        "themes/base/templates/post.peb", "{% extends 'base' %}{% block body %}base post{% endblock %}",
        "themes/base/templates/page.peb", "{% extends 'base' %}{% block body %}base page{% endblock %}",
        "themes/base/templates/partials/foot.peb", "(base foot)",
        "themes/child/theme.yaml", "name: child\nextends: base\n",
        "themes/child/templates/post.peb", "{% extends 'base' %}{% block body %}child post{% endblock %}");
    ThemeEngine engine = new ThemeEngine(ThemeLoader.load(blog, null, "child", "en"), "");
    assertThat(engine.compileAll()).isEmpty();
    assertThat(engine.render("post", Map.of())).isEqualTo("[child post](base foot)");
    assertThat(engine.render("page", Map.of())).isEqualTo("[base page](base foot)");
    assertThat(engine.has("page")).isTrue();
    assertThat(engine.has("tool")).isFalse();
  }

  @Test
  void the_url_filter_puts_the_base_path_in_front_of_site_relative_urls() throws IOException {
    theme("themes/t/templates/x.peb", "{{ '/css/style.css' | url }} {{ 'https://a.org/x' | url }} {{ '#top' | url }} {{ '/' | url }}");
    assertThat(engine(ThemeEngine.basePathOf("https://x.org/blog/")).render("x", Map.of()))
        .isEqualTo("/blog/css/style.css https://a.org/x #top /blog/");
    assertThat(engine(ThemeEngine.basePathOf("https://x.org/")).render("x", Map.of()))
        .isEqualTo("/css/style.css https://a.org/x #top /");
  }

  @Test
  void the_t_function_fills_placeholders_and_rejects_unknown_keys() throws IOException {
    theme("themes/t/templates/x.peb", "{{ t('page_n', {'n': 2}) }}", "themes/t/templates/y.peb", "{{ t('nope') }}");
    ThemeEngine engine = engine("");
    assertThat(engine.render("x", Map.of())).isEqualTo("Page 2");
    assertThat(onlyProblem(() -> engine.render("y", Map.of())).message()).contains("nope");
  }

  @Test
  void rendering_a_missing_template_says_which_one() throws IOException {
    theme("themes/t/templates/x.peb", "x");
    Problem p = onlyProblem(() -> engine("").render("tool", Map.of()));
    assertThat(p.message()).contains("tool");
  }

  @Test
  void a_cache_block_is_made_once_per_key_until_the_build_is_forgotten() throws IOException {
    theme("themes/t/templates/card.peb", "{% cache key %}<p>{{ title }} · 标题 😀</p>{% endcache %}|{{ title }}");
    ThemeEngine engine = engine("");
    assertThat(engine.render("card", Map.of("key", "/a/", "title", "One"))).isEqualTo("<p>One · 标题 😀</p>|One");
    // the same key shows the block made first, as each page of one build shows the same card
    assertThat(engine.render("card", Map.of("key", "/a/", "title", "Two"))).isEqualTo("<p>One · 标题 😀</p>|Two");
    assertThat(new String(engine.renderBytes("card", Map.of("key", "/a/", "title", "Two")), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("<p>One · 标题 😀</p>|Two");
    assertThat(engine.render("card", Map.of("key", "/b/", "title", "Two"))).isEqualTo("<p>Two · 标题 😀</p>|Two");
    engine.forgetBuild(); // the next build's text, under the same key
    assertThat(engine.render("card", Map.of("key", "/a/", "title", "Three"))).isEqualTo("<p>Three · 标题 😀</p>|Three");
  }

  @Test
  void a_cache_block_that_fails_is_reported_like_any_other_template_error() throws IOException {
    theme("themes/t/templates/card.peb", "{% cache key %}\n{{ nope }}{% endcache %}");
    Problem p = onlyProblem(() -> engine("").render("card", Map.of("key", "/a/")));
    assertThat(p.file().toString()).endsWith("card.peb");
    assertThat(p.line()).isEqualTo(2);
  }

  @Test
  void a_shared_fragment_prints_the_same_as_the_text_it_was_rendered_from() throws IOException {
    String long_ = "侧栏 sidebar ".repeat(100);
    theme("themes/t/templates/sidebar.peb", "<aside>{{ text }}</aside>", "themes/t/templates/page.peb", "<main>{{ sidebar }}</main>");
    ThemeEngine engine = engine("");
    SafeString sidebar = engine.renderShared("sidebar", Map.of("text", long_));
    byte[] page = engine.renderBytes("page", Map.of("sidebar", sidebar));
    assertThat(new String(page, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("<main><aside>" + long_ + "</aside></main>");
    engine.forgetBuild();
    assertThat(engine.render("page", Map.of("sidebar", sidebar))).isEqualTo("<main><aside>" + long_ + "</aside></main>");
  }

  @Test
  void a_posts_markdown_prints_its_html_with_the_links_filled_in_and_reads_as_that_html() throws IOException {
    theme("themes/t/templates/post.peb", "<div>{{ content }}</div>|{{ content | length }}");
    dev.inkstone.markdown.MarkdownEngine markdown = new dev.inkstone.markdown.MarkdownEngine();
    dev.inkstone.markdown.RenderedMarkdown md = markdown.render(
        markdown.parse("微服务 [熔断](other.md) and [more](more.md) 😀\n"), d -> "/posts/" + d.replace(".md", "/"));
    String html = md.html();
    assertThat(html).contains("href=\"/posts/other/\"").contains("href=\"/posts/more/\"");
    byte[] page = engine("").renderBytes("post", Map.of("content", new PageWriter.Markdown(md)));
    assertThat(new String(page, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("<div>" + html + "</div>|" + html.length());
    assertThat(new PageWriter.Markdown(md)).isEqualTo(new SafeString(html)).isEqualTo(new PageWriter.Markdown(md));
  }
}
