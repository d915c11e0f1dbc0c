package dev.inkstone.template;

import dev.inkstone.markdown.RenderedMarkdown;
import dev.inkstone.output.Output;
import dev.inkstone.site.Page;
import dev.inkstone.template.Views.PageView;
import dev.inkstone.site.Site;
import dev.inkstone.site.Taxonomy;
import dev.inkstone.site.Term;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the renderer remembers between two renders of the same site, so that the second renders
 * only what changed (the preview server keeps one; a build has none).
 *
 * <p>Every page is a render unit keyed by its output file. A unit is rendered again only when
 * its inputs differ from last time: its template, its {@link PageView} and extra context (view
 * records compare by value), and the inputs every page shares (the engine, the site view, the
 * pre-rendered fragments, the menu, the UI strings). Rendered Markdown is kept per parsed
 * document while every link target stays where it was. Equal inputs give equal bytes, so
 * reusing the previous bytes gives exactly what a full render would.
 */
public final class RenderMemo {

  private record Unit(String template, PageView page, Map<String, Object> extra, Output output) {}

  private record Markdown(Object doc, RenderedMarkdown rendered) {}

  private final Map<String, Unit> units = new ConcurrentHashMap<>();
  private final Map<java.nio.file.Path, Markdown> markdown = new ConcurrentHashMap<>();
  private final Map<RenderedMarkdown, String> excerpts = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();
  // what the last good render saw, for telling which posts an edit can have changed
  private List<Object> lastDocs;
  private Map<String, Taxonomy> lastTaxonomies;
  private List<List<Integer>> lastRelated;
  private List<Views.PostCard> lastCards;
  private boolean unitsKept;

  private record Listing(Object key, Output output) {}

  private record TermPages(Object context, Term term, List<Output> outputs) {}

  private record Value(Object key, Object value) {}

  /** Things worked out from the whole site, by name, with what they were worked out from. */
  private final Map<String, Value> values = new ConcurrentHashMap<>();

  /** Each term's pages, by the file of its first page. */
  private final Map<String, TermPages> termPages = new ConcurrentHashMap<>();
  /** URLs by site path, while the base path and links stay; cleared with the Markdown. */
  final Map<String, String> strings = new ConcurrentHashMap<>();
  /** Each date as readers see it and in ISO form; the time zone is part of site.yaml, which clears all. */
  final Map<java.time.ZonedDateTime, String[]> dates = new ConcurrentHashMap<>();
  /** Year and month of each date in the site's time zone. */
  final Map<java.time.ZonedDateTime, int[]> months = new ConcurrentHashMap<>();
  private Object sharedKey;
  private Object linksKey;
  private final AtomicInteger rendered = new AtomicInteger();
  /** Site-wide files (search index, feeds, sitemap) of the last exact render, by kind. */
  private final Map<String, List<Output>> deferred = new ConcurrentHashMap<>();
  private volatile boolean searchStale;
  /** Set while a render must make the site-wide files exactly (the first, and each refresh). */
  public volatile boolean exactSearch;

  /** Whether site-wide files served are earlier ones: a refresh after saves pause fixes them. */
  public boolean searchStale() {
    return searchStale;
  }

  /**
   * A site-wide output that reads every post (the search index, the feeds, the sitemap, the
   * archives): the
   * previous one on an ordinary rebuild, since it takes long on a big blog, too long to wait for
   * before showing an edit, and a reader of the preview does not see it; made anew on the first
   * render and on a refresh.
   */
  List<Output> deferred(String kind, java.util.function.Supplier<List<Output>> make) {
    List<Output> previous = deferred.get(kind);
    if (previous != null && !exactSearch) {
      searchStale = true;
      return previous;
    }
    List<Output> made = make.get();
    deferred.put(kind, made);
    return made;
  }

  /** Whether {@link #deferred} will make {@code kind} anew in this render. */
  boolean makes(String kind) {
    return exactSearch || !deferred.containsKey(kind);
  }

