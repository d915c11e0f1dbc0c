package dev.inkstone.template;

import dev.inkstone.output.Output;
import dev.inkstone.related.LongIntMap;
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
  /** Terms encoded at once, on all cores; the raw postings of each chunk go once it is encoded. */
  private static final int ENCODE_CHUNK = 1 << 14;

  private final List<Page> posts;
  private final List<PostCard> cards;

  SearchIndex(List<Page> posts, List<PostCard> cards) {
    this.posts = posts;
    this.cards = cards;
  }

  List<Output> outputs() {
    int n = posts.size();
    // Each post's terms are counted in parallel, a chunk of posts at a time (all posts' counts at
    // once would be the biggest thing in memory), then added in post order, so ids ascend.
    Postings postings = new Postings();
    ThreadLocal<SearchTermCounter> counters = ThreadLocal.withInitial(SearchTermCounter::new);
    for (int start = 0; start < n; start += SCORE_CHUNK) {
      int from = start;
      List<SearchTermCounter.Counted> counted = java.util.stream.IntStream.range(from, Math.min(n, from + SCORE_CHUNK))
          .parallel().mapToObj(id -> count(counters.get(), id)).toList();
      for (int k = 0; k < counted.size(); k++) {
        postings.add(from + k, counted.get(k));
      }
    }

    Map<String, String> encoded = new HashMap<>(postings.lists.size() * 2);
    long total = 0;
    int terms = postings.lists.size();
    for (int start = 0; start < terms; start += ENCODE_CHUNK) {
      int from = start;
      String[] chunk = new String[Math.min(ENCODE_CHUNK, terms - from)];
      java.util.stream.IntStream.range(0, chunk.length).parallel().forEach(k -> chunk[k] = encode(postings.lists.get(from + k)));
      for (int k = 0; k < chunk.length; k++) {
        String term = postings.terms.get(from + k);
        encoded.put(term, chunk[k]);
        total += term.length() * 3L + chunk[k].length() + 6;
        postings.lists.set(from + k, null); // the raw postings go as their encoded form comes
      }
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

  /** Every term of the blog once, with its postings: {@code [count, id0, score0, id1, score1, ...]}. */
  static final class Postings {
    final List<String> terms = new ArrayList<>();
    final List<int[]> lists = new ArrayList<>();
    private final LongIntMap byKey = new LongIntMap(1 << 16);
    private int[] listOfKey = new int[1 << 16];
    /** Words whose key an earlier, different word holds. */
    private final Map<String, Integer> clashes = new HashMap<>();

    void add(int id, SearchTermCounter.Counted counted) {
      for (int i = 0; i < counted.keys().length; i++) {
        append(list(counted.keys()[i], counted.words()[i]), id, counted.scores()[i]);
      }
    }

    private int list(long key, String word) {
      int before = byKey.size();
      int k = byKey.getOrAdd(key);
      if (k == before) {
        if (k == listOfKey.length) {
          listOfKey = Arrays.copyOf(listOfKey, k * 2);
        }
        listOfKey[k] = newList(word != null ? word : SearchTermCounter.cjkTerm(key));
        return listOfKey[k];
      }
      int list = listOfKey[k];
      if (word != null && !terms.get(list).equals(word)) {
        return clashes.computeIfAbsent(word, this::newList);
      }
      return list;
    }

    private int newList(String term) {
      terms.add(term);
      lists.add(new int[] {0, 0, 0, 0, 0});
      return lists.size() - 1;
    }

    private void append(int t, int id, int score) {
      int[] list = lists.get(t);
      if (list[0] * 2 + 2 >= list.length) {
        list = Arrays.copyOf(list, list.length * 2);
        lists.set(t, list);
      }
      list[1 + list[0] * 2] = id;
      list[2 + list[0] * 2] = score;
      list[0]++;
    }
  }

  private SearchTermCounter.Counted count(SearchTermCounter counter, int id) {
    counter.start();
    Page p = posts.get(id);
    if (p.doc().markdown() != null) {
      counter.addEach(p.doc().markdown().plainText(), TEXT_CAP);
    }
    counter.addOnce(List.of(p.title()), TITLE);
    counter.addOnce(terms(cards.get(id)), TAG);
    return counter.counted();
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
      base36(sb, id - prev);
      if (score != 1) {
        base36(sb.append(':'), score);
      }
      prev = id;
    }
    return sb.toString();
  }

  /** Appends {@code n} (not negative) in base 36, as {@link Integer#toString(int, int)} writes it. */
  private static void base36(StringBuilder sb, int n) {
    if (n < 36) {
      sb.append(Character.forDigit(n, 36));
      return;
    }
    int digits = 0;
    for (int m = n; m > 0; m /= 36) {
      digits++;
    }
    int at = sb.length();
    sb.setLength(at + digits);
    for (int i = at + digits - 1; i >= at; i--) {
      sb.setCharAt(i, Character.forDigit(n % 36, 36));
      n /= 36;
    }
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
