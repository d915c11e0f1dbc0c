package dev.inkstone.site;

import dev.inkstone.content.ParsedDocument;
import dev.inkstone.related.RelatedInput;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the assembler remembers between two assemblies of the same blog with the same site.yaml
 * and options (a preview server keeps one; a build has none): the post made from each parsed
 * document, and each taxonomy with the names it was grouped from. A save that leaves every
 * post's categories and tags as they were then regroups nothing.
 */
public final class AssemblyMemo {
  /** Posts by the identity of the document they were made from. */
  final Map<ParsedDocument, Page> pages = new IdentityHashMap<>();
  /** What related posts are computed from, by post: the same input object means an unchanged post. */
  Map<Page, RelatedInput> relatedInputs = new IdentityHashMap<>();
  private final Map<String, Grouped> taxonomies = new HashMap<>();
  /** The documents of the last assembly in order, the post each made (null where not remembered), and its options. */
  private ParsedDocument[] lastDocuments;
  private Page[] lastPosts;
  private AssembleOptions lastOptions;
  /** The posts as given (in file order) and as sorted, last time. */
  private List<Page> lastGiven;
  private List<Page> lastSorted;

  /** The names each post gave a taxonomy, in post order, and the taxonomy made of them. */
  private record Grouped(boolean hierarchical, List<Object> names, Taxonomy taxonomy) {}

  /** The post made from this very document, or null. */
  public Page post(ParsedDocument document) {
    return pages.get(document);
  }

  /** The taxonomy last grouped from equal names, or null. */
  Taxonomy taxonomy(String key, boolean hierarchical, List<Object> names) {
    Grouped g = taxonomies.get(key);
    return g != null && g.hierarchical() == hierarchical && g.names().equals(names) ? g.taxonomy() : null;
  }

  void taxonomy(String key, boolean hierarchical, List<Object> names, Taxonomy taxonomy) {
    taxonomies.put(key, new Grouped(hierarchical, names, taxonomy));
  }

  /**
   * The posts newest first, when last time's order still holds: the same posts in the same file
   * order, any new one with the date and path of the one it replaces. Null otherwise.
   */
  List<Page> newestFirst(List<Page> given) {
    if (lastGiven == null || lastGiven.size() != given.size()) {
      return null;
    }
    Map<Page, Page> replaced = new IdentityHashMap<>();
    for (int i = 0; i < given.size(); i++) {
      Page before = lastGiven.get(i);
      Page now = given.get(i);
      if (before != now) {
        if (!before.date().equals(now.date()) || !before.doc().source().slashedPath().equals(now.doc().source().slashedPath())) {
          return null;
        }
        replaced.put(before, now);
      }
    }
    List<Page> sorted = new java.util.ArrayList<>(lastSorted.size());
    for (Page p : lastSorted) {
      sorted.add(replaced.getOrDefault(p, p));
    }
    newestFirst(given, sorted);
    return sorted;
  }

  void newestFirst(List<Page> given, List<Page> sorted) {
    lastGiven = List.copyOf(given);
    lastSorted = List.copyOf(sorted);
  }

  /**
   * The post each of {@code documents} made last time, where it is the very same document at the
   * same place in the list; null entries elsewhere. A save changes one document of thousands:
   * this walks two arrays instead of looking every document up by identity (a tenth of a save at
   * 10,000 posts). Null when the list changed length, drafts or future posts are taken
   * differently, or the clock went back.
   */
  Page[] postsAt(List<ParsedDocument> documents, AssembleOptions options) {
    if (lastDocuments == null || lastDocuments.length != documents.size() || options.drafts() != lastOptions.drafts()
        || options.future() != lastOptions.future() || options.now().isBefore(lastOptions.now())) {
      return null;
    }
    Page[] known = new Page[lastDocuments.length];
    int i = 0;
    for (ParsedDocument d : documents) {
      if (d == lastDocuments[i]) {
        known[i] = lastPosts[i];
      }
      i++;
    }
    return known;
  }

  void postsAt(List<ParsedDocument> documents, Page[] posts, AssembleOptions options) {
    lastDocuments = documents.toArray(new ParsedDocument[0]);
    lastPosts = posts;
    lastOptions = options;
  }

  /** Forgets everything, as when site.yaml changes. */
  public void clear() {
    pages.clear();
    lastDocuments = null;
    lastPosts = null;
    relatedInputs.clear();
    taxonomies.clear();
    lastGiven = null;
    lastSorted = null;
  }
}
