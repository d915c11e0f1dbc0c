package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

class MarkupEscapingTest {

  private final MarkupEscaping escaping = new MarkupEscaping();

  @Test
  void escapes_as_pebbles_own_strategy_does_for_every_character_and_mixes_of_them() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String s = "a" + c + "b";
      assertThat(escaping.escape(s)).as("U+%04X", (int) c).isEqualTo(HtmlEscape.escapeHtml4Xml(s));
    }
    Random random = new Random(42);
    String alphabet = "<>&\"' a中文\uD83D\uDE00;#x&amp;";
    for (int r = 0; r < 2000; r++) {
      StringBuilder s = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(escaping.escape(s.toString())).isEqualTo(HtmlEscape.escapeHtml4Xml(s.toString()));
    }
  }

  @Test
  void text_with_nothing_to_escape_is_the_same_string() {
    String title = "微服务 in practice";
    assertThat(escaping.escape(title)).isSameAs(title);
    assertThat(escaping.escape("<a href=\"x\">Tom's & Jerry's</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;");
  }
}
