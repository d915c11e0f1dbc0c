package dev.inkstone.related;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static long[] tokens(String text) {
    Tokenizer.Keys keys = new Tokenizer.Keys();
    Tokenizer.tokenize(text, keys);
    return java.util.Arrays.copyOf(keys.keys, keys.size);
  }

  @Test
  void hanRunsBecomeOverlappingBigrams() {
    assertThat(tokens("熔断器"))
        .containsExactly(Tokenizer.hanBigramKey('熔', '断'), Tokenizer.hanBigramKey('断', '器'));
  }

  @Test
  void aLoneHanCharacterIsAUnigram() {
    assertThat(tokens("用 Go 写")).containsExactly(
        Tokenizer.hanUnigramKey('用'), Tokenizer.wordKey("go"), Tokenizer.hanUnigramKey('写'));
  }

  @Test
  void particlesDoNotJoinBigrams() {
    assertThat(tokens("服务的熔断"))
        .containsExactly(Tokenizer.hanBigramKey('服', '务'), Tokenizer.hanBigramKey('熔', '断'));
  }

  @Test
  void latinWordsAreFoldedWithoutTheDefaultLocale() {
    // Surefire runs in a Turkish locale, where "TITLE".toLowerCase() would give a dotless ı.
    assertThat(tokens("TITLE Kafka")).containsExactly(
        Tokenizer.wordKey("title"), Tokenizer.wordKey("kafka"));
  }

  @Test
  void stopWordsSingleLettersAndNumbersAreDropped() {
    assertThat(tokens("the a of 2024 is k8s")).containsExactly(Tokenizer.wordKey("k8s"));
  }

  @Test
  void hanTextBreaksLatinWords() {
    assertThat(tokens("Spring框架")).containsExactly(
        Tokenizer.wordKey("spring"), Tokenizer.hanBigramKey('框', '架'));
  }
}
