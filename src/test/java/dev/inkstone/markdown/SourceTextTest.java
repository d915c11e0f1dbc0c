package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTextTest {
  private final Parser parser = Parser.builder(new MutableDataSet()).build();

  @Test
  void every_piece_reads_as_flexmark_reads_it() {
    List<String> ours = new ArrayList<>();
    List<String> flexmarks = new ArrayList<>();
    for (Node n : parser.parse(BasedSequence.of(new SourceText("# 标题\n\nHello *world*\nsecond 行\n\n> a\n> b\n\nnul \0 here\n"))).getDescendants()) {
      if (n instanceof Text text) {
        ours.add(SourceText.text(text.getChars()));
        flexmarks.add(text.getChars().toString());
      }
    }
    assertThat(ours).isEqualTo(flexmarks).contains("标题", "Hello ", "world", "second 行", "a", "b").contains("nul \uFFFD here");
  }

  @Test
  void text_that_is_not_from_a_source_text_is_read_the_usual_way() {
    assertThat(SourceText.text(BasedSequence.of("plain string").subSequence(6, 12))).isEqualTo("string");
  }
}
