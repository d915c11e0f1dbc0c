package dev.inkstone.related;

import dev.inkstone.parallel.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Related posts: for each post, the indices of the other posts most like it, best first.
 *
 * <p>A post's score against another is the cosine of their TF-IDF vectors plus a bonus for each
 * shared tag (rarer tags count more) and each shared category. The work goes through inverted
 * indexes, never over all pairs, and is pruned so that it grows about linearly with the number
 * of posts:
 *
 * <ul>
 *   <li>a post is indexed under, and queries with, only its highest-weighted terms;
 *   <li>terms found in too many posts are neither indexed nor queried, and a term's postings are
 *       capped to the posts where it weighs most;
 *   <li>a tag or category shared by very many posts links each post only to its neighbours in
 *       input order (the caller passes posts newest first, so these are the nearest in time).
 * </ul>
 *
 * <p>The result depends only on the input. Every sum is taken in an order fixed by the input,
 * ties go to the lower index, and no hash-map iteration order reaches the result, so one thread
 * or many give identical lists. Parallel work runs in the caller's fork-join pool.
 */
public final class RelatedPosts {

  /** How many related posts {@link #compute(List)} lists per post. */
  public static final int DEFAULT_K = 10;

  /** Terms a post queries with; its best terms carry nearly all of its cosine. */
  static final int QUERY_TERMS = 40;

  /** Terms a post is indexed under; more than it queries with, so near misses still connect. */
  static final int INDEXED_TERMS = 100;

  /** A term in more than this fraction of posts is too common to tell topics apart. */
  static final double MAX_POST_FRACTION = 0.2;

  /** Small blogs have too few posts for the fraction to mean anything; IDF alone is enough. */
  static final int MIN_COMMON_POSTS = 20;

  /** Longest postings list per term; what bounds a query's work on very large blogs. */
  static final int MAX_POSTINGS = 1000;

  /** A title word counts as this many body words. */
  static final float TITLE_WEIGHT = 3f;

  /** Score of a shared tag held by only two posts; commoner tags score less, by IDF. */
  static final double TAG_WEIGHT = 0.25;

  /** Score of a shared category. */
  static final double CATEGORY_WEIGHT = 0.1;

  /** Neighbours on each side linked by a very common tag or category. */
  static final int TAXONOMY_WINDOW = 100;

  /** Posts tokenised at once while counting document frequencies; bounds the memory held. */
  private static final int BLOCK = 4096;

  /**
   * Below this many posts each post's term counts are kept from counting document frequencies
   * to weighing (about 6 KB a post) instead of tokenising every post a second time.
   */
  static final int KEEP_COUNTS_BELOW = 20_000;

  private RelatedPosts() {}

  /** The {@link #DEFAULT_K} most related posts of each post. */
  public static List<List<Integer>> compute(List<RelatedInput> posts) {
    return compute(posts, DEFAULT_K);
  }

  /**
   * For each post, by index, the indices of up to {@code k} most related other posts, best first.
   * A post never lists itself, and posts with nothing in common with it are left out, so a list
   * may be shorter than {@code k}. Equal scores list the lower index first.
   *
   * @param posts the posts, newest first
   * @param k the most posts to list for each post; 0 gives empty lists
   * @return one unmodifiable list per post
   */
  public static List<List<Integer>> compute(List<RelatedInput> posts, int k) {
    return compute(posts, k, posts.size() < KEEP_COUNTS_BELOW);
  }

