package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.build.SearchFixture;
import dev.inkstone.build.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
  @TempDir Path dir;

  @Test
  void chinese_is_cut_into_bigrams_and_english_into_lower_cased_words_without_stop_words() {
    assertThat(SearchTokens.of("微服务 and the Kafka 锁, JVM调优"))
        .containsExactly("微服", "服务", "kafka", "锁", "jvm", "调优");
  }

  @Test
  void postings_are_base36_id_deltas_with_scores_other_than_one() {
    assertThat(SearchIndex.encode(new int[] {3, 0, 40, 12, 1, 50, 2})).isEqualTo("0:14,c,12:2"); // 40 = "14", 50 - 12 = 38 = "12" in base 36
    assertThat(SearchIndex.encode(new int[] {3, 35, 36, 1331, 1296, 46691, 1_000_000}))
        .isEqualTo("z:10,100:100,z00:lfls"); // each as Integer.toString(n, 36) writes it
  }

  @Test
  void the_build_writes_an_index_a_term_shard_and_a_doc_shard() {
    TestSite site = TestSite.write(dir, SearchFixture.BLOG).buildOk();
    String index = site.text("search/index.json");
    assertThat(index).contains("\"posts\":8", "\"shards\":1", "\"docsPerShard\":100");
    String terms = site.text("search/terms/0.json");
    // the microservices post (id 5: newest first) has 微服 in its title and tags
    assertThat(terms).contains("\"kafka\":").contains("\"微服\":");
    assertThat(site.text("search/docs/0.json")).contains("[\"微服务拆分实践\",\"/posts/microservices/\",\"2024-01-10\",\"微服务 · 架构\"]");
    assertThat(site.exists("search/index.html")).isTrue();
    assertThat(site.html("index.html").select("a.search-link").attr("href")).isEqualTo("/search/");
  }

  @Test
  void the_same_blog_gives_the_same_index_bytes() {
    TestSite site = TestSite.write(dir, SearchFixture.BLOG).buildOk();
    String first = site.text("search/terms/0.json") + site.text("search/index.json");
    site.buildOk();
    assertThat(site.text("search/terms/0.json") + site.text("search/index.json")).isEqualTo(first);
  }
}
