package dev.inkstone.related;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class RelatedPostsTest {

  private static RelatedInput text(String title, String body) {
    return new RelatedInput(List.of(), List.of(), title, body);
  }

  private static RelatedInput tagged(List<String> tags, String body) {
    return new RelatedInput(List.of(), tags, body);
  }

  // Interleaved, so finding the own group cannot come from index order.
  private static final List<RelatedInput> CHINESE =
      List.of(
          text("微服务架构中的服务注册与发现", "在微服务架构中，服务注册中心负责记录每个服务实例的地址。服务启动时向注册中心注册，消费者通过服务发现获取实例列表，Nacos 和 Eureka 都是常见的注册中心。"),
          text("大模型推理加速实践", "大模型推理的瓶颈在显存带宽。Transformer 的注意力计算随序列长度增长，KV 缓存可以避免重复计算，量化也能降低推理成本。"),
          text("微服务的熔断与降级", "当下游服务故障时，熔断器会快速失败，避免调用堆积拖垮整个微服务系统。熔断打开后服务降级返回默认结果，服务恢复后熔断器再关闭。"),
          text("从零理解 Transformer 注意力机制", "Transformer 用自注意力代替循环结构，大模型的能力来自堆叠的注意力层。推理时每个新词都要与之前所有词计算注意力。"),
          text("用网关统一管理微服务", "API 网关是微服务的入口，负责路由、鉴权和限流。网关从服务注册中心拉取服务实例，配合熔断保护后端服务。"),
          text("大模型量化与推理部署", "把大模型权重从 FP16 量化到 INT4，可以在消费级显卡上推理。部署时还要考虑 Transformer 的 KV 缓存占用和批处理。"));

  private static final List<RelatedInput> ENGLISH =
      List.of(
          text("Tuning garbage collection in the JVM", "The JVM garbage collector pauses threads. G1 and ZGC reduce pause times; heap sizing and allocation rate decide how often the collector runs."),
          text("Baking sourdough bread at home", "Sourdough bread needs a lively starter, flour, water and salt. Long fermentation gives the bread its sour flavour and open crumb."),
          text("Reading JVM garbage collection logs", "Garbage collection logs show every pause, the heap before and after, and which collector ran. Long pauses in the logs point at heap pressure."),
          text("Sourdough starter troubleshooting", "A sluggish sourdough starter needs warmer water and fresh flour. Feed the starter twice a day before baking bread."),
          text("Choosing a JVM heap size", "Too small a heap makes the garbage collector run constantly; too large a heap lengthens pauses. Measure allocation before tuning the JVM."),
          text("Whole wheat sourdough loaf", "Whole wheat flour absorbs more water, so the sourdough dough needs a higher hydration and a longer fermentation before baking the bread."));

  private static void assertGroupsFindThemselves(List<List<Integer>> related) {
    for (int i = 0; i < related.size(); i++) {
      int group = i % 2;
      assertThat(related.get(i).subList(0, 2))
          .as("post %d lists its own group first: %s", i, related.get(i))
          .allMatch(j -> j % 2 == group);
    }
  }

  @Test
  void chinesePostsOnTheSameTopicFindEachOtherFirst() {
    assertGroupsFindThemselves(RelatedPosts.compute(CHINESE, 5));
  }

  @Test
  void englishPostsOnTheSameTopicFindEachOtherFirst() {
    assertGroupsFindThemselves(RelatedPosts.compute(ENGLISH, 5));
  }

  @Test
  void titleWordsMatchEvenWhenTheTextIsPassedWhole() {
    List<RelatedInput> posts = new ArrayList<>();
    for (RelatedInput post : CHINESE) {
      posts.add(new RelatedInput(List.of(), List.of(), post.title() + "\n" + post.text()));
    }
    assertGroupsFindThemselves(RelatedPosts.compute(posts, 5));
  }

  @Test
  void sharedTagsRelatePostsWithNoTextInCommon() {
    List<RelatedInput> posts =
        List.of(
            tagged(List.of("rust"), "alpha beta gamma"),
            tagged(List.of("golang"), "delta epsilon zeta"),
            tagged(List.of(), "theta iota kappa"),
            tagged(List.of("rust"), "lambda omicron sigma"));
    List<List<Integer>> related = RelatedPosts.compute(posts, 10);
    assertThat(related.get(0)).containsExactly(3);
    assertThat(related.get(3)).containsExactly(0);
    assertThat(related.get(1)).isEmpty();
  }

  @Test
  void aSharedTagLiftsAPostAboveOneWithTheSameText() {
    String body = "kubernetes operator reconcile loop controller";
    List<RelatedInput> posts =
        List.of(
            tagged(List.of("k8s"), body),
            tagged(List.of(), body),
            tagged(List.of("k8s"), body));
    assertThat(RelatedPosts.compute(posts, 10).get(0)).containsExactly(2, 1);
  }

  @Test
  void aRareSharedTagCountsMoreThanACommonOne() {
    List<RelatedInput> posts = new ArrayList<>();
    posts.add(tagged(List.of("java", "loom"), "one"));
    posts.add(tagged(List.of("java"), "two"));
    posts.add(tagged(List.of("loom"), "three"));
    for (int i = 0; i < 6; i++) {
      posts.add(tagged(List.of("java"), "filler" + i));
    }
    assertThat(RelatedPosts.compute(posts, 10).get(0).get(0)).isEqualTo(2);
  }

  @Test
  void sharedCategoriesRelatePosts() {
    List<RelatedInput> posts =
        List.of(
            new RelatedInput(List.of("java/spring"), List.of(), "alpha"),
            new RelatedInput(List.of("python"), List.of(), "beta"),
            new RelatedInput(List.of("java/spring"), List.of(), "gamma"));
    List<List<Integer>> related = RelatedPosts.compute(posts, 10);
    assertThat(related.get(0)).containsExactly(2);
    assertThat(related.get(1)).isEmpty();
  }

  @Test
  void aPostNeverListsItself() {
    List<List<Integer>> related = RelatedPosts.compute(CHINESE, 10);
    for (int i = 0; i < related.size(); i++) {
      assertThat(related.get(i)).doesNotContain(i).doesNotHaveDuplicates();
    }
  }

  @Test
  void noMoreThanKPostsAreListed() {
    List<RelatedInput> posts = GeneratedPosts.generate(300, 300, 3, 7);
    List<List<Integer>> related = RelatedPosts.compute(posts, 4);
    assertThat(related).hasSize(300).allSatisfy(list -> assertThat(list).hasSize(4));
    assertThat(RelatedPosts.compute(posts)).allSatisfy(list -> assertThat(list).hasSize(10));
    assertThat(RelatedPosts.compute(posts, 0)).allSatisfy(list -> assertThat(list).isEmpty());
  }

  @Test
  void fewerCandidatesThanKGiveAShorterList() {
    List<RelatedInput> posts =
        List.of(text("", "raft consensus"), text("", "raft leader"), text("", "sourdough"));
    assertThat(RelatedPosts.compute(posts, 10)).containsExactly(List.of(1), List.of(0), List.of());
  }

  @Test
  void postsWithNothingInCommonAreNotListed() {
    List<RelatedInput> posts = List.of(text("", "alpha"), text("", "beta"), text("", ""));
    assertThat(RelatedPosts.compute(posts, 10)).containsExactly(List.of(), List.of(), List.of());
  }

  @Test
  void equalScoresListTheLowerIndexFirst() {
    List<RelatedInput> posts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      posts.add(text("", "identical words about consensus protocols"));
    }
    List<List<Integer>> related = RelatedPosts.compute(posts, 10);
    assertThat(related.get(0)).containsExactly(1, 2, 3, 4);
    assertThat(related.get(3)).containsExactly(0, 1, 2, 4);
  }

  @Test
  void anEmptyBlogHasNoRelatedPosts() {
    assertThat(RelatedPosts.compute(List.of(), 10)).isEmpty();
  }

  @Test
  void aNegativeKIsRejected() {
    assertThatThrownBy(() -> RelatedPosts.compute(CHINESE, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultsAreTheSameOnEveryRunAndWithOneOrManyThreads() throws Exception {
    // Enough posts that common tags use the neighbour window and long postings get capped.
    List<RelatedInput> posts = GeneratedPosts.generate(3000, 400, 40, 42);
    List<List<Integer>> first = RelatedPosts.compute(posts, 10);
    assertThat(RelatedPosts.compute(posts, 10)).isEqualTo(first);
    ForkJoinPool one = new ForkJoinPool(1);
    ForkJoinPool four = new ForkJoinPool(4);
    try {
      assertThat(one.submit(() -> RelatedPosts.compute(posts, 10)).get()).isEqualTo(first);
      assertThat(four.submit(() -> RelatedPosts.compute(posts, 10)).get()).isEqualTo(first);
    } finally {
      one.shutdown();
      four.shutdown();
    }
  }

  @Test
  void keepingEachPostsCountsGivesWhatTokenisingTwiceGives() {
    List<RelatedInput> posts = GeneratedPosts.generate(3000, 400, 40, 42);
    assertThat(RelatedPosts.compute(posts, 10, true)).isEqualTo(RelatedPosts.compute(posts, 10, false));
  }

  @Test
  void aGeneratedBlogOfFiveThousandPostsFinishesAndMostlyFindsItsTopic() {
    int count = 5000;
    List<RelatedInput> posts = GeneratedPosts.generate(count, 2000, 250, 5);
    long started = System.nanoTime();
    List<List<Integer>> related = RelatedPosts.compute(posts, 10);
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("related posts for %d generated posts: %d ms%n", count, millis);

    assertThat(related).hasSize(count);
    long sameTopic = 0;
    long listed = 0;
    for (int i = 0; i < count; i++) {
      String topic = posts.get(i).tags().get(0);
      for (int j : related.get(i)) {
        listed++;
        sameTopic += posts.get(j).tags().get(0).equals(topic) ? 1 : 0;
      }
    }
    // About 20 posts per topic, so the 10 best should nearly all share it.
    assertThat((double) sameTopic / listed).isGreaterThan(0.9);
  }
}