  /** As {@link #compute(List, int)}; {@code keepCounts} says whether to keep term counts or tokenise twice. */
  static List<List<Integer>> compute(List<RelatedInput> posts, int k, boolean keepCounts) {
    Objects.requireNonNull(posts, "posts");
    if (k < 0) {
      throw new IllegalArgumentException("k must not be negative: " + k);
    }
    RelatedInput[] input = posts.toArray(new RelatedInput[0]);
    for (RelatedInput post : input) {
      Objects.requireNonNull(post, "post");
    }
    int n = input.length;
    if (n == 0) {
      return List.of();
    }
    if (k == 0) {
      return IntStream.range(0, n).mapToObj(i -> List.<Integer>of()).toList();
    }

    Counts[] kept = keepCounts ? new Counts[n] : null;
    Vocabulary vocabulary = Vocabulary.count(input, kept);
    DocTerms[] terms = weigh(input, vocabulary, kept);
    Postings postings = Postings.build(terms, vocabulary.size());
    Taxonomy tags = Taxonomy.build(input, RelatedInput::tags);
    Taxonomy categories = Taxonomy.build(input, RelatedInput::categories);

    double[] tagWeights = new double[tags.postings.length];
    double maxIdf = Math.log(1 + n / 2.0);
    for (int t = 0; t < tagWeights.length; t++) {
      // Normalised so a tag shared by two posts is worth TAG_WEIGHT whatever the blog's size.
      tagWeights[t] = TAG_WEIGHT * Math.log(1 + (double) n / tags.postings[t].length) / maxIdf;
    }
    double[] categoryWeights = new double[categories.postings.length];
    Arrays.fill(categoryWeights, CATEGORY_WEIGHT);

    int[][] related = new int[n][];
    ThreadLocal<Query> queries = ThreadLocal.withInitial(() -> new Query(n));
    Parallel.forEach(n, i -> {
      Query query = queries.get();
      query.start(i);
      query.addText(terms[i], postings);
      query.addTaxonomy(tags, tagWeights);
      query.addTaxonomy(categories, categoryWeights);
      related[i] = query.best(k);
    });

    List<List<Integer>> result = new ArrayList<>(n);
    for (int[] list : related) {
      result.add(Arrays.stream(list).boxed().toList());
    }
    return List.copyOf(result);
  }

  /** A post's indexed terms, best first, with weights of its unit-length TF-IDF vector. */
  record DocTerms(int[] ids, float[] weights) {
    static final DocTerms EMPTY = new DocTerms(new int[0], new float[0]);
  }

  /** Every term of the blog, with the number of posts it occurs in as the entry's counter. */
  static final class Vocabulary {
    final LongIntMap terms;
    final int posts;

    private Vocabulary(LongIntMap terms, int posts) {
      this.terms = terms;
      this.posts = posts;
    }

    int size() {
      return terms.size();
    }

    /** @param kept where to keep each post's counts, or null to let them go */
    static Vocabulary count(RelatedInput[] input, Counts[] kept) {
      LongIntMap terms = new LongIntMap(1 << 16);
      ThreadLocal<Counter> counters = ThreadLocal.withInitial(Counter::new);
      for (int from = 0; from < input.length; from += BLOCK) {
        int to = Math.min(input.length, from + BLOCK);
        long[][] distinct = new long[to - from][];
        int base = from;
        Parallel.forEach(to - from, d -> {
          Counter counter = counters.get().count(input[base + d]);
          distinct[d] = counter.distinctKeys();
          if (kept != null) {
            kept[base + d] = counter.counts(distinct[d]);
          }
        });
        // Sequential and in post order, so term ids do not depend on scheduling.
        for (long[] keys : distinct) {
          for (long key : keys) {
            terms.increment(key);
          }
        }
      }
      return new Vocabulary(terms, input.length);
    }
  }

  /** One post's distinct terms, in the order they first occur, and how often each occurs. */
  record Counts(long[] keys, float[] frequencies) {}

  /** Term frequencies of one post at a time; reused by one thread. */
  static final class Counter {
    private final Tokenizer.Keys tokens = new Tokenizer.Keys();
    private final LongIntMap local = new LongIntMap(4096);
    private long[] keys = new long[4096];
    private float[] frequencies = new float[4096];
    private double[] weights = new double[4096];
    private int[] globalIds = new int[4096];
    private long[] ranked = new long[4096];
    private int size;

