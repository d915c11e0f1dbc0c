package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchTermCounterTest {
  private final SearchTermCounter counter = new SearchTermCounter();

  @Test
  void text_uses_count_up_to_the_cap_and_title_and_tag_terms_once_each() {
    counter.start();
    counter.addEach("微服务 微服务 微服务 Kafka kafka KAFKA and the 锁", 2);
    counter.addOnce(List.of("Kafka 入门 kafka"), 40);
    counter.addOnce(List.of("Kafka", "kafka", "微服务"), 25);

    assertThat(scores(counter.counted())).containsExactlyInAnyOrderEntriesOf(Map.of(
        "微服", 2 + 25, "服务", 2 + 25, "kafka", 2 + 40 + 25, "锁", 1, "入门", 40));
  }

  @Test
  void each_term_is_cut_with_the_key_its_text_has() {
    SearchTokens.Spans spans = new SearchTokens.Spans();
    String s = spans.cut("微服务 Kafka 𠀋𠀌 锁, the 𝒜lgebra ÉTÉ İstanbul ΣΟΦΟΣ x 数据库3 v2 ﾃｽﾄ 한국어");
    assertThat(spans.count).isGreaterThan(12);
    for (int t = 0; t < spans.count; t++) {
      assertThat(spans.key(t)).as(s.substring(spans.start(t), spans.end(t)))
          .isEqualTo(SearchTermCounter.key(s, spans.start(t), spans.end(t)));
    }
  }

  @Test
  void a_counter_starts_afresh_for_the_next_post() {
    counter.start();
    counter.addEach("redis 缓存", 30);
    counter.start();
    counter.addEach("kafka", 30);

    assertThat(scores(counter.counted())).containsExactlyEntriesOf(Map.of("kafka", 1));
  }

  @Test
  void a_cjk_key_holds_its_characters() {
    assertThat(SearchTermCounter.cjkTerm(SearchTermCounter.key("x微服", 1, 3))).isEqualTo("微服");
    assertThat(SearchTermCounter.cjkTerm(SearchTermCounter.key("锁", 0, 1))).isEqualTo("锁");
    assertThat(SearchTermCounter.cjkTerm(SearchTermCounter.key("𠀋𠀌", 0, 4))).isEqualTo("𠀋𠀌");
    assertThat(SearchTermCounter.isWord(SearchTermCounter.key("kafka", 0, 5))).isTrue();
  }

  @Test
  void two_words_under_one_key_stay_two_terms_in_the_index() {
    long key = SearchTermCounter.key("alpha", 0, 5);
    SearchIndex.Postings postings = new SearchIndex.Postings();
    postings.add(0, new SearchTermCounter.Counted(new long[] {key}, new int[] {1}, new String[] {"alpha"}));
    postings.add(1, new SearchTermCounter.Counted(new long[] {key}, new int[] {3}, new String[] {"beta"}));
    postings.add(2, new SearchTermCounter.Counted(new long[] {key}, new int[] {2}, new String[] {"beta"}));

    assertThat(postings.terms).containsExactly("alpha", "beta");
    assertThat(SearchIndex.encode(postings.lists.get(0))).isEqualTo("0");
    assertThat(SearchIndex.encode(postings.lists.get(1))).isEqualTo("1:3,1:2");
  }

  private static Map<String, Integer> scores(SearchTermCounter.Counted counted) {
    Map<String, Integer> byTerm = new HashMap<>();
    for (int i = 0; i < counted.keys().length; i++) {
      String term = counted.words()[i] != null ? counted.words()[i] : SearchTermCounter.cjkTerm(counted.keys()[i]);
      byTerm.put(term, counted.scores()[i]);
    }
    return byTerm;
  }
}
