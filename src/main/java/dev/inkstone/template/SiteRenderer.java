package dev.inkstone.template;

import dev.inkstone.content.FrontMatter;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.markdown.Excerpts;
import dev.inkstone.markdown.MarkdownEngine;
import dev.inkstone.markdown.ParsedMarkdown;
import dev.inkstone.markdown.RenderedMarkdown;
import dev.inkstone.markdown.TocEntry;
import dev.inkstone.output.Output;
import dev.inkstone.parallel.Parallel;
import dev.inkstone.site.Author;
import dev.inkstone.site.Menu;
import dev.inkstone.site.Page;
import dev.inkstone.site.Site;
import dev.inkstone.site.Slugs;
import dev.inkstone.site.Taxonomy;
import dev.inkstone.site.Term;
import dev.inkstone.template.Views.*;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The front door of the render stage: turns the assembled {@link Site} into {@link Output}s
 * through the theme. Markdown is rendered here, now that every permalink is known. Site-wide
 * fragments (sidebar, footer) are rendered once per build and reused on every page.
 */
public final class SiteRenderer {
  /** How many page links a paginator shows on each side of the current page. */
  private static final int PAGE_WINDOW = 2;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /** The site rendered; after {@link #renderEdited}, with the edited post in place. */
  private Site site;
  private final Theme theme;
  private final ThemeEngine engine;
  private final MarkdownEngine markdown;
  private final LinkRewriter links;
  private final String basePath;
  private final SiteUrls urls;
  private final int year;
  private final boolean liveReload;
  private final ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();
  /** Template problems by what went wrong, with the pages it went wrong on. */
  private final Map<Problem, java.util.Queue<String>> templateProblems = new java.util.concurrent.ConcurrentHashMap<>();
  private SiteView siteView;
  private Map<String, SafeString> fragments;
  private List<PostCard> cards;
  /** Posts whose card this render made rather than reused: the lists showing them change. */
  private BitSet newCards;
  private List<RenderedMarkdown> renderedPosts;
  /**
   * Each post's link (title, URL, day), made once per render: a post is linked from ten related
   * lists, its neighbours and the sidebar, and the day's time-zone arithmetic was most of it.
   * Records are immutable, so a link two threads both make is the same either way.
   */
  private final PostLink[] postLinks;
  private Feeds feeds;
  private Metadata metadata;

  public SiteRenderer(Site site, Theme theme, ThemeEngine engine, MarkdownEngine markdown, int year, boolean liveReload) {
    this.site = site;
    this.theme = theme;
    this.engine = engine;
    this.markdown = markdown;
    this.postLinks = new PostLink[site.posts().size()];
    this.year = year;
    this.liveReload = liveReload;
    this.basePath = site.config().basePath();
    Map<String, String> pageBySource = new HashMap<>();
    Set<String> features = new HashSet<>();
    for (List<Page> pages : List.of(site.posts(), site.pages())) {
      for (Page p : pages) {
        pageBySource.put(p.doc().source().slashedPath(), p.path());
        // in the same pass: what the theme's only-with-FEATURE folders wait for
        ParsedMarkdown md = p.doc().markdown();
        if (md != null && md.hasMath()) {
          features.add("math");
        }
        if (md != null && md.hasMermaid()) {
          features.add("mermaid");
        }
      }
    }
    this.usedFeatures = Set.copyOf(features);
    Map<String, String> assetBySource = new HashMap<>();
    site.assets().forEach((sitePath, source) -> assetBySource.put(source, sitePath));
    this.urls = new SiteUrls(site.config());
    this.links = new LinkRewriter(pageBySource, assetBySource, urls);
    this.linksKey = List.of(pageBySource, assetBySource, basePath);
  }

  private final Object linksKey;
  /** The features ({@link Theme#FEATURES}) some post or page uses. */
  private final Set<String> usedFeatures;
  private RenderMemo memo;

  /** Remembers pages between renders so that this render redoes only what changed. */
  public SiteRenderer memo(RenderMemo m) {
    this.memo = m;
    return this;
  }

  /**
   * With a {@link #memo}: hands {@code first} the pages of the posts edited since the last render
   * as soon as they are rendered, before the lists, feeds and the rest, so that the preview
   * server can show an edited post without waiting for the pages that list it. They are the same
   * bytes the sink gets later. Not called when posts came, went or moved.
   */
  public SiteRenderer editedFirst(java.util.function.Consumer<List<Output>> first) {
    this.editedFirst = first;
    return this;
  }

  private java.util.function.Consumer<List<Output>> editedFirst;
  /** More posts edited at once than this and they are rendered with the rest. */
  public static final int EDITED_FIRST_MAX = 16;

  /** Renders every output of the site; throws all template problems together. */
  public List<Output> render() {
    List<Output> all = java.util.Collections.synchronizedList(new ArrayList<>());
    render(all::add);
    List<Output> sorted = new ArrayList<>(all);
    // pages are rendered in parallel: give them back in one order whatever the threads did
    sorted.sort(java.util.Comparator.comparing(Output::path));
    return sorted;
  }

