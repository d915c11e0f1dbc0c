package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageWriterTest {
  @Test
  void a_page_comes_out_as_the_utf8_of_everything_written() {
    PageWriter out = new PageWriter(4);
    out.write("<p>微服务 ");
    out.write(new char[] {'x', 'y', 'z'}, 1, 2);
    out.writeSpecialized(42);
    out.writeSpecialized(1.5);
    out.write('!');

    assertThat(out.bytes()).isEqualTo("<p>微服务 yz421.5!".getBytes(StandardCharsets.UTF_8));
    assertThat(out.toString()).isEqualTo("<p>微服务 yz421.5!");
  }

  @Test
  void a_character_split_over_two_writes_is_joined_again() {
    PageWriter out = new PageWriter(16);
    out.write("a\uD83D");
    out.write("\uDE00b");

    assertThat(out.bytes()).isEqualTo("a😀b".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_lone_half_of_a_pair_becomes_a_question_mark_as_in_string_encoding() {
    PageWriter out = new PageWriter(16);
    out.write("end\uD83D");

    assertThat(out.bytes()).isEqualTo("end\uD83D".getBytes(StandardCharsets.UTF_8)).isEqualTo("end?".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_released_buffer_serves_the_next_writer_on_the_thread_from_empty() {
    PageWriter first = new PageWriter(16);
    first.write("the first page, longer than the next one");
    first.release();
    PageWriter second = new PageWriter(16);
    second.write("next");
    assertThat(second.bytes()).isEqualTo("next".getBytes(StandardCharsets.UTF_8));
    assertThat(first.bytes()).isEmpty();
  }

  @Test
  void a_template_text_array_is_encoded_once_and_again_if_its_chars_change() {
    PageWriter.TemplateText text = new PageWriter.TemplateText();
    char[] node = "<li>标签</li>".toCharArray();
    PageWriter first = new PageWriter(16, text);
    first.write(node);
    first.write(node);
    assertThat(first.toString()).isEqualTo("<li>标签</li><li>标签</li>");
    node[4] = '新';
    PageWriter second = new PageWriter(16, text);
    second.write(node);
    assertThat(second.toString()).isEqualTo("<li>新签</li>");
    char[] split = {'a', '\uD83D'};
    second.write(split);
    second.write(new char[] {'\uDE00', 'b'});
    assertThat(second.toString()).isEqualTo("<li>新签</li>a😀b");
  }
}
