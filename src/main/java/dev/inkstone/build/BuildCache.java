package dev.inkstone.build;

import dev.inkstone.config.SiteConfig;
import dev.inkstone.content.ParsedDocument;
import dev.inkstone.markdown.MarkdownEngine;
import dev.inkstone.output.Output;
import dev.inkstone.source.SourceSet;
import dev.inkstone.template.RenderMemo;
import dev.inkstone.template.SiteRenderer;
import dev.inkstone.template.Theme;
import dev.inkstone.template.ThemeEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the preview server keeps between builds so that a rebuild redoes only what changed: the
 * loaded files, parsed documents by path (reused while the file's bytes are the same), the
 * compiled theme, related posts, and every page's render inputs and bytes. Used by one thread at
 * a time.
 */
public final class BuildCache {
  SourceSet sources;
  byte[] configBytes;
  String baseUrl;
  SiteConfig config;
  Theme theme;
  ThemeEngine engine;
  final MarkdownEngine markdown = new MarkdownEngine();
  final Map<String, ParsedDocument> parsed = new ConcurrentHashMap<>();
  /** The paths of the posts and pages last parsed, which another generator's posts may link to. */
  java.util.Set<String> documentPaths = java.util.Set.of();
  /** The file each cached document was parsed from: the documents themselves drop their bytes. */
  final Map<String, dev.inkstone.source.SourceFile> parsedFrom = new ConcurrentHashMap<>();
  /** The posts and pages last parsed, in order, and the document of each (null where it failed). */
  List<dev.inkstone.source.SourceFile> lastFiles;
  ParsedDocument[] lastDocuments;
  final RelatedMemo related = new RelatedMemo();
  /** What assembling gave last time; valid while the config is. */
  final dev.inkstone.site.AssemblyMemo assembly = new dev.inkstone.site.AssemblyMemo();
  final RenderMemo memo = new RenderMemo();
  List<Output> outputs = List.of();
  /**
   * The renderer of the last good build with what it rendered with, for showing an edited post
   * before the rebuild ({@link EditedPosts}); null when there is none.
   */
  LastRender lastRender;

  record LastRender(SiteRenderer renderer, SiteConfig config, ThemeEngine engine, int posts) {}
  String basePath = "/";

  /** Every output of the last good build, in no particular order. */
  public List<Output> outputs() {
    return outputs;
  }

  /** The site's base path of the last good build, e.g. {@code /} or {@code /blog/}. */
  public String basePath() {
    return basePath;
  }

  /** Pages the last build rendered (the rest reused their previous bytes). */
  public int rendered() {
    return memo.rendered();
  }

  /** Whether the last build showed the previous related posts; {@link SiteBuild#refresh} fixes that. */
  public boolean relatedStale() {
    return related.stale() || memo.searchStale();
  }

  /**
   * Whether what a stale build waits for is ready: the exact related posts computed, or (when
   * only the search index is stale) saves having paused. Time to {@link SiteBuild#refresh}.
   */
  public boolean relatedReady() {
    return related.stale() ? related.ready() : searchRequested;
  }

  /** Starts computing the exact related posts a stale build waits for, in the background. */
  public void startRelated() {
    related.start();
    searchRequested = true;
  }

  boolean searchRequested;

  /** The theme of the last build, for telling template changes from stylesheet changes. */
  public List<Path> themeStaticFolders() {
    return theme == null ? List.of() : theme.staticFolders();
  }

  void forgetAll() {
    configBytes = null;
    config = null;
    theme = null;
    engine = null;
    parsed.clear();
    parsedFrom.clear();
    documentPaths = java.util.Set.of();
    lastFiles = null;
    lastDocuments = null;
    assembly.clear();
    memo.clear();
    lastRender = null;
  }
}
