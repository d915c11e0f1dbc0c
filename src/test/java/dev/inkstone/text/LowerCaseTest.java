package dev.inkstone.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LowerCaseTest {

  @Test
  void everyCharacterLowersAsTheJdkLowersIt() {
    List<Integer> differing = new ArrayList<>();
    for (int c = 0; c <= 0xFFFF; c++) {
      String one = String.valueOf((char) c);
      if (!LowerCase.root(one).equals(one.toLowerCase(Locale.ROOT))) {
        differing.add(c);
      }
    }
    assertThat(differing).isEmpty();
  }

  @Test
  void textsLowerAsTheJdkLowersThem() {
    List<String> texts = List.of(
        "",
        "plain ascii, nothing to do",
        "Java 与 SQL：微服务架构（Spring Boot）“实践”——第 1 部分…",
        "ΟΔΟΣ ΣΟΦΙΑΣ",            // final sigma depends on what follows it
        "İstanbul",               // lowers to two characters
        "emoji 😀 and 𝐀 outside the basic plane",
        "ＦＵＬＬ－ＷＩＤＴＨ ＡＢＣ",
        "Ünïcödé ÀÉÎÕÜ");
    for (String text : texts) {
      assertThat(LowerCase.root(text)).as(text).isEqualTo(text.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void randomMixedTextLowersAsTheJdkLowersIt() {
    Random random = new Random(42);
    char[] pool = "AbcZ09 中文服务ÀéΣσİ“”—…ＡａΩ\uD83D\uDE00".toCharArray();
    for (int round = 0; round < 2000; round++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        s.append(pool[random.nextInt(pool.length)]);
      }
      String text = s.toString();
      assertThat(LowerCase.root(text)).as(text).isEqualTo(text.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void aTextWithNothingToLowerIsGivenBackAsItIs() {
    String text = "微服务 and rest";
    assertThat(LowerCase.root(text)).isSameAs(text);
  }
}