  /**
   * Renders every output of the site into {@code sink} as soon as it is made (from several
   * threads), so a big site need not sit in memory; throws all template problems together at
   * the end, after which the caller throws away what it was given.
   */
  public void render(java.util.function.Consumer<Output> sink) {
    engine.forgetBuild();
    try {
      renderAll(sink);
    } finally {
      engine.forgetBuild(); // the engine outlives this build in the preview server
    }
  }

  private void renderAll(java.util.function.Consumer<Output> sink) {
    if (memo != null) {
      memo.begin(linksKey);
    }
    // Rendered on demand, not kept: filling the links in is cheap, and 10,000 posts' HTML held
    // for the whole render stage would be the largest thing in memory.
    renderedPosts = new java.util.AbstractList<>() {
      @Override
      public RenderedMarkdown get(int i) {
        return renderMarkdown(site.posts().get(i));
      }

      @Override
      public int size() {
        return site.posts().size();
      }
    };
    List<PostCard> known = memo == null ? null : memo.cards(site);
    cards = Parallel.map(site.posts().size(), i -> known != null && known.get(i) != null ? known.get(i) : card(i));
    newCards = new BitSet(cards.size());
    for (int i = 0; i < cards.size(); i++) {
      if (known == null || known.get(i) == null) {
        newCards.set(i);
      }
    }
    feeds = new Feeds(site, renderedPosts, this::excerptHtml, cards.stream().map(PostCard::summary).toList());
    List<Feeds.Feed> feedList = memo == null ? feeds.feeds() : memo.value("feeds", feedsKey(), feeds::feeds);
    metadata = new Metadata(site, feedList);
    siteView = siteView();
    fragments = fragments();
    if (memo != null) {
      // the feeds a page announces come from the feed list, not from its view
      memo.shared(List.of(engine, siteView, fragments, site.menu(), theme.i18n(), liveReload, feedList));
    }
    BitSet edited = memo == null ? null : memo.editedPosts(site);
    BitSet dirty = memo == null ? null : memo.dirtyPosts(site, edited);
    Output[] first = renderEditedFirst(edited);
    Set<String> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Set<String> html = java.util.concurrent.ConcurrentHashMap.newKeySet();
    // every file's path is needed only to forget vanished pages, every page's for a new sitemap
    boolean retain = memo != null && (dirty == null || memo.exactSearch);
    boolean listPaths = memo == null || retain;
    boolean listPages = memo == null || memo.makes("sitemap");
    java.util.function.Consumer<Output> emit = o -> {
      if (o == null) {
        return;
      }
      if (listPaths) {
        paths.add(o.path());
      }
      if (listPages && o.bytes() != null && o.path().endsWith(".html")) {
        html.add(o.path());
      }
      sink.accept(o);
    };
    // The search index and the archives read every post's card and nothing rendered: made
    // beside the pages, they fill the gaps the pages' parallel loops leave on the cores.
    CompletableFuture<List<Output>> searchLater = CompletableFuture.supplyAsync(this::search);
    CompletableFuture<List<Output>> archivesLater = CompletableFuture.supplyAsync(this::archives);
    try {
      Parallel.forEach(site.posts().size(), i -> {
        Output same = first != null && first[i] != null ? first[i]
            : dirty == null || dirty.get(i) ? null : memo.previous(site.posts().get(i).file());
        emit.accept(same != null ? same : post(i));
      });
      site.pages().parallelStream().forEach(p -> emit.accept(page(p)));
      home().forEach(emit);
      for (Taxonomy t : site.taxonomies().values()) {
        taxonomy(t, emit);
      }
    } catch (RuntimeException e) {
      // let them finish first: the caller throws away what was emitted, theirs included
      archivesLater.exceptionally(x -> null).join();
      searchLater.exceptionally(x -> null).join();
      throw e;
    }
    joined(archivesLater).forEach(emit);
    joined(searchLater).forEach(emit);
    emit.accept(render("404", "404.html", pageView("404", i18n("not_found", "Page not found"), "/404.html"), Map.of()));
    Redirects redirects = new Redirects(site);
    redirects.render().forEach(emit);
    java.util.function.Supplier<List<Output>> sitemap = () -> new Sitemap(site).render(html, redirects.files());
    if (memo == null) {
      // Every HTML page is rendered by now. The sitemap, made on one core, is made beside the
      // feeds, which keep the other busy: after them it was the end of a build on one core.
      CompletableFuture<List<Output>> sitemapLater = CompletableFuture.supplyAsync(sitemap);
      try {
        feeds.render().forEach(emit);
      } catch (RuntimeException e) {
        sitemapLater.exceptionally(x -> null).join();
        throw e;
      }
      joined(sitemapLater).forEach(emit);
    } else {
      memo.deferred("feeds", feeds::render).forEach(emit);
      memo.deferred("sitemap", sitemap).forEach(emit);
    }
    copies().forEach(emit);
    // A broken template fails every page that uses it: say so once, naming one page and a count.
    templateProblems.forEach((p, pages) -> {
      List<String> sorted = pages.stream().sorted().distinct().toList();
      String where = sorted.size() == 1 ? sorted.get(0) : sorted.get(0) + " and " + (sorted.size() - 1) + " more";
      problems.add(new Problem(p.file(), p.line(), p.column(), p.message() + " (while rendering " + where + ")", p.hint()));
    });
    if (!problems.isEmpty()) {
      throw new ProblemsException(List.copyOf(problems));
    }
    // Forgetting pages the site no longer has can wait for the pause after saves, unless posts
    // came or went: what is kept and not asked for costs only memory.
    if (retain) {
      Set<Path> sources = new HashSet<>();
      site.posts().forEach(p -> sources.add(p.doc().source().path()));
      site.pages().forEach(p -> sources.add(p.doc().source().path()));
      memo.retain(paths, sources);
    }
    if (memo != null) {
      memo.commit(site, cards);
      memo.exactDone();
    }
  }

