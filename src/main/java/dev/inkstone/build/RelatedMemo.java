package dev.inkstone.build;

import dev.inkstone.related.RelatedInput;
import dev.inkstone.related.RelatedPosts;
import dev.inkstone.site.Page;
import dev.inkstone.site.RelatedSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Related posts for a preview server. Unchanged inputs give the last result. On a large blog a
 * changed input gives, at once, each post's previous list (followed by path, so reordering is
 * harmless) and marks the answer stale; the server then asks again with {@link #exact} set and
 * renders whatever the exact lists change. Related posts weigh every post against every other,
 * which takes seconds at 10,000 posts: too long to wait for before showing an edit.
 */
final class RelatedMemo implements RelatedSource {
  /** Below this many posts the exact computation is fast enough to do at once. */
  static final int APPROXIMATE_FROM = 2000;

  private List<RelatedInput> lastInputs;
  private List<String> lastPaths;
  private List<List<Integer>> lastResult;
  private boolean stale;
  boolean exact;

  boolean stale() {
    return stale;
  }

  @Override
  public List<List<Integer>> related(List<Page> posts, List<RelatedInput> inputs, int k) {
    List<String> paths = posts.stream().map(p -> p.doc().source().slashedPath()).toList();
    if (!stale && inputs.equals(lastInputs) && paths.equals(lastPaths) && lastResult != null && lastResult.size() == inputs.size()) {
      return lastResult;
    }
    if (!exact && lastResult != null && posts.size() >= APPROXIMATE_FROM) {
      List<List<Integer>> result = approximate(paths);
      stale = true;
      return result;
    }
    List<List<Integer>> result = RelatedPosts.compute(inputs, k);
    lastInputs = List.copyOf(inputs);
    lastPaths = paths;
    lastResult = result;
    stale = false;
    return result;
  }

  private List<List<Integer>> approximate(List<String> paths) {
    Map<String, Integer> now = new HashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      now.put(paths.get(i), i);
    }
    Map<String, Integer> before = new HashMap<>();
    for (int i = 0; i < lastPaths.size(); i++) {
      before.put(lastPaths.get(i), i);
    }
    List<List<Integer>> out = new ArrayList<>(paths.size());
    for (String path : paths) {
      Integer j = before.get(path);
      List<Integer> list = new ArrayList<>();
      if (j != null) {
        for (int r : lastResult.get(j)) {
          Integer i = now.get(lastPaths.get(r));
          if (i != null) {
            list.add(i);
          }
        }
      }
      out.add(List.copyOf(list));
    }
    return out;
  }
}
