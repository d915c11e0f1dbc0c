package dev.inkstone.template;

import dev.inkstone.markdown.RenderedMarkdown;
import dev.inkstone.output.Output;
import dev.inkstone.site.Page;
import dev.inkstone.template.Views.PageView;
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
  private final Map<String, Markdown> markdown = new ConcurrentHashMap<>();
  private final Map<RenderedMarkdown, String> excerpts = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
  /** URLs by site path, while the base path and links stay; cleared with the Markdown. */
  final Map<String, String> strings = new ConcurrentHashMap<>();
  /** Each date as readers see it and in ISO form; the time zone is part of site.yaml, which clears all. */
  final Map<java.time.ZonedDateTime, String[]> dates = new ConcurrentHashMap<>();
  private Object sharedKey;
  private Object linksKey;
  private final AtomicInteger rendered = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();

  /** Pages rendered by the last render. */
  public int rendered() {
    return rendered.get();
  }

  /** Pages whose previous bytes the last render reused. */
  public int reused() {
    return reused.get();
  }

  /** Forgets everything: the next render renders every page. */
  public void clear() {
    units.clear();
    markdown.clear();
    strings.clear();
    dates.clear();
    sharedKey = null;
    linksKey = null;
  }

  void begin(Object links) {
    rendered.set(0);
    reused.set(0);
    if (!links.equals(linksKey)) {
      markdown.clear();
      strings.clear();
      linksKey = links;
    }
  }

  /** Called once the shared inputs of every page are known; forgets all pages when they changed. */
  void shared(Object key) {
    if (!key.equals(sharedKey)) {
      units.clear();
      sharedKey = key;
    }
  }

  RenderedMarkdown markdown(Page p) {
    Markdown m = markdown.get(p.doc().source().slashedPath());
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
    markdown.put(p.doc().source().slashedPath(), new Markdown(p.doc(), rendered));
  }

  Output reuse(String file, String template, PageView page, Map<String, Object> extra) {
    Unit u = units.get(file);
    if (u != null && u.template().equals(template) && u.page().equals(page) && u.extra().equals(extra)) {
      reused.incrementAndGet();
      return u.output();
    }
    return null;
  }

  void remember(String file, String template, PageView page, Map<String, Object> extra, Output output) {
    rendered.incrementAndGet();
    units.put(file, new Unit(template, page, Map.copyOf(extra), output));
  }

  /** Drops pages and documents the site no longer has. */
  void retain(Set<String> files, Set<String> sources) {
    units.keySet().retainAll(files);
    markdown.keySet().retainAll(sources);
  }
}