    /** Counts the terms of {@code post}; they keep the order in which they first occur. */
    Counter count(RelatedInput post) {
      local.clear();
      tokens.clear();
      Tokenizer.tokenize(post.title(), tokens);
      int titleTokens = tokens.size;
      Tokenizer.tokenize(post.text(), tokens);
      for (int t = 0; t < tokens.size; t++) {
        long key = tokens.keys[t];
        int before = local.size();
        int id = local.getOrAdd(key);
        if (id == before) {
          if (id == keys.length) {
            int length = id * 2;
            keys = Arrays.copyOf(keys, length);
            frequencies = Arrays.copyOf(frequencies, length);
            weights = Arrays.copyOf(weights, length);
            globalIds = Arrays.copyOf(globalIds, length);
            ranked = Arrays.copyOf(ranked, length);
          }
          keys[id] = key;
          frequencies[id] = 0f;
        }
        frequencies[id] += t < titleTokens ? TITLE_WEIGHT : 1f;
      }
      size = local.size();
      return this;
    }

    /** Takes up counts kept from an earlier {@link #count}, as if the post were counted again. */
    Counter restore(Counts counts) {
      size = counts.keys().length;
      if (size > keys.length) {
        int length = Integer.highestOneBit(size) << 1;
        keys = new long[length];
        frequencies = new float[length];
        weights = new double[length];
        globalIds = new int[length];
        ranked = new long[length];
      }
      System.arraycopy(counts.keys(), 0, keys, 0, size);
      System.arraycopy(counts.frequencies(), 0, frequencies, 0, size);
      return this;
    }

    long[] distinctKeys() {
      return Arrays.copyOf(keys, size);
    }

    /** The counts of the post just counted; {@code keys} is what {@link #distinctKeys} gave. */
    Counts counts(long[] keys) {
      return new Counts(keys, Arrays.copyOf(frequencies, size));
    }

    /** The counted post's best indexable terms and their unit-vector weights. */
    DocTerms weigh(Vocabulary vocabulary, int maxPosts) {
      double norm2 = 0;
      int candidates = 0;
      for (int l = 0; l < size; l++) {
        long entry = vocabulary.terms.entry(keys[l]);
        globalIds[l] = (int) entry;
        int posts = (int) (entry >>> 32);
        double weight =
            (1 + Math.log(frequencies[l])) * Math.log(1 + (double) vocabulary.posts / posts);
        weights[l] = weight;
        norm2 += weight * weight;
        // A term no other post has cannot connect; it only belongs in the norm.
        if (posts >= 2 && posts <= maxPosts) {
          // Sorting these longs ranks by weight, then by first occurrence: no comparator needed.
          ranked[candidates++] =
              ((long) Float.floatToIntBits((float) weight) << 32) | (~l & 0xFFFFFFFFL);
        }
      }
      if (candidates == 0 || norm2 == 0) {
        return DocTerms.EMPTY;
      }
      Arrays.sort(ranked, 0, candidates);
      int kept = Math.min(INDEXED_TERMS, candidates);
      int[] ids = new int[kept];
      float[] unit = new float[kept];
      double norm = Math.sqrt(norm2);
      for (int r = 0; r < kept; r++) {
        int l = ~(int) ranked[candidates - 1 - r];
        ids[r] = globalIds[l];
        unit[r] = (float) (weights[l] / norm);
      }
      return new DocTerms(ids, unit);
    }
  }

  private static DocTerms[] weigh(RelatedInput[] input, Vocabulary vocabulary, Counts[] kept) {
    int maxPosts =
        Math.max(MIN_COMMON_POSTS, (int) Math.floor(MAX_POST_FRACTION * input.length));
    DocTerms[] terms = new DocTerms[input.length];
    ThreadLocal<Counter> counters = ThreadLocal.withInitial(Counter::new);
    // A big blog tokenises again: that costs less than keeping every post's counts until all are counted.
    Parallel.forEach(input.length, i -> {
      Counter counter = counters.get();
      terms[i] = (kept != null ? counter.restore(kept[i]) : counter.count(input[i])).weigh(vocabulary, maxPosts);
      if (kept != null) {
        kept[i] = null;
      }
    });
    return terms;
  }

