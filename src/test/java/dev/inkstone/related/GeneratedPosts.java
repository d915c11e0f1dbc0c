package dev.inkstone.related;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic blogs: each post mixes one topic's words with words every post uses. */
final class GeneratedPosts {

  private static final String[] COMMON = {
    "我们", "可以", "这个", "一个", "使用", "问题", "方法", "时候", "需要", "通过", "实现", "进行",
    "the", "and", "with", "this", "code", "example", "项目", "系统", "开发", "代码", "配置", "文件"
  };

  private GeneratedPosts() {}

  /** {@code count} posts of about {@code chars} characters each, over {@code topics} topics. */
  static List<RelatedInput> generate(int count, int chars, int topics, long seed) {
    Random random = new Random(seed);
    String[][] vocabularies = new String[topics][];
    for (int t = 0; t < topics; t++) {
      vocabularies[t] = topicWords(random, 60);
    }
    List<RelatedInput> posts = new ArrayList<>(count);
    StringBuilder text = new StringBuilder(chars + 32);
    for (int i = 0; i < count; i++) {
      int topic = random.nextInt(topics);
      String[] words = vocabularies[topic];
      text.setLength(0);
      while (text.length() < chars) {
        String word =
            random.nextInt(3) == 0
                ? COMMON[random.nextInt(COMMON.length)]
                // Squaring skews towards the topic's first words, roughly like Zipf.
                : words[(int) (words.length * Math.pow(random.nextDouble(), 2))];
        text.append(word);
        text.append(random.nextInt(4) == 0 ? "，" : random.nextInt(3) == 0 ? " " : "");
      }
      String title = words[random.nextInt(10)] + " " + words[random.nextInt(10)];
      posts.add(
          new RelatedInput(
              List.of("topic" + topic % 7),
              List.of("t" + topic, "x" + random.nextInt(50)),
              title,
              text.toString()));
    }
    return posts;
  }

  private static String[] topicWords(Random random, int size) {
    String[] words = new String[size];
    for (int w = 0; w < size; w++) {
      if (random.nextBoolean()) {
        StringBuilder han = new StringBuilder();
        int length = 2 + random.nextInt(3);
        for (int c = 0; c < length; c++) {
          han.appendCodePoint(0x4E00 + random.nextInt(0x5000));
        }
        words[w] = han.toString();
      } else {
        StringBuilder latin = new StringBuilder();
        int length = 3 + random.nextInt(7);
        for (int c = 0; c < length; c++) {
          latin.append((char) ('a' + random.nextInt(26)));
        }
        words[w] = latin.toString();
      }
    }
    return words;
  }
}
