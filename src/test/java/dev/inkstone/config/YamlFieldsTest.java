package dev.inkstone.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.diagnostic.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlFieldsTest {
  private final Path file = Path.of("content/site.yaml");
  private final List<Problem> problems = new ArrayList<>();
  private final YamlFields fields = new YamlFields(file, problems);

  private YamlValue.Mapping yaml(String text) {
    return (YamlValue.Mapping) YamlReader.read(text, file, 1);
  }

  @Test
  void values_of_the_right_type_are_read_and_missing_ones_fall_back() {
    YamlValue.Mapping m = yaml("title: 墨砚\npaginate: 12\nfeeds:\n  enabled: false\nempty:\n");

    assertThat(fields.text(m, "title", "x")).isEqualTo("墨砚");
    assertThat(fields.wholeNumber(m, "paginate", 10)).isEqualTo(12);
    assertThat(fields.bool(fields.mapping(m, "feeds"), "enabled", true)).isFalse();
    assertThat(fields.text(m, "subtitle", "none")).isEqualTo("none");
    assertThat(fields.mapping(m, "empty")).isNull();
    assertThat(problems).isEmpty();
  }

  @Test
  void every_wrong_type_is_a_problem_at_its_place_and_reading_goes_on() {
    YamlValue.Mapping m = yaml("title: [a, b]\npaginate: -1\nfeeds: yes please\ncomments: 3\n");

    assertThat(fields.text(m, "title", "fallback")).isEqualTo("fallback");
    assertThat(fields.wholeNumber(m, "paginate", 10)).isEqualTo(10);
    assertThat(fields.mapping(m, "feeds")).isNull();
    assertThat(fields.bool(m, "comments", true)).isTrue();

    assertThat(problems).extracting(Problem::format).containsExactly(
        "content/site.yaml:1:8: `title` must be text, found a list\n    hint: write `title: some text`",
        "content/site.yaml:2:11: `paginate` must be a whole number from 0 to 100000, found -1\n    hint: write `paginate: 10`",
        "content/site.yaml:3:8: `feeds` must be a mapping, found text\n    hint: write `feeds:` then indented `key: value` lines",
        "content/site.yaml:4:11: `comments` must be true or false, found a number\n    hint: write `comments: true` or `comments: false`");
  }
}