  /** Term to posts, in compressed rows: term t's posts are {@code docs[start[t]..end[t])}. */
  static final class Postings {
    final int[] start;
    final int[] end;
    final int[] docs;
    final float[] weights;

    private Postings(int[] start, int[] end, int[] docs, float[] weights) {
      this.start = start;
      this.end = end;
      this.docs = docs;
      this.weights = weights;
    }

    static Postings build(DocTerms[] terms, int vocabularySize) {
      int[] start = new int[vocabularySize + 1];
      for (DocTerms doc : terms) {
        for (int id : doc.ids()) {
          start[id + 1]++;
        }
      }
      for (int t = 0; t < vocabularySize; t++) {
        start[t + 1] += start[t];
      }
      int[] docs = new int[start[vocabularySize]];
      float[] weights = new float[docs.length];
      int[] end = Arrays.copyOf(start, vocabularySize);
      for (int d = 0; d < terms.length; d++) {
        int[] ids = terms[d].ids();
        float[] w = terms[d].weights();
        for (int r = 0; r < ids.length; r++) {
          int p = end[ids[r]]++;
          docs[p] = d;
          weights[p] = w[r];
        }
      }
      long[] ranked = new long[0];
      for (int t = 0; t < vocabularySize; t++) {
        int length = end[t] - start[t];
        if (length <= MAX_POSTINGS) {
          continue;
        }
        // Keep the posts where the term weighs most, ties to the lower index.
        if (ranked.length < length) {
          ranked = new long[length];
        }
        for (int p = 0; p < length; p++) {
          int at = start[t] + p;
          ranked[p] = ((long) Float.floatToIntBits(weights[at]) << 32) | (~docs[at] & 0xFFFFFFFFL);
        }
        Arrays.sort(ranked, 0, length);
        for (int p = 0; p < MAX_POSTINGS; p++) {
          long r = ranked[length - 1 - p];
          docs[start[t] + p] = ~(int) r;
          weights[start[t] + p] = Float.intBitsToFloat((int) (r >>> 32));
        }
        end[t] = start[t] + MAX_POSTINGS;
      }
      return new Postings(start, end, docs, weights);
    }
  }

  /** Tags or categories: each post's distinct keys, and each key's posts in input order. */
  static final class Taxonomy {
    final int[][] postKeys;
    final int[][] postings;

    private Taxonomy(int[][] postKeys, int[][] postings) {
      this.postKeys = postKeys;
      this.postings = postings;
    }

    static Taxonomy build(RelatedInput[] input, Function<RelatedInput, List<String>> keysOf) {
      Map<String, Integer> ids = new HashMap<>();
      List<int[]> lists = new ArrayList<>();
      int[] sizes = new int[16];
      int[][] postKeys = new int[input.length][];
      for (int d = 0; d < input.length; d++) {
        // Sorted, so a post's taxonomy bonuses are summed in an order its own key order cannot change.
        TreeSet<String> keys = new TreeSet<>();
        for (String key : keysOf.apply(input[d])) {
          if (key != null && !key.isBlank()) {
            keys.add(key);
          }
        }
        int[] own = new int[keys.size()];
        int o = 0;
        for (String key : keys) {
          int id = ids.computeIfAbsent(key, x -> lists.size());
          if (id == lists.size()) {
            lists.add(new int[4]);
            if (id == sizes.length) {
              sizes = Arrays.copyOf(sizes, id * 2);
            }
          }
          int[] list = lists.get(id);
          if (sizes[id] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            lists.set(id, list);
          }
          list[sizes[id]++] = d;
          own[o++] = id;
        }
        postKeys[d] = own;
      }
      int[][] postings = new int[lists.size()][];
      for (int id = 0; id < postings.length; id++) {
        postings[id] = Arrays.copyOf(lists.get(id), sizes[id]);
      }
      return new Taxonomy(postKeys, postings);
    }
  }

  /** One thread's score accumulator, reused from post to post. */
  static final class Query {
    private final double[] scores;
    /** One bit per post the query has reached: set without a branch, read back word by word. */
    private final long[] reached;
    private int post;