  /** Called when an exact render finished: nothing served is stale any more. */
  void exactDone() {
    if (exactSearch) {
      searchStale = false;
    }
  }

  /** Pages rendered by the last render. */
  public int rendered() {
    return rendered.get();
  }

  /** Forgets everything: the next render renders every page. */
  public void clear() {
    deferred.clear();
    searchStale = false;
    units.clear();
    listings.clear();
    termPages.clear();
    values.clear();
    lastDocs = null;
    lastCards = null;
    excerpts.clear();
    markdown.clear();
    strings.clear();
    dates.clear();
    months.clear();
    sharedKey = null;
    linksKey = null;
  }

  void begin(Object links) {
    rendered.set(0);
    unitsKept = true;
    if (!links.equals(linksKey)) {
      unitsKept = false;
      lastCards = null;
      termPages.clear();
      markdown.clear();
      strings.clear();
      linksKey = links;
    }
  }

  /** Called once the shared inputs of every page are known; forgets all pages when they changed. */
  void shared(Object key) {
    if (!key.equals(sharedKey)) {
      unitsKept = false;
      units.clear();
      listings.clear();
      termPages.clear();
      sharedKey = key;
    }
  }

  RenderedMarkdown markdown(Page p) {
    Markdown m = markdown.get(p.doc().source().path());
    return m != null && m.doc() == p.doc() ? m.rendered() : null;
  }

  /** The plain-text excerpt made from {@code md}'s excerpt HTML, if made before. */
  String excerpt(RenderedMarkdown md) {
    return excerpts.get(md);
  }

  void excerpt(RenderedMarkdown md, String text) {
    excerpts.put(md, text);
  }

  void markdown(Page p, RenderedMarkdown rendered) {
    markdown.put(p.doc().source().path(), new Markdown(p.doc(), rendered));
  }

  Output reuse(String file, String template, PageView page, Map<String, Object> extra) {
    Unit u = units.get(file);
    if (u != null && u.template().equals(template) && u.page().equals(page) && u.extra().equals(extra)) {
      return u.output();
    }
    return null;
  }

  void remember(String file, String template, PageView page, Map<String, Object> extra, Output output) {
    rendered.incrementAndGet();
    units.put(file, new Unit(template, page, Map.copyOf(extra), output));
  }

  /** Drops pages and documents the site no longer has. */
  void retain(Set<String> files, Set<java.nio.file.Path> sources) {
    units.keySet().retainAll(files);
    listings.keySet().retainAll(files);
    termPages.keySet().retainAll(files);
    markdown.keySet().retainAll(sources);
    Set<RenderedMarkdown> live = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    markdown.values().forEach(m -> live.add(m.rendered()));
    excerpts.keySet().retainAll(live);
  }

  /** The bytes a page had after the last render, or null. */
  Output previous(String file) {
    Unit u = units.get(file);
    if (u == null) {
      return null;
    }
    return u.output();
  }

  /** A list page rendered last time from an equal key, or null. */
  Output listing(String file, Object key) {
    Listing l = listings.get(file);
    if (l != null && l.key().equals(key)) {
      return l.output();
    }
    return null;
  }

  /**
   * Last render's pages of a term equal to {@code term}, shown with an equal {@code context} (its
   * view and crumbs), when none of its posts has a card made anew ({@code newCards}): then not
   * one of its pages can differ. Null otherwise.
   */
  List<Output> termPages(String file, Object context, Term term, BitSet newCards) {
    TermPages t = termPages.get(file);
    if (t == null || !t.term().equals(term) || !t.context().equals(context)) {
      return null;
    }
    for (int i : term.posts()) {
      if (newCards.get(i)) {
        return null;
      }
    }
    return t.outputs();
  }

  void termPages(String file, Object context, Term term, List<Output> outputs) {
    termPages.put(file, new TermPages(context, term, List.copyOf(outputs)));
  }

