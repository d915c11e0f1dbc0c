package dev.inkstone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.build.BuildRequest;
import dev.inkstone.build.BuildResult;
import dev.inkstone.build.SiteBuild;
import dev.inkstone.build.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

  @Test
  void the_same_seed_writes_byte_identical_blogs_and_a_smaller_blog_is_a_prefix_of_a_larger(@TempDir Path dir) throws IOException {
    CorpusGenerator.write(dir.resolve("a"), 40, 7);
    CorpusGenerator.write(dir.resolve("b"), 40, 7);
    CorpusGenerator.write(dir.resolve("small"), 15, 7);
    Map<Path, String> a = files(dir.resolve("a"));
    assertThat(a).hasSize(41).isEqualTo(files(dir.resolve("b")));
    assertThat(a).containsAllEntriesOf(files(dir.resolve("small")));
    assertThat(CorpusGenerator.post(8, 3).text()).isNotEqualTo(CorpusGenerator.post(7, 3).text());
  }

  @Test
  void every_post_has_the_shape_of_a_tech_blog_post_of_eight_to_ten_kilobytes() {
    List<CorpusGenerator.Post> posts = IntStream.rangeClosed(1, 300).mapToObj(i -> CorpusGenerator.post(1, i)).toList();
    long bytes = 0;
    for (CorpusGenerator.Post p : posts) {
      String t = p.text();
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
      assertThat(p.path()).matches("content/posts/20(1[89]|2[0-4])/post-\\d{6}\\.md");
      assertThat(t).startsWith("---\ntitle: \"").contains("\ndate: ", "\nupdated: ", "\ncategories:\n", "\ntags:\n",
          "<!--more-->", "\n## ", "\n### ", "\n```", "\n| --- |", "\n- ", "](https://", "![", "`");
      assertThat(t).containsPattern("```(java|sql|yaml)\n");
      assertThat(t).containsPattern("[\\u4e00-\\u9fff]{4}").containsPattern("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+");
    }
    assertThat(bytes / posts.size()).isBetween(7_500L, 10_000L);
  }

  @Test
  void tags_follow_a_zipf_law_over_three_hundred_distinct_tags_and_categories_come_from_twelve() {
    assertThat(CorpusGenerator.TAGS).hasSize(300).doesNotHaveDuplicates();
    assertThat(new HashSet<>(CorpusGenerator.TAGS.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList())).hasSize(300);
    assertThat(CorpusGenerator.CATEGORIES).hasSize(12);
    Map<String, Integer> uses = new HashMap<>();
    Set<String> categories = new HashSet<>();
    for (int i = 1; i <= 1_000; i++) {
      String text = CorpusGenerator.post(3, i).text();
      List<String> tags = listAfter(text, "tags:");
      List<String> cats = listAfter(text, "categories:");
      assertThat(tags).hasSizeBetween(2, 6).doesNotHaveDuplicates();
      assertThat(cats).hasSizeBetween(1, 2).doesNotHaveDuplicates();
      categories.addAll(cats);
      tags.forEach(t -> uses.merge(t, 1, Integer::sum));
    }
    assertThat(categories).containsExactlyInAnyOrderElementsOf(CorpusGenerator.CATEGORIES);
    // Zipf with exponent 1 over 300 ranks: the 10 most used tags take about 47% of the draws,
    // ranks 100 to 109 about 1.5%.
    int head = CorpusGenerator.TAGS.subList(0, 10).stream().mapToInt(t -> uses.getOrDefault(t, 0)).sum();
    int middle = CorpusGenerator.TAGS.subList(99, 109).stream().mapToInt(t -> uses.getOrDefault(t, 0)).sum();
    assertThat(middle).isPositive();
    assertThat(head).isGreaterThan(10 * middle);
    assertThat(uses.getOrDefault(CorpusGenerator.TAGS.get(0), 0)).isBetween(300, 800);
    assertThat(uses.size()).isGreaterThan(200);
  }

  @Test
  void a_generated_blog_builds_without_problems_and_every_post_gets_its_page(@TempDir Path dir) throws IOException {
    Path blog = dir.resolve("blog");
    CorpusGenerator.write(blog, 30, CorpusGenerator.DEFAULT_SEED);
    BuildResult r = SiteBuild.run(BuildRequest.of(blog, dir.resolve("site")).withClock(TestSite.CLOCK));
    assertThat(r.problems()).isEmpty();
    assertThat(r.posts()).isEqualTo(30);
    assertThat(dir.resolve("site/posts/post-000001/index.html")).isRegularFile();
    assertThat(dir.resolve("site/posts/post-000030/index.html")).isRegularFile();
  }

  private static List<String> listAfter(String text, String key) {
    String rest = text.substring(text.indexOf("\n" + key + "\n") + key.length() + 2);
    return rest.lines().takeWhile(l -> l.startsWith("  - ")).map(l -> l.substring(5, l.length() - 1)).toList();
  }

  private static Map<Path, String> files(Path root) throws IOException {
    Map<Path, String> m = new HashMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(root.relativize(p), Files.readString(p));
      }
    }
    return m;
  }
}
