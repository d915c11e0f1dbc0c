package dev.inkstone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class YamlReaderTest {

  private static final Path FILE = Path.of("content/posts/a.md");

  private static Map<String, Object> plain(String yaml) {
    YamlValue value = YamlReader.read(yaml, FILE, 1);
    assertThat(value).isInstanceOf(YamlValue.Mapping.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value.toPlain();
    return map;
  }

  private static List<Problem> problems(String yaml, int firstLine) {
    ProblemsException e =
        catchThrowableOfType(ProblemsException.class, () -> YamlReader.read(yaml, FILE, firstLine));
    assertThat(e).as("expected problems for:\n" + yaml).isNotNull();
    return e.problems();
  }

  @Test
  void yes_no_on_off_stay_text() {
    Map<String, Object> map = plain("title: no\nx: on\ny: yes\nz: off\nn: n\n");
    assertThat(map).containsExactly(
        Map.entry("title", "no"), Map.entry("x", "on"), Map.entry("y", "yes"),
        Map.entry("z", "off"), Map.entry("n", "n"));
  }

  @Test
  void no_as_a_key_stays_the_text_no() {
    assertThat(plain("no: no\nyes: 1\n")).containsExactly(Map.entry("no", "no"), Map.entry("yes", 1L));
  }

  @Test
  void version_numbers_and_octal_looking_numbers_keep_their_digits() {
    Map<String, Object> map = plain("version: 1.10\nmode: 0755\nsci: 1e3\nhex: 0x1F\nbig: 123456789012345678901234\n");
    assertThat(map.get("version")).isEqualTo("1.10");
    assertThat(map.get("mode")).isEqualTo("0755");
    assertThat(map.get("sci")).isEqualTo("1e3");
    assertThat(map.get("hex")).isEqualTo("0x1F");
    assertThat(map.get("big")).isEqualTo("123456789012345678901234");
  }

  @Test
  void plain_true_false_and_integers_are_typed_but_quoted_ones_are_text() {
    Map<String, Object> map = plain("a: true\nb: False\nc: 42\nd: -7\ne: 0\nf: 'true'\ng: \"42\"\n");
    assertThat(map).containsExactly(
        Map.entry("a", true), Map.entry("b", false), Map.entry("c", 42L), Map.entry("d", -7L),
        Map.entry("e", 0L), Map.entry("f", "true"), Map.entry("g", "42"));
  }

  @Test
  void timestamps_stay_text_for_java_time_to_parse() {
    Map<String, Object> map = plain("date: 2024-03-01\nupdated: 2024-05-02T10:30:00+08:00\n");
    assertThat(map.get("date")).isEqualTo("2024-03-01");
    assertThat(map.get("updated")).isEqualTo("2024-05-02T10:30:00+08:00");
  }

  @Test
  void nulls_lists_and_mappings_become_plain_java_in_file_order() {
    Map<String, Object> map = plain("z: ~\ny:\nx: [1, b]\nw: {k: v, a: null}\n");
    assertThat(map.keySet()).containsExactly("z", "y", "x", "w");
    assertThat(map.get("z")).isNull();
    assertThat(map.get("y")).isNull();
    assertThat(map.get("x")).isEqualTo(List.of(1L, "b"));
    assertThat(map.get("w")).isInstanceOf(LinkedHashMap.class);
    assertThat(List.copyOf(((Map<?, ?>) map.get("w")).keySet())).isEqualTo(List.of("k", "a"));
  }

  @Test
  void an_empty_document_is_a_null_scalar() {
    YamlValue value = YamlReader.read("# only a comment\n", FILE, 2);
    assertThat(value).isEqualTo(new YamlValue.Scalar(null, 2, 1));
  }

  @Test
  void value_positions_are_rebased_onto_the_file() {
    YamlValue.Mapping map = (YamlValue.Mapping) YamlReader.read("title: Hi\n\ndraft: maybe\n", FILE, 2);
    YamlValue draft = map.get("draft");
    assertThat(draft.line()).isEqualTo(4);
    assertThat(draft.column()).isEqualTo(8);
    YamlValue.Entry entry = map.entries().get("draft");
    assertThat(entry.line()).isEqualTo(4);
    assertThat(entry.column()).isEqualTo(1);
  }

  @Test
  void positions_of_list_items_and_nested_values_are_kept() {
    YamlValue.Mapping map = (YamlValue.Mapping) YamlReader.read("tags:\n  - a\n  - b\nmeta:\n  x: 1\n", FILE, 1);
    YamlValue.Sequence tags = (YamlValue.Sequence) map.get("tags");
    assertThat(tags.items().get(1).line()).isEqualTo(3);
    assertThat(tags.items().get(1).column()).isEqualTo(5);
    YamlValue x = ((YamlValue.Mapping) map.get("meta")).get("x");
    assertThat(x.line()).isEqualTo(5);
    assertThat(x.column()).isEqualTo(6);
  }

  @Test
  void a_syntax_error_names_the_file_line_and_column_and_says_what_to_do() {
    List<Problem> problems = problems("title: Java: the good parts\n", 2);
    assertThat(problems).hasSize(1);
    Problem p = problems.get(0);
    assertThat(p.file()).isEqualTo(FILE);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(12);
    assertThat(p.hint()).contains("quote values that contain ': '");
  }

  @Test
  void an_indentation_error_points_at_the_bad_line() {
    Problem p = problems("tags:\n  - a\n - b\n", 2).get(0);
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.hint()).contains("indentation");
  }

  @Test
  void an_unclosed_quote_is_reported_where_it_opens() {
    Problem p = problems("a: 1\ntitle: 'open\nb: 2\n", 2).get(0);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.column()).isEqualTo(8);
    assertThat(p.message()).contains("not closed");
  }

  @Test
  void tabs_get_a_hint_about_spaces() {
    Problem p = problems("a:\n\tb: 1\n", 1).get(0);
    assertThat(p.hint()).contains("spaces");
  }

  @Test
  void every_duplicate_key_is_reported_at_the_second_spelling() {
    List<Problem> problems = problems("a: 1\nb: 2\na: 3\nb: 4\n", 2);
    assertThat(problems).extracting(Problem::line).containsExactly(4, 5);
    assertThat(problems.get(0).message()).contains("`a`").contains("line 2");
  }

  @Test
  @Timeout(5)
  void a_billion_laughs_fails_fast_with_a_problem() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 9; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    assertThat(problems(yaml.toString(), 1).get(0).message()).contains("aliases");
  }

  @Test
  @Timeout(5)
  void aliases_under_the_count_limit_that_multiply_are_still_stopped() {
    // 5 aliases per level, 10 levels: 50 aliases, 5^10 values once expanded.
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x]\n");
    for (int i = 1; i <= 9; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 5; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    List<Problem> problems = problems(yaml.toString(), 1);
    assertThat(problems.get(0).message()).contains("too many values");
  }

  @Test
  void an_alias_inside_its_own_anchor_is_a_problem_not_a_hang() {
    assertThat(problems("x: &a [1, *a]\n", 1).get(0).message()).contains("its own anchor");
  }

  @Test
  @Timeout(5)
  void deep_nesting_is_refused() {
    String yaml = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertThat(problems(yaml, 1).get(0).message()).contains("nested");
  }

  @Test
  @Timeout(5)
  void text_over_the_size_limit_is_refused_without_parsing() {
    String yaml = "a: " + "x".repeat(YamlReader.MAX_CODE_POINTS) + "\n";
    assertThat(problems(yaml, 1).get(0).message()).contains("larger than 1 MiB");
  }

  @Test
  void merge_keys_work_and_explicit_keys_win() {
    Map<String, Object> map = plain("base: &b {x: 1, y: 2}\npost:\n  <<: *b\n  y: 3\n");
    assertThat(map.get("post")).isEqualTo(Map.of("x", 1L, "y", 3L));
  }

  @Test
  void aliases_to_values_are_expanded() {
    Map<String, Object> map = plain("a: &n Ann\nb: *n\n");
    assertThat(map.get("b")).isEqualTo("Ann");
  }

  @Test
  void unknown_tags_are_problems_not_classes() {
    assertThat(problems("a: !!javax.script.ScriptEngineManager [x]\n", 1).get(0).message())
        .contains("not supported");
    List<Problem> problems = problems("a: !foo x\nb: !bar y\n", 1);
    assertThat(problems).hasSize(2);
    assertThat(problems).extracting(Problem::message).allMatch(m -> m.contains("not supported"));
  }

  @Test
  void a_second_document_is_a_problem() {
    Problem p = problems("a: 1\n---\nb: 2\n", 2).get(0);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.message()).contains("more than one YAML document");
  }

  @Test
  void a_large_data_file_within_the_limits_is_read_whole() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      yaml.append("- {name: item").append(i).append(", n: ").append(i).append("}\n");
    }
    YamlValue value = YamlReader.read(yaml.toString(), Path.of("content/data/x.yaml"), 1);
    List<YamlValue> items = ((YamlValue.Sequence) value).items();
    assertThat(items).hasSize(20_000);
    assertThat(items.get(19_999).toPlain()).isEqualTo(Map.of("name", "item19999", "n", 19_999L));
    assertThat(items.get(19_999).line()).isEqualTo(20_000);
  }

  @Test
  void first_line_must_be_one_based() {
    assertThatThrownBy(() -> YamlReader.read("a: 1", FILE, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