  /**
   * After this renderer's {@link #render}: the page of post {@code before} as it is once only its
   * document became {@code after}'s, which must have the same place, path, title, dates and terms
   * (same front matter, new text). Everything else a post's page shows is as the render left it,
   * so this is one post's work on a site of any size; lists and feeds showing the post are not
   * made. The post stays in place for later calls. Null when {@code before} is not a post of the
   * site or a template fails (the next render reports it).
   */
  public Output renderEdited(Page before, Page after) {
    if (cards == null || !problems.isEmpty() || !templateProblems.isEmpty()) {
      return null;
    }
    List<Page> posts = site.posts();
    int i = -1;
    for (int j = 0; j < posts.size(); j++) {
      if (posts.get(j) == before) {
        i = j;
        break;
      }
    }
    if (i < 0) {
      return null;
    }
    site = site.withPost(i, after);
    List<PostCard> withCard = new ArrayList<>(cards);
    withCard.set(i, card(i));
    cards = withCard;
    Output o;
    try {
      o = post(i);
    } finally {
      engine.forgetBuild();
    }
    if (o == null || !problems.isEmpty() || !templateProblems.isEmpty()) {
      problems.clear();
      templateProblems.clear();
      return null;
    }
    return o;
  }

  /**
   * Renders the pages of the posts just {@code edited} and hands them to {@link #editedFirst}:
   * everything a post's page shows is known by now, so these are the bytes the whole render will
   * end with. Returns them by post, or null when there is nothing to hand over. Nothing is handed
   * over when a template failed on one of them (the whole render reports it), nor when many
   * posts changed at once (a checkout, say): then no page is worth showing before the rest, and
   * one thread would render them while the render's loop shares them out.
   */
  private Output[] renderEditedFirst(BitSet edited) {
    if (editedFirst == null || edited == null || edited.isEmpty() || edited.cardinality() > EDITED_FIRST_MAX) {
      return null;
    }
    Output[] made = new Output[site.posts().size()];
    List<Output> pages = new ArrayList<>();
    for (int i = edited.nextSetBit(0); i >= 0; i = edited.nextSetBit(i + 1)) {
      made[i] = post(i);
      if (made[i] != null) {
        pages.add(made[i]);
      }
    }
    if (templateProblems.isEmpty() && problems.isEmpty() && !pages.isEmpty()) {
      editedFirst.accept(List.copyOf(pages));
    }
    return made;
  }

