package dev.inkstone.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstone.diagnostic.ProblemsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextTest {
  private static final Path FILE = Path.of("content/posts/a.md");

  @Test
  void utf8_is_decoded_without_its_bom_and_with_lf_line_ends() {
    byte[] bytes = "\uFEFF标题\r\nline\rend".getBytes(StandardCharsets.UTF_8);
    assertThat(Text.decode(bytes, FILE)).isEqualTo("标题\nline\nend");
  }

  @Test
  void a_replacement_character_written_in_the_file_is_kept() {
    assertThat(Text.decode("乱码 \uFFFD 字".getBytes(StandardCharsets.UTF_8), FILE)).isEqualTo("乱码 \uFFFD 字");
  }

  @Test
  void a_bad_byte_is_a_problem_at_its_line_and_column() {
    byte[] bytes = {'a', '\n', 'b', 'c', (byte) 0xE9, 'd'};
    assertThatThrownBy(() -> Text.decode(bytes, FILE)).isInstanceOfSatisfying(ProblemsException.class, e -> {
      assertThat(e.problems()).singleElement().satisfies(p -> {
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(3);
        assertThat(p.message()).contains("0xE9");
      });
    });
  }

  @Test
  void decomposed_letters_are_composed() {
    assertThat(Text.decode("cafe\u0301".getBytes(StandardCharsets.UTF_8), FILE)).isEqualTo("caf\u00e9");
  }
}
