package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CjkTest {

  @Test
  void the_quick_ranges_answer_as_the_script_lookup_for_every_code_point() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      // the main ideograph block is taken whole, with the few code points an older JDK does not know yet
      if ((cp < 0x4E00 || cp > 0x9FFF) && Cjk.isWordPerCharacter(cp) != Cjk.isWordPerCharacterByScript(cp)) {
        assertThat(Cjk.isWordPerCharacter(cp)).as("U+%04X", cp).isEqualTo(Cjk.isWordPerCharacterByScript(cp));
      }
    }
  }

  @Test
  void han_kana_and_hangul_letters_count_one_word_each_and_punctuation_none() {
    assertThat("中々〻カーひ한".codePoints().allMatch(Cjk::isWordPerCharacter)).isTrue();
    assertThat("，。：；！？（）「」、〆〇“”…—ａＺ０".codePoints().noneMatch(Cjk::isWordPerCharacter)).isTrue();
  }
}