    Query(int posts) {
      scores = new double[posts];
      reached = new long[(posts + 63) >>> 6];
    }

    void start(int i) {
      post = i;
    }

    // the build's innermost step (20,000 a post at 10,000 posts): no branch, as one on whether a
    // post was reached yet went either way about as often
    private void add(int other, double score) {
      scores[other] += score;
      reached[other >>> 6] |= 1L << other;
    }

    void addText(DocTerms own, Postings postings) {
      int queried = Math.min(QUERY_TERMS, own.ids().length);
      for (int q = 0; q < queried; q++) {
        int t = own.ids()[q];
        double weight = own.weights()[q];
        for (int p = postings.start[t]; p < postings.end[t]; p++) {
          add(postings.docs[p], weight * postings.weights[p]);
        }
      }
    }

    void addTaxonomy(Taxonomy taxonomy, double[] weights) {
      for (int key : taxonomy.postKeys[post]) {
        int[] list = taxonomy.postings[key];
        int from = 0;
        int to = list.length;
        if (list.length > 2 * TAXONOMY_WINDOW + 1) {
          int at = Arrays.binarySearch(list, post);
          from = Math.max(0, at - TAXONOMY_WINDOW);
          to = Math.min(list.length, at + TAXONOMY_WINDOW + 1);
        }
        for (int p = from; p < to; p++) {
          add(list[p], weights[key]);
        }
      }
    }

    /** The best {@code k} reached posts other than this one, best first; clears the scores for the next post. */
    int[] best(int k) {
      int[] heap = new int[k];
      double[] heapScores = new double[k];
      int size = 0;
      double floor = 0;
      for (int w = 0; w < reached.length; w++) {
        long bits = reached[w];
        if (bits == 0) {
          continue;
        }
        reached[w] = 0;
        do {
          int other = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          double score = scores[other];
          scores[other] = 0;
          // in index order, a later post that only ties the worst kept one is not better
          if (other == post || !(score > floor)) {
            continue;
          }
          if (size < k) {
            heap[size] = other;
            heapScores[size] = score;
            siftUp(heap, heapScores, size++);
            if (size == k) {
              floor = heapScores[0];
            }
          } else {
            heap[0] = other;
            heapScores[0] = score;
            siftDown(heap, heapScores, size);
            floor = heapScores[0];
          }
        } while (bits != 0);
      }
      // The heap's root is its worst post: empty it from the back to get best first.
      int[] best = new int[size];
      for (int r = size - 1; r >= 0; r--) {
        best[r] = heap[0];
        size--;
        heap[0] = heap[size];
        heapScores[0] = heapScores[size];
        siftDown(heap, heapScores, size);
      }
      return best;
    }

    /** Whether post {@code a} with score {@code sa} ranks above post {@code b} with {@code sb}. */
    private static boolean better(int a, double sa, int b, double sb) {
      return sa > sb || (sa == sb && a < b);
    }

    private static void siftUp(int[] heap, double[] scores, int at) {
      while (at > 0) {
        int parent = (at - 1) >>> 1;
        if (!better(heap[parent], scores[parent], heap[at], scores[at])) {
          break;
        }
        swap(heap, scores, parent, at);
        at = parent;
      }
    }

    private static void siftDown(int[] heap, double[] scores, int size) {
      int at = 0;
      while (true) {
        int worst = at;
        int left = 2 * at + 1;
        int right = left + 1;
        if (left < size && better(heap[worst], scores[worst], heap[left], scores[left])) {
          worst = left;
        }
        if (right < size && better(heap[worst], scores[worst], heap[right], scores[right])) {
          worst = right;
        }
        if (worst == at) {
          return;
        }
        swap(heap, scores, at, worst);
        at = worst;
      }
    }

    private static void swap(int[] heap, double[] scores, int a, int b) {
      int t = heap[a];
      heap[a] = heap[b];
      heap[b] = t;
      double s = scores[a];
      scores[a] = scores[b];
      scores[b] = s;
    }
  }
}