  /** What {@code make} gave last time for an equal {@code key}, else what it gives now. */
  @SuppressWarnings("unchecked")
  <T> T value(String name, Object key, java.util.function.Supplier<T> make) {
    Value v = values.get(name);
    if (v != null && v.key().equals(key)) {
      return (T) v.value();
    }
    T made = make.get();
    values.put(name, new Value(key, made));
    return made;
  }

  void listing(String file, Object key, Output output) {
    listings.put(file, new Listing(key, output));
  }

  /** Remembers what a good render saw. */
  void commit(Site site, List<Views.PostCard> cards) {
    lastDocs = site.posts().stream().map(p -> (Object) p.doc()).toList();
    lastTaxonomies = site.taxonomies();
    lastRelated = site.related();
    lastCards = cards;
  }

  /**
   * Last render's card of each post whose document is the same object as then, while the posts
   * are the same in the same order and every term the same (cards show term counts); null
   * entries must be made again. Null when nothing can be reused.
   */
  List<Views.PostCard> cards(Site site) {
    if (lastCards == null || lastDocs == null || lastDocs.size() != site.posts().size() || !site.taxonomies().equals(lastTaxonomies)) {
      return null;
    }
    List<Views.PostCard> out = new java.util.ArrayList<>(lastCards.size());
    for (int i = 0; i < lastDocs.size(); i++) {
      Page p = site.posts().get(i);
      Object before = lastDocs.get(i);
      if (before != p.doc() && !((dev.inkstone.content.ParsedDocument) before).source().path().equals(p.doc().source().path())) {
        return null;
      }
      out.add(before == p.doc() ? lastCards.get(i) : null);
    }
    return out;
  }

  /**
   * The posts whose document is not the one the last good render saw: the posts just edited.
   * Null when posts came, went or moved, or nothing was rendered before.
   */
  BitSet editedPosts(Site site) {
    List<Page> posts = site.posts();
    int n = posts.size();
    if (lastDocs == null || lastDocs.size() != n) {
      return null;
    }
    BitSet edited = new BitSet(n);
    for (int i = 0; i < n; i++) {
      Object before = lastDocs.get(i);
      if (before != posts.get(i).doc()) {
        if (!((dev.inkstone.content.ParsedDocument) before).source().path().equals(posts.get(i).doc().source().path())) {
          return null;
        }
        edited.set(i);
      }
    }
    return edited;
  }

  /**
   * The posts whose page can differ from last render: those {@code edited} (as
   * {@link #editedPosts} found them), their
   * neighbours, the posts listing them as related, and the other posts of their series. Null
   * when any page can differ: posts added, removed or reordered, a term or related list changed,
   * the shared inputs changed, or previous/next follows categories.
   */
  BitSet dirtyPosts(Site site, BitSet edited) {
    List<Page> posts = site.posts();
    int n = posts.size();
    if (edited == null || !unitsKept || site.config().prevNextInCategory() || !site.taxonomies().equals(lastTaxonomies)
        || !site.related().equals(lastRelated)) {
      return null;
    }
    BitSet dirty = (BitSet) edited.clone();
    for (int i = edited.nextSetBit(0); i >= 0; i = edited.nextSetBit(i + 1)) {
      if (i > 0) {
        dirty.set(i - 1);
      }
      if (i + 1 < n) {
        dirty.set(i + 1);
      }
      for (String tx : site.config().taxonomies()) {
        Taxonomy t = site.taxonomies().get(tx);
        for (String key : posts.get(i).termKeys(tx)) {
          Term term = t == null ? null : t.terms().get(key);
          if (term != null) {
            term.posts().forEach(dirty::set);
          }
        }
      }
    }
    if (!edited.isEmpty()) {
      for (int j = 0; j < n; j++) {
        for (int r : site.related().get(j)) {
          if (edited.get(r)) {
            dirty.set(j);
            break;
          }
        }
      }
    }
    return dirty;
  }
}
