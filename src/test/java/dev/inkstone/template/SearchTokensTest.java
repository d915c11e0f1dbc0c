package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTokensTest {

  @Test
  void theQuickAnswersForCjkAgreeWithTheScriptOfEveryCodePoint() {
    // the unified ideographs' block counts whole, its last code points not yet assigned included
    List<String> differing = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      boolean script = cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x1100 && SearchTokens.isCjkScript(cp);
      if (SearchTokens.isCjk(cp) != script) {
        differing.add(Integer.toHexString(cp));
      }
    }
    assertThat(differing).isEmpty();
  }

  @Test
  void chinesePunctuationSeparatesTermsAndKanaJoinsThem() {
    assertThat(SearchTokens.of("缓存，一致性。カタカナ")).containsExactly("缓存", "一致", "致性", "カタ", "タカ", "カナ");
  }
}