  private <T> T joined(CompletableFuture<T> later) {
    // A build helps while it is not done: the search index's loops fork work that any thread may
    // take, and a thread that only waited would leave a core idle. The preview server does not:
    // it could take up work that has nothing to do with the save it answers.
    while (memo == null && !later.isDone()) {
      ForkJoinPool.commonPool().awaitQuiescence(1, TimeUnit.MILLISECONDS);
    }
    try {
      return later.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** What the list of feeds follows from, besides site.yaml: the terms, and which posts are hidden. */
  private Object feedsKey() {
    BitSet hidden = new BitSet(site.posts().size());
    for (int i = 0; i < site.posts().size(); i++) {
      if (Sitemap.noindex(site.posts().get(i))) {
        hidden.set(i);
      }
    }
    return List.of(site.config(), site.categories(), site.tags(), hidden);
  }

  // ---- pages -----------------------------------------------------------------------------

  private RenderedMarkdown renderMarkdown(Page p) {
    if (p.doc().markdown() == null) {
      return null;
    }
    RenderedMarkdown md = memo == null ? null : memo.markdown(p);
    if (md == null) {
      md = markdown.render(p.doc().markdown(), dest -> links.rewrite(p, dest));
      if (memo != null) {
        memo.markdown(p, md);
      }
    }
    return md;
  }

  private Output post(int i) {
    Page p = site.posts().get(i);
    RenderedMarkdown md = renderedPosts.get(i);
    PostLink prev = neighbour(i, +1);
    PostLink next = neighbour(i, -1);
    List<PostLink> related = site.related().get(i).stream().map(this::postLink).toList();
    Map<String, List<TermLink>> terms = new LinkedHashMap<>();
    Map<String, List<PostLink>> series = new LinkedHashMap<>();
    for (String tx : site.config().taxonomies()) {
      Taxonomy t = site.taxonomies().get(tx);
      List<TermLink> tl = termLinks(t, p.termKeys(tx));
      terms.put(tx, tl);
      for (String key : p.termKeys(tx)) {
        Term term = t.terms().get(key);
        if (term != null) {
          List<Integer> ordered = new ArrayList<>(term.posts());
          Collections.reverse(ordered);
          series.put(term.name(), ordered.stream().map(this::postLink).toList());
        }
      }
    }
    FrontMatter fm = p.meta();
    boolean showToc = fm.toc() != null ? fm.toc() : md != null && md.toc().size() >= 1 && countToc(md.toc()) >= 3;
    PageView view = new PageView("post", p.title(), url(p.path()), permalink(p.path()), iso(p.date()), day(p.date()), iso(p.updated()),
        day(p.updated()), author(fm.author()), termLinks(site.categories(), p.termKeys("categories")),
        termLinks(site.tags(), p.termKeys("tags")), terms, md == null ? new SafeString("") : new PageWriter.Markdown(md), cards.get(i).summary(),
        md == null ? List.of() : toc(md.toc()), showToc, stats(p, true), stats(p, false), cover(p), fm.comments() == null || fm.comments(),
        breadcrumb(p), prev, next, related, series, fm.params(), nz(fm.layout()), md != null && p.doc().markdown().hasMath(),
        md != null && p.doc().markdown().hasMermaid(), null);
    String template = fm.layout() != null && engine.has(fm.layout()) ? fm.layout() : "post";
    return render(template, p.file(), view, Map.of(), p);
  }

  private Output page(Page p) {
    FrontMatter fm = p.meta();
    String html;
    List<TocItem> toc = List.of();
    RenderedMarkdown md = null;
    if (p.doc().markdown() != null) {
      md = renderMarkdown(p);
      html = md.html();
      toc = toc(md.toc());
    } else {
      html = p.doc().body();
    }
    if ("none".equals(fm.layout()) || "raw".equals(fm.layout())) {
      return Output.rendered(p.file(), html.getBytes(StandardCharsets.UTF_8));
    }
    PageView view = new PageView("page", p.title(), url(p.path()), permalink(p.path()), iso(p.date()), day(p.date()), iso(p.updated()),
        day(p.updated()), author(fm.author()), List.of(), List.of(), Map.of(), new SafeString(html), summary(p, md), toc,
        Boolean.TRUE.equals(fm.toc()), stats(p, true), stats(p, false), cover(p), Boolean.TRUE.equals(fm.comments()),
        List.of(new Crumb(i18n("home", "Home"), url("/")), new Crumb(p.title(), "")), null, null, List.of(), Map.of(), fm.params(),
        nz(fm.layout()), md != null && p.doc().markdown().hasMath(), md != null && p.doc().markdown().hasMermaid(), null);
    String template = fm.layout() != null && engine.has(fm.layout()) ? fm.layout() : "page";
    if (fm.layout() != null && !engine.has(fm.layout())) {
      problems.add(Problem.at(p.doc().source().path(), 1, 1, "layout `" + fm.layout() + "` has no template in the theme",
          "add templates/" + fm.layout() + ".peb to the theme, or remove `layout:`"));
      return null;
    }
    return render(template, p.file(), view, Map.of(), p);
  }

  // ---- lists -----------------------------------------------------------------------------

  private List<Output> home() {
    List<Integer> all = IntStream.range(0, site.posts().size()).boxed().toList();
    return paginate(all, "/", "home", (number, paginator, path) -> {
      String title = number == 1 ? site.config().title() : site.config().title() + " - " + i18n("page_n", "Page %d").replace("%d", String.valueOf(number));
      return render("home", Slugs.fileFor(path), pageView("home", title, path), Map.of("paginator", paginator));
    });
  }

  /** A taxonomy's index page and every term's pages, the terms on all cores. */
  private void taxonomy(Taxonomy t, java.util.function.Consumer<Output> emit) {
    String label = i18n(t.key(), t.key());
    TaxonomyView tv = taxonomyView(t);
    PageView index = pageView("terms", label, t.path());
    emit.accept(render("terms", Slugs.fileFor(t.path()), index, Map.of("taxonomy", tv)));
    t.terms().values().parallelStream().forEach(term -> {
      TermView view = termView(t, term);
      List<Crumb> crumbs = new ArrayList<>();
      crumbs.add(new Crumb(i18n("home", "Home"), url("/")));
      crumbs.add(new Crumb(label, url(t.path())));
      for (String k = term.parent(); k != null; k = t.terms().get(k).parent()) {
        crumbs.add(2, new Crumb(t.terms().get(k).name(), url(t.terms().get(k).path())));
      }
      crumbs.add(new Crumb(term.name(), ""));
      List<Crumb> fixed = List.copyOf(crumbs);
      String first = Slugs.fileFor(term.path());
      Object context = List.of(view, fixed);
      List<Output> same = memo == null ? null : memo.termPages(first, context, term, newCards);
      if (same != null) {
        same.forEach(emit);
        return;
      }
      List<Output> made = paginate(term.posts(), term.path(), context, (number, paginator, path) -> render("term",
          Slugs.fileFor(path), pageView("term", term.name(), path, fixed), Map.of("term", view, "paginator", paginator)));
      made.forEach(emit);
      // kept whole or not at all: a page that failed to render is not one to give again
      int pages = Math.max(1, (term.posts().size() + site.config().paginate() - 1) / site.config().paginate());
      if (memo != null && made.size() == pages) {
        memo.termPages(first, context, term, made);
      }
    });
  }

  private List<Output> archives() {
    // deferred in the preview, like the search index: the archive lists every post, and a
    // writer watches the post they edit, not the archive
    return memo == null ? makeArchives() : memo.deferred("archives", this::makeArchives);
  }

  /** The archive of each month and year, and the archives page: every post's card, grouped by date. */
  private List<Output> makeArchives() {
    List<Output> out = new ArrayList<>();
    // year -> month -> post indexes, newest first
    TreeMap<Integer, TreeMap<Integer, List<Integer>>> byMonth = new TreeMap<>(Collections.reverseOrder());
    for (int i = 0; i < site.posts().size(); i++) {
      int[] ym = yearMonth(site.posts().get(i).date());
      byMonth.computeIfAbsent(ym[0], y -> new TreeMap<>(Collections.reverseOrder())).computeIfAbsent(ym[1], m -> new ArrayList<>()).add(i);
    }
    List<YearGroup> years = new ArrayList<>();
    String label = i18n("archives", "Archives");
    for (var y : byMonth.entrySet()) {
      List<MonthGroup> months = new ArrayList<>();
      int count = 0;
      for (var m : y.getValue().entrySet()) {
        String path = String.format("/archives/%04d/%02d/", y.getKey(), m.getKey());
        MonthGroup mg = new MonthGroup(y.getKey(), m.getKey(), url(path), m.getValue().size(), m.getValue().stream().map(cards::get).toList());
        months.add(mg);
        count += m.getValue().size();
        YearGroup single = new YearGroup(y.getKey(), url(String.format("/archives/%04d/", y.getKey())), m.getValue().size(), List.of(mg));
        String title = label + " " + String.format("%04d-%02d", y.getKey(), m.getKey());
        out.add(render("archive", Slugs.fileFor(path), pageView("archive", title, path, List.of(new Crumb(i18n("home", "Home"), url("/")),
            new Crumb(label, url("/archives/")), new Crumb(String.valueOf(y.getKey()), url(String.format("/archives/%04d/", y.getKey()))),
            new Crumb(String.format("%02d", m.getKey()), ""))), Map.of("archive", new ArchiveView(List.of(single)))));
      }
      YearGroup yg = new YearGroup(y.getKey(), url(String.format("/archives/%04d/", y.getKey())), count, List.copyOf(months));
      years.add(yg);
      String path = String.format("/archives/%04d/", y.getKey());
      out.add(render("archive", Slugs.fileFor(path), pageView("archive", label + " " + y.getKey(), path,
          List.of(new Crumb(i18n("home", "Home"), url("/")), new Crumb(label, url("/archives/")), new Crumb(String.valueOf(y.getKey()), ""))),
          Map.of("archive", new ArchiveView(List.of(yg)))));
    }
    out.add(render("archives", "archives/index.html", pageView("archives", label, "/archives/",
        List.of(new Crumb(i18n("home", "Home"), url("/")), new Crumb(label, ""))), Map.of("archive", new ArchiveView(List.copyOf(years)))));
    out.removeIf(o -> o == null);
    return out;
  }

  /** The search index, and the search page when the theme has a {@code search} template. */
  private List<Output> search() {
    List<Output> index = memo == null ? new SearchIndex(site.posts(), cards).outputs()
        : memo.deferred("search", () -> new SearchIndex(site.posts(), cards).outputs());
    List<Output> out = new ArrayList<>(index);
    if (engine.has("search")) {
      String label = i18n("search", "Search");
      out.add(render("search", "search/index.html", pageView("search", label, "/search/",
          List.of(new Crumb(i18n("home", "Home"), url("/")), new Crumb(label, ""))), Map.of()));
    }
    out.removeIf(o -> o == null);
    return out;
  }

  private interface PageRenderer {
    Output render(int number, Paginator paginator, String path);
  }

  private List<Output> paginate(List<Integer> posts, String firstPath, PageRenderer renderer) {
    return paginate(posts, firstPath, null, renderer);
  }

  /**
   * @param context what else the pages show besides their posts (a term's view and crumbs); with
   *     it, a page whose posts, number and context equal last render's is reused without
   *     building its paginator
   */
  private List<Output> paginate(List<Integer> posts, String firstPath, Object context, PageRenderer renderer) {
    int size = site.config().paginate();
    int total = Math.max(1, (posts.size() + size - 1) / size);
    List<String> paths = new ArrayList<>(total);
    List<String> urls = new ArrayList<>(total);
    for (int n = 1; n <= total; n++) {
      paths.add(n == 1 ? firstPath : firstPath + "page/" + n + "/");
      urls.add(url(paths.get(n - 1)));
    }
    // the pages of one list are independent: render them on all cores, in page order
    return IntStream.rangeClosed(1, total).parallel().mapToObj(n -> {
      List<PostCard> items = posts.subList((n - 1) * size, Math.min(posts.size(), n * size)).stream().map(cards::get).toList();
      Object key = null;
      if (memo != null && context != null) {
        key = List.of(context, n, total, posts.size(), items);
        Output same = memo.listing(Slugs.fileFor(paths.get(n - 1)), key);
        if (same != null) {
          return same;
        }
      }
      List<PageLink> links = new ArrayList<>();
      int previous = 0;
      for (int k = 1; k <= total; k++) {
        if (k == 1 || k == total || Math.abs(k - n) <= PAGE_WINDOW) {
          links.add(new PageLink(k, urls.get(k - 1), k == n, k > previous + 1));
          previous = k;
        }
      }
      Paginator paginator = new Paginator(items, n, total, posts.size(), n > 1 ? urls.get(n - 2) : "", n < total ? urls.get(n) : "",
          links);
      Output o = renderer.render(n, paginator, paths.get(n - 1));
      if (o != null && key != null) {
        memo.listing(o.path(), key, o);
      }
      return o;
    }).filter(o -> o != null).toList();
  }

  // ---- redirects and copies --------------------------------------------------------------

  private List<Output> copies() {
    Map<String, Output> out = new TreeMap<>();
    // a theme's folders for a feature no page uses stay out: KaTeX and Mermaid are 5 MB
    List<String> unused = new ArrayList<>();
    theme.onlyWith().forEach((feature, folders) -> {
      if (!usedFeatures.contains(feature)) {
        unused.addAll(folders);
      }
    });
    // parents first, so a child theme's file replaces its parent's
    List<Path> folders = new ArrayList<>(theme.staticFolders());
    Collections.reverse(folders);
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
          String rel = folder.relativize(f).toString().replace('\\', '/');
          if (unused.stream().noneMatch(rel::startsWith)) {
            out.put(rel, Output.copy(rel, f));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (Map.Entry<String, String> a : site.assets().entrySet()) {
      String rel = a.getKey().substring(1);
      out.put(rel, Output.copy(rel, sourceRoot().resolve(a.getValue())));
    }
    return new ArrayList<>(out.values());
  }

  private Path sourceRoot;

  /** The blog folder, for copying assets. */
  public SiteRenderer from(Path blogRoot) {
    this.sourceRoot = blogRoot;
    return this;
  }

  private Path sourceRoot() {
    return sourceRoot;
  }

  // ---- rendering -------------------------------------------------------------------------

  private Output render(String template, String file, PageView page, Map<String, Object> extra) {
    return render(template, file, page, extra, null);
  }

  private Output render(String template, String file, PageView page, Map<String, Object> extra, Page source) {
    // completed first: its metadata (noindex for a draft, say) is part of what must be equal
    PageView full = metadata.complete(page, source);
    if (memo != null) {
      Output previous = memo.reuse(file, template, full, extra);
      if (previous != null) {
        return previous;
      }
    }
    Map<String, Object> ctx = new HashMap<>(extra);
    ctx.put("site", siteView);
    ctx.put("page", full);
    ctx.put("nav", nav(page.url()));
    ctx.put("i18n", theme.i18n());
    ctx.put("fragments", fragments);
    ctx.put("liveReload", liveReload);
    try {
      Output o = Output.rendered(file, engine.renderBytes(template, ctx));
      if (memo != null) {
        memo.remember(file, template, full, extra, o);
      }
      return o;
    } catch (ProblemsException e) {
      String where = source != null ? source.doc().source().slashedPath() : file;
      for (Problem p : e.problems()) {
        templateProblems.computeIfAbsent(p, k -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(where);
      }
      return null;
    }
  }

  private Map<String, SafeString> fragments() {
    Map<String, SafeString> f = new LinkedHashMap<>();
    Map<String, Object> ctx = new HashMap<>();
    ctx.put("site", siteView);
    ctx.put("i18n", theme.i18n());
    ctx.put("sidebar", sidebar());
    f.put("sidebar", fragment("partials/sidebar", ctx));
    f.put("footer", fragment("partials/footer", ctx));
    return f;
  }

  private SafeString fragment(String template, Map<String, Object> ctx) {
    try {
      return engine.renderShared(template, ctx);
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
      return new SafeString("");
    }
  }

  // ---- views -----------------------------------------------------------------------------

  private SiteView siteView() {
    var c = site.config();
    List<TaxonomyView> taxonomies = site.taxonomies().values().stream().map(this::taxonomyView).toList();
    return new SiteView(c.title(), c.subtitle(), c.description(), c.baseUrl(), c.language(), authorView(site.owner()),
        c.copyrightSince() == 0 ? year : c.copyrightSince(), year, c.copyrightHolder(), c.icp(), c.themeCredit(), c.params(), site.data(),
        taxonomies, metadata.web());
  }

  private SidebarView sidebar() {
    var c = site.config();
    List<PostLink> latest = IntStream.range(0, Math.min(c.sidebarLatest(), site.posts().size())).mapToObj(this::postLink).toList();
    List<PostLink> hot = site.hot().stream().limit(c.sidebarHot()).map(this::postLink).toList();
    List<PostLink> featured = site.featured().stream().limit(c.sidebarFeatured()).map(this::postLink).toList();
    Taxonomy tags = site.tags();
    // The most used tags, in name order: a cloud of every tag of a big blog would be most of the
    // bytes of every page, and no help to a reader.
    List<Term> byName = List.copyOf(tags.terms().values());
    // a stable sort: tags of equal count stay in name order
    java.util.Set<Term> top = new java.util.HashSet<>(byName.stream()
        .sorted(java.util.Comparator.comparingInt(Term::count).reversed())
        .limit(c.sidebarTags()).toList());
    List<TermView> cloud = byName.stream().filter(top::contains).map(t -> termView(tags, t)).toList();
    List<LinkView> blogroll = new ArrayList<>();
    if (site.data().get("links") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("url") != null) {
          String u = String.valueOf(m.get("url"));
          blogroll.add(new LinkView(String.valueOf(m.get("name") == null ? u : m.get("name")), u,
              m.get("description") == null ? "" : String.valueOf(m.get("description")), Slugs.isExternal(u)));
        }
      }
    }
    return new SidebarView(latest, hot, featured, cloud, blogroll, byName.size(), url(tags.path()));
  }

  private List<MenuItemView> nav(String currentUrl) {
    return nav(site.menu(), currentUrl);
  }

  private List<MenuItemView> nav(List<Menu> menu, String currentUrl) {
    List<MenuItemView> out = new ArrayList<>(menu.size());
    for (Menu m : menu) {
      List<MenuItemView> children = nav(m.children(), currentUrl);
      boolean external = !m.externalUrl().isEmpty();
      String u = external ? m.externalUrl() : m.path().isEmpty() ? "" : url(m.path());
      boolean active = !external && !u.isEmpty() && (u.equals(currentUrl) || (!m.path().equals("/") && currentUrl.startsWith(u)));
      active = active || children.stream().anyMatch(MenuItemView::active);
      out.add(new MenuItemView(m.name(), u, external, active, children));
    }
    return out;
  }

  /** A list page's view, with Home › title as its breadcrumb. */
  private PageView pageView(String kind, String title, String path) {
    return pageView(kind, title, path, List.of(new Crumb(i18n("home", "Home"), url("/")), new Crumb(title, "")));
  }

  private PageView pageView(String kind, String title, String path, List<Crumb> crumbs) {
    return new PageView(kind, title, url(path), permalink(path), "", "", "", "", authorView(site.owner()), List.of(), List.of(), Map.of(),
        new SafeString(""), site.config().description(), List.of(), false, 0, 0, "", false, crumbs, null, null, List.of(), Map.of(), Map.of(),
        "", false, false, null);
  }

  private List<Crumb> breadcrumb(Page p) {
    List<Crumb> crumbs = new ArrayList<>();
    crumbs.add(new Crumb(i18n("home", "Home"), url("/")));
    List<String> cats = p.termKeys("categories");
    if (!cats.isEmpty()) {
      Taxonomy t = site.categories();
      List<Crumb> chain = new ArrayList<>();
      for (String k = cats.get(0); k != null; k = t.terms().get(k).parent()) {
        Term term = t.terms().get(k);
        chain.add(0, new Crumb(term.name(), url(term.path())));
      }
      crumbs.addAll(chain);
    }
    crumbs.add(new Crumb(i18n("breadcrumb_current", p.title()), ""));
    return crumbs;
  }

  /**
   * Post {@code i}'s excerpt HTML, links filled in, or null without a more marker. A build renders
   * each post's whole HTML once, for its page; its card and its feed entries need only this.
   */
  private String excerptHtml(int i) {
    if (memo != null) {
      RenderedMarkdown md = renderedPosts.get(i);
      return md == null ? null : md.excerptHtml();
    }
    Page p = site.posts().get(i);
    ParsedMarkdown parsed = p.doc().markdown();
    return parsed == null ? null : markdown.renderExcerpt(parsed, dest -> links.rewrite(p, dest));
  }

  private PostCard card(int i) {
    Page p = site.posts().get(i);
    String summary;
    if (memo != null) {
      summary = summary(p, renderedPosts.get(i));
    } else {
      summary = summary(p, excerptHtml(i), null);
    }
    return new PostCard(p.title(), url(p.path()), iso(p.date()), day(p.date()), summary, termLinks(site.categories(), p.termKeys("categories")),
        termLinks(site.tags(), p.termKeys("tags")), cover(p), stats(p, true), stats(p, false), p.meta().featured());
  }

  private String summary(Page p, RenderedMarkdown md) {
    return summary(p, md == null ? null : md.excerptHtml(), md);
  }

  /** @param rendered what the preview's memo keeps the excerpt's text under, or null */
  private String summary(Page p, String excerptHtml, RenderedMarkdown rendered) {
    FrontMatter fm = p.meta();
    if (fm.summary() != null && !fm.summary().isBlank()) {
      return fm.summary();
    }
    if (excerptHtml != null) {
      if (memo != null && rendered != null) {
        String known = memo.excerpt(rendered);
        if (known != null) {
          return known;
        }
      }
      String excerpt = Excerpts.auto(Excerpts.textOfHtml(excerptHtml), 200);
      if (memo != null && rendered != null) {
        memo.excerpt(rendered, excerpt);
      }
      return excerpt;
    }
    if (p.doc().markdown() != null) {
      return Excerpts.auto(p.doc().markdown().plainText(), 140);
    }
    return "";
  }

  private PostLink postLink(int i) {
    PostLink link = postLinks[i];
    if (link == null) {
      Page p = site.posts().get(i);
      link = new PostLink(p.title(), url(p.path()), day(p.date()));
      postLinks[i] = link;
    }
    return link;
  }

  private PostLink neighbour(int i, int step) {
    if (site.config().prevNextInCategory()) {
      List<String> cats = site.posts().get(i).termKeys("categories");
      for (int j = i + step; j >= 0 && j < site.posts().size(); j += step) {
        if (cats.isEmpty() || site.posts().get(j).termKeys("categories").stream().anyMatch(cats::contains)) {
          return postLink(j);
        }
      }
      return null;
    }
    int j = i + step;
    return j >= 0 && j < site.posts().size() ? postLink(j) : null;
  }

  private List<TermLink> termLinks(Taxonomy t, List<String> keys) {
    List<TermLink> out = new ArrayList<>(keys.size());
    for (String k : keys) {
      Term term = t.terms().get(k);
      if (term != null) {
        out.add(new TermLink(term.name(), url(term.path()), term.count()));
      }
    }
    return out;
  }

  private TaxonomyView taxonomyView(Taxonomy t) {
    return new TaxonomyView(t.key(), i18n(t.key(), t.key()), url(t.path()), t.roots().stream().map(term -> termView(t, term)).toList());
  }

  /** The largest term count of each taxonomy, for tag-cloud sizes: worked out once, not per term. */
  private final Map<String, Integer> maxCount = new java.util.concurrent.ConcurrentHashMap<>();

  private TermView termView(Taxonomy t, Term term) {
    int max = maxCount.computeIfAbsent(t.key(), k -> t.terms().values().stream().mapToInt(Term::count).max().orElse(1));
    int size = max <= 1 ? 1 : 1 + (int) Math.round(4.0 * Math.log(term.count()) / Math.log(max));
    return new TermView(t.key(), term.name(), url(term.path()), term.count(), term.depth(), size,
        term.children().stream().map(k -> termView(t, t.terms().get(k))).toList());
  }

  private AuthorView author(String id) {
    if (id == null || id.isBlank()) {
      return authorView(site.owner());
    }
    Author a = site.authors().get(id);
    if (a == null) {
      a = site.authors().values().stream().filter(x -> x.name().equals(id)).findFirst().orElse(new Author(id, id, "", "", "", List.of()));
    }
    return authorView(a);
  }

  private AuthorView authorView(Author a) {
    List<LinkView> links = a.links().stream().map(l -> new LinkView(l.name(), l.url(), "", Slugs.isExternal(l.url()))).toList();
    String avatar = a.avatar().isEmpty() || Slugs.isExternal(a.avatar()) ? a.avatar() : url(a.avatar().startsWith("/") ? a.avatar() : "/" + a.avatar());
    return new AuthorView(a.id(), a.name(), a.bio(), avatar, a.url(), links);
  }

  private String cover(Page p) {
    String c = p.meta().cover();
    if (c == null || c.isBlank()) {
      return "";
    }
    return links.rewrite(p, c);
  }

  private static List<TocItem> toc(List<TocEntry> entries) {
    return entries.stream().map(e -> new TocItem(e.id(), e.text(), e.level(), toc(e.children()))).toList();
  }

  private static int countToc(List<TocEntry> entries) {
    return entries.stream().mapToInt(e -> 1 + countToc(e.children())).sum();
  }

  private static int stats(Page p, boolean words) {
    if (p.doc().markdown() == null) {
      return 0;
    }
    var s = p.doc().markdown().stats();
    return words ? s.words() : s.readingMinutes();
  }

  private String i18n(String key, String fallback) {
    return theme.i18n().getOrDefault(key, fallback);
  }

  private String url(String sitePath) {
    return memo == null ? urls.url(sitePath) : memo.strings.computeIfAbsent("u" + sitePath, k -> urls.url(sitePath));
  }

  private String permalink(String sitePath) {
    return urls.origin() + url(sitePath);
  }

  private String day(ZonedDateTime t) {
    if (t == null) {
      return "";
    }
    return memo == null ? DAY.format(t.withZoneSameInstant(site.config().timezone()))
        : cachedDate(t, 0);
  }

  private String iso(ZonedDateTime t) {
    if (t == null) {
      return "";
    }
    return memo == null ? ISO.format(t.withZoneSameInstant(site.config().timezone()))
        : cachedDate(t, 1);
  }

  /** Year and month of {@code t} in the site's time zone. */
  private int[] yearMonth(ZonedDateTime t) {
    if (memo != null) {
      int[] known = memo.months.get(t);
      if (known != null) {
        return known;
      }
    }
    ZonedDateTime d = t.withZoneSameInstant(site.config().timezone());
    int[] ym = {d.getYear(), d.getMonthValue()};
    if (memo != null) {
      memo.months.put(t, ym);
    }
    return ym;
  }

  private String cachedDate(ZonedDateTime t, int which) {
    String known = memo.dates.computeIfAbsent(t, k -> new String[2])[which];
    if (known != null) {
      return known;
    }
    ZonedDateTime local = t.withZoneSameInstant(site.config().timezone());
    String text = which == 0 ? DAY.format(local) : ISO.format(local);
    memo.dates.get(t)[which] = text;
    return text;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

}
