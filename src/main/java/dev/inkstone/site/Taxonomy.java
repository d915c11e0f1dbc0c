package dev.inkstone.site;

import java.util.List;
import java.util.Map;

/**
 * A way of grouping posts: categories (nested), tags, or one a blogger declares (series).
 *
 * @param key front matter key and URL segment, e.g. {@code tags}
 * @param terms every term by key, in a stable order (by name)
 */
public record Taxonomy(String key, boolean hierarchical, Map<String, Term> terms) {

  public String path() {
    return "/" + key + "/";
  }

  /** Top-level terms sorted by name. */
  public List<Term> roots() {
    return terms.values().stream().filter(t -> t.parent() == null).toList();
  }
}
