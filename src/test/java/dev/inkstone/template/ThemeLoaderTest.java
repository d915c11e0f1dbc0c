package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeLoaderTest {
  @TempDir Path blog;
  @TempDir Path builtIn;

  private static void write(Path root, String... pathsAndTexts) throws IOException {
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      Path file = root.resolve(pathsAndTexts[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, pathsAndTexts[i + 1]);
    }
  }

  private Problem problemOf(String name, String language) {
    try {
      ThemeLoader.load(blog, builtIn, name, language);
    } catch (ProblemsException e) {
      return e.problems().get(0);
    }
    throw new AssertionError("expected a ProblemsException");
  }

  @Test
  void a_missing_key_in_the_site_language_falls_back_to_english() throws IOException {
    write(builtIn,
        "default/theme.yaml", "name: default\n",
        "default/i18n/en.yaml", "home: Home\nprev: Previous\n",
        "default/i18n/zh-CN.yaml", "home: 首页\n");
    Theme theme = ThemeLoader.load(blog, builtIn, "default", "zh-CN");
    assertThat(theme.i18n()).containsEntry("home", "首页").containsEntry("prev", "Previous");
  }

  @Test
  void zh_CN_falls_back_to_zh_then_to_english() throws IOException {
    write(builtIn,
        "default/i18n/en.yaml", "home: Home\n",
        "default/i18n/zh.yaml", "home: 主页\n");
    assertThat(ThemeLoader.load(blog, builtIn, "default", "zh-CN").i18n()).containsEntry("home", "主页");
    assertThat(ThemeLoader.load(blog, builtIn, "default", "fr").i18n()).containsEntry("home", "Home");
  }

  @Test
  void yaml_words_like_no_stay_text_in_ui_strings() throws IOException {
    write(builtIn, "default/i18n/en.yaml", "answer: no\nversion: 1.10\n");
    assertThat(ThemeLoader.load(blog, builtIn, "default", "en").i18n())
        .containsEntry("answer", "no").containsEntry("version", "1.10");
  }

  @Test
  void a_theme_in_the_blog_folder_wins_over_the_built_in_one() throws IOException {
    write(builtIn, "default/i18n/en.yaml", "home: Built in\n");
    write(blog, "themes/default/i18n/en.yaml", "home: Mine\n");
    Theme theme = ThemeLoader.load(blog, builtIn, "default", "en");
    assertThat(theme.i18n()).containsEntry("home", "Mine");
    assertThat(theme.roots()).containsExactly(blog.resolve("themes/default"));
  }

  @Test
  void a_child_theme_chains_templates_statics_and_strings_child_first() throws IOException {
    write(builtIn,
        "default/templates/post.peb", "",
        "default/static/css/style.css", "",
        "default/i18n/en.yaml", "home: Home\nprev: Previous\n",
        "default/i18n/zh-CN.yaml", "home: 首页\nprev: 上一篇\n");
    write(blog,
        "themes/mine/theme.yaml", "name: mine\nextends: default\n",
        "themes/mine/templates/post.peb", "",
        "themes/mine/static/x.js", "",
        "themes/mine/i18n/zh-CN.yaml", "prev: 前一篇\n");
    Theme theme = ThemeLoader.load(blog, builtIn, "mine", "zh-CN");
    assertThat(theme.chain()).containsExactly("mine", "default");
    assertThat(theme.templateFolders()).containsExactly(blog.resolve("themes/mine/templates"), builtIn.resolve("default/templates"));
    assertThat(theme.staticFolders()).containsExactly(blog.resolve("themes/mine/static"), builtIn.resolve("default/static"));
    assertThat(theme.i18n()).containsEntry("home", "首页").containsEntry("prev", "前一篇");
  }

  @Test
  void only_with_folders_come_from_the_chain_a_child_replacing_its_parents_line() throws IOException {
    write(builtIn, "default/theme.yaml", "name: default\nonly-with-math: vendor/katex\nonly-with-mermaid: vendor/mermaid\n",
        "default/i18n/en.yaml", "a: b\n");
    write(blog, "themes/mine/theme.yaml", "extends: default\nonly-with-math: /vendor/katex/, js/math-extra\n");
    Theme theme = ThemeLoader.load(blog, builtIn, "mine", "en");
    assertThat(theme.onlyWith()).containsEntry("math", java.util.List.of("vendor/katex/", "js/math-extra/"))
        .containsEntry("mermaid", java.util.List.of("vendor/mermaid/"));
  }

  @Test
  void an_only_with_line_for_an_unknown_feature_names_the_known_ones() throws IOException {
    write(blog, "themes/mine/theme.yaml", "name: mine\nonly-with-maths: vendor/katex\n", "themes/mine/i18n/en.yaml", "a: b\n");
    Problem p = problemOf("mine", "en");
    assertThat(p.file()).isEqualTo(blog.resolve("themes/mine/theme.yaml"));
    assertThat(p.message()).contains("'only-with-maths'");
    assertThat(p.hint()).contains("only-with-math").contains("only-with-mermaid");
  }

  @Test
  void a_missing_theme_says_where_it_looked_and_what_to_do() {
    Problem p = problemOf("nope", "en");
    assertThat(p.message()).contains("'nope'").contains("not found").contains(blog.resolve("themes/nope").toString());
    assertThat(p.hint()).contains("theme:");
  }

  @Test
  void a_missing_parent_theme_is_reported_in_the_child_theme_yaml() throws IOException {
    write(blog, "themes/mine/theme.yaml", "extends: ghost\n", "themes/mine/i18n/en.yaml", "a: b\n");
    Problem p = problemOf("mine", "en");
    assertThat(p.file()).isEqualTo(blog.resolve("themes/mine/theme.yaml"));
    assertThat(p.message()).contains("parent theme 'ghost'");
  }

  @Test
  void a_cycle_in_extends_is_reported_with_the_whole_cycle() throws IOException {
    write(blog,
        "themes/a/theme.yaml", "extends: b\n",
        "themes/b/theme.yaml", "extends: a\n");
    Problem p = problemOf("a", "en");
    assertThat(p.message()).contains("a -> b -> a");
    assertThat(p.hint()).contains("extends");
  }

  @Test
  void a_theme_without_any_ui_strings_is_a_problem() throws IOException {
    write(blog, "themes/bare/theme.yaml", "name: bare\n");
    Problem p = problemOf("bare", "zh-CN");
    assertThat(p.message()).contains("no UI strings").contains("zh-CN");
    assertThat(p.hint()).contains("en.yaml");
  }

  @Test
  void broken_yaml_in_an_i18n_file_names_its_line() throws IOException {
    write(blog, "themes/t/i18n/en.yaml", "home: Home\nprev: [unclosed\n");
    Problem p = problemOf("t", "en");
    assertThat(p.file()).isEqualTo(blog.resolve("themes/t/i18n/en.yaml"));
    assertThat(p.line()).isPositive();
  }

  @Test
  void a_nested_i18n_file_is_refused() throws IOException {
    write(blog, "themes/t/i18n/en.yaml", "nav:\n  home: Home\n");
    assertThat(problemOf("t", "en").message()).contains("nested");
  }

  @Test
  void a_theme_name_with_a_path_in_it_is_refused() {
    assertThatThrownBy(() -> ThemeLoader.load(blog, builtIn, "../etc", "en")).isInstanceOf(ProblemsException.class);
  }
}
