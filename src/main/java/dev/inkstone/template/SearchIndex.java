package dev.inkstone.template;

import dev.inkstone.output.Output;
import dev.inkstone.site.Page;
import dev.inkstone.template.Views.PostCard;
import dev.inkstone.template.Views.TermLink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Writes the search index under {@code /search/}: a prebuilt inverted index, sharded so that a
 * reader downloads only what a query needs.
 *
 * <ul>
 *   <li>{@code search/index.json}: the number of posts, shards and posts per shard, and a
 *       version stamp that changes with the content (the client adds it to every shard URL);
 *   <li>{@code search/terms/N.json}: for every term whose hash falls in shard N, its postings as
 *       one string: post ids (newest post is 0) delta-coded in base 36, each with {@code :score}
 *       when its score is not 1. A title hit weighs 40, a tag or category 25, each use in the
 *       text 1 (capped at 30);
 *   <li>{@code search/docs/N.json}: title, URL, date and tags of posts {@code N*size} onwards.
 * </ul>
 *
 * A query of two words fetches {@code index.json}, a term shard or two per word, and the doc
 * shards of the first results: a few tens of kilobytes however large the blog.
 */
final class SearchIndex {
  static final int DOCS_PER_SHARD = 100;
  /** Aim for term shards of about this many bytes. */
  static final int TARGET_SHARD_BYTES = 48 * 1024;

  private static final int TITLE = 40;
  private static final int TAG = 25;
  private static final int TEXT_CAP = 30;
  private static final int SCORE_CHUNK = 512;

  private final List<Page> posts;
  private final List<PostCard> cards;

  SearchIndex(List<Page> posts, List<PostCard> cards) {
    this.posts = posts;
    this.cards = cards;
  }

  List<Output> outputs() {
    int n = posts.size();
    // term -> ids and scores, ids ascending. Each post's term scores are computed in parallel,
    // a chunk of posts at a time: all posts' maps at once would be the biggest thing in memory.
    Map<String, int[]> postings = new HashMap<>();
    for (int start = 0; start < n; start += SCORE_CHUNK) {
      int from = start;
      List<Map<String, Integer>> scores =
          java.util.stream.IntStream.range(from, Math.min(n, from + SCORE_CHUNK)).parallel().mapToObj(this::score).toList();
      for (int k = 0; k < scores.size(); k++) {
        add(postings, from + k, scores.get(k));
      }
    }

    Map<String, String> encoded = new HashMap<>(postings.size() * 2);
    long total = 0;
    for (var it = postings.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, int[]> e = it.next();
      String s = encode(e.getValue());
      encoded.put(e.getKey(), s);
      total += e.getKey().length() * 3L + s.length() + 6;
      it.remove(); // the raw postings go as their encoded form comes
    }
    int shards = 1;
    while (shards < 4096 && total / shards > TARGET_SHARD_BYTES) {
      shards *= 2;
    }
    List<TreeMap<String, String>> byShard = new ArrayList<>(shards);
    for (int i = 0; i < shards; i++) {
      byShard.add(new TreeMap<>());
    }
    for (var it = encoded.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, String> e = it.next();
      byShard.get(Integer.remainderUnsigned(SearchTokens.hash(e.getKey()), shards)).put(e.getKey(), e.getValue());
      it.remove();
    }

    List<Output> out = new ArrayList<>();
    CRC32 stamp = new CRC32();
    for (int i = 0; i < shards; i++) {
      StringBuilder json = new StringBuilder("{");
      for (Map.Entry<String, String> e : byShard.get(i).entrySet()) {
        if (json.length() > 1) {
          json.append(',');
        }
        string(json, e.getKey()).append(':');
        string(json, e.getValue());
      }
      out.add(file(stamp, "search/terms/" + i + ".json", json.append("}\n")));
    }
    for (int start = 0, k = 0; start < n || k == 0; start += DOCS_PER_SHARD, k++) {
      StringBuilder json = new StringBuilder("[");
      for (int id = start; id < Math.min(n, start + DOCS_PER_SHARD); id++) {
        PostCard c = cards.get(id);
        json.append(id > start ? ",\n[" : "\n[");
        string(json, c.title()).append(',');
        string(json, c.url()).append(',');
        string(json, c.dateText()).append(',');
        string(json, String.join(" · ", terms(c))).append(']');
      }
      out.add(file(stamp, "search/docs/" + k + ".json", json.append("]\n")));
    }
    String index = "{\"version\":1,\"stamp\":\"" + Long.toString(stamp.getValue(), 36) + "\",\"posts\":" + n + ",\"shards\":" + shards
        + ",\"docsPerShard\":" + DOCS_PER_SHARD + "}\n";
    out.add(Output.rendered("search/index.json", index.getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  private static void add(Map<String, int[]> postings, int id, Map<String, Integer> scores) {
    for (Map.Entry<String, Integer> e : scores.entrySet()) {
      int[] list = postings.get(e.getKey());
      if (list == null) {
        list = new int[] {0, 0, 0, 0, 0};
      } else if (list[0] * 2 + 2 >= list.length) {
        list = Arrays.copyOf(list, list.length * 2);
      }
      list[1 + list[0] * 2] = id;
      list[2 + list[0] * 2] = e.getValue();
      list[0]++;
      postings.put(e.getKey(), list);
    }
  }

  private Map<String, Integer> score(int id) {
    Map<String, Integer> s = new HashMap<>();
    Page p = posts.get(id);
    if (p.doc().markdown() != null) {
      SearchTokens.each(p.doc().markdown().plainText(), t -> s.merge(t, 1, (a, b) -> Math.min(TEXT_CAP, a + b)));
    }
    java.util.Set<String> inTitle = new java.util.HashSet<>(SearchTokens.of(p.title()));
    java.util.Set<String> inTerms = new java.util.HashSet<>();
    for (String term : terms(cards.get(id))) {
      inTerms.addAll(SearchTokens.of(term));
    }
    for (String t : inTitle) {
      s.merge(t, TITLE, Integer::sum);
    }
    for (String t : inTerms) {
      s.merge(t, TAG, Integer::sum);
    }
    return s;
  }

  private static List<String> terms(PostCard c) {
    List<String> names = new ArrayList<>();
    for (TermLink t : c.categories()) {
      names.add(t.name());
    }
    for (TermLink t : c.tags()) {
      if (!names.contains(t.name())) {
        names.add(t.name());
      }
    }
    return names;
  }

  /** {@code [count, id0, score0, id1, score1, ...]} → {@code "0,3:40,a"}: base-36 id deltas. */
  static String encode(int[] list) {
    StringBuilder sb = new StringBuilder();
    int prev = 0;
    for (int i = 0; i < list[0]; i++) {
      int id = list[1 + i * 2];
      int score = list[2 + i * 2];
      if (i > 0) {
        sb.append(',');
      }
      sb.append(Integer.toString(id - prev, 36));
      if (score != 1) {
        sb.append(':').append(Integer.toString(score, 36));
      }
      prev = id;
    }
    return sb.toString();
  }

  private static Output file(CRC32 stamp, String path, StringBuilder json) {
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    stamp.update(bytes);
    return Output.rendered(path, bytes);
  }

  static StringBuilder string(StringBuilder sb, String s) {
    return dev.inkstone.output.Json.string(sb, s);
  }
}
