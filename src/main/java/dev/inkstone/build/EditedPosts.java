package dev.inkstone.build;

import dev.inkstone.config.SiteConfig;
import dev.inkstone.content.DocumentReader;
import dev.inkstone.content.KnownDocuments;
import dev.inkstone.content.ParsedDocument;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.markdown.MarkdownEngine;
import dev.inkstone.output.Output;
import dev.inkstone.site.AssembleOptions;
import dev.inkstone.site.Page;
import dev.inkstone.site.SiteAssembler;
import dev.inkstone.source.SourceFile;
import dev.inkstone.source.SourceSet;
import dev.inkstone.template.SiteRenderer;
import dev.inkstone.template.ThemeEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The preview server's quick look at a saved post. When a save changed only the text of a few
 * posts (the front matter as it was, so each keeps its place, path, title and terms), each one's
 * page is rendered at once against the site the last build rendered, before the rebuild reads,
 * assembles and checks every post again: on a big blog that is most of a save's time, which a
 * writer waiting to see the edit need not wait for. The page is the one the rebuild then makes
 * (its related posts are the previous ones until saves pause, as in any rebuild of a big blog);
 * the lists, feeds and search, which show the text too, follow with the rebuild. Should a page
 * come out differently after all, the rebuild's reload shows it.
 *
 * <p>The document parsed here goes into the cache, so the rebuild does not parse it again.
 */
final class EditedPosts {
  /**
   * From this many posts on, edited posts are shown before the rebuild is done. On a smaller
   * blog the whole rebuild takes milliseconds, so one reload after it is as quick and simpler for
   * the pages open, and its related posts are computed exactly at once, which may change the
   * edited post's page after the quick look.
   */
  static final int FROM_POSTS = RelatedMemo.APPROXIMATE_FROM;

  private EditedPosts() {}

  /**
   * The pages of the posts {@code changed} whose text alone changed, as the load stage just read
   * them into {@code sources}, rendered against the last build's site; empty when the save is not
   * such a save, or the last build is not one to render against ({@code config} or {@code engine}
   * differ from its, or it has fewer than
   * {@link #FROM_POSTS} posts). Warnings of the parse go to {@code warnings}.
   */
  static List<Output> render(BuildCache cache, SourceSet sources, Collection<Path> changed, SiteConfig config, ThemeEngine engine,
      AssembleOptions options, MarkdownEngine markdown, List<Problem> warnings) {
    BuildCache.LastRender last = cache.lastRender;
    if (last == null || changed == null || changed.isEmpty() || changed.size() > SiteRenderer.EDITED_FIRST_MAX
        || last.config() != config || last.engine() != engine || last.posts() < FROM_POSTS) {
      return List.of();
    }
    List<Output> pages = new ArrayList<>();
    for (Path p : changed) {
      // as the load stage just read it
      int at = sources.indexOf(p);
      if (at < 0 || sources.files().get(at).kind() != SourceFile.Kind.POST) {
        return List.of(); // outside the blog, gone, or no longer a post: the rebuild says what happened
      }
      SourceFile now = sources.files().get(at);
      String key = now.slashedPath();
      SourceFile before = cache.parsedFrom.get(key);
      ParsedDocument old = cache.parsed.get(key);
      if (before == null || old == null || before.kind() != SourceFile.Kind.POST || before.origin() != null) {
        // a page, a new post, one that failed, another generator's: the rebuild has to look
        return List.of();
      }
      if (now == before || Arrays.equals(now.bytes(), before.bytes())) {
        continue; // saved as it was: its page stands
      }
      DocumentReader.Result read = DocumentReader.readSome(List.of(now), KnownDocuments.of(cache.documentPaths), config.timezone(), markdown);
      if (!read.problems().isEmpty() || read.documents().size() != 1) {
        return List.of();
      }
      ParsedDocument doc = read.documents().get(0);
      if (!doc.frontMatter().equals(old.frontMatter()) || newFeature(old, doc)) {
        return List.of();
      }
      Page was = cache.assembly.post(old);
      Page is = SiteAssembler.post(config, options, doc);
      if (was == null || is == null || !was.equals(is.withDoc(old))) {
        return List.of();
      }
      cache.parsed.put(key, doc);
      cache.parsedFrom.put(key, now);
      warnings.addAll(read.warnings());
      Output page = last.renderer().renderEdited(was, is);
      if (page == null) {
        return List.of();
      }
      pages.add(page);
    }
    return pages;
  }

  /**
   * Whether the post now has a formula or a diagram it had not: the theme's scripts for them are
   * copied only when some post needs them, and the rebuild is what copies them, so a page shown
   * before it could ask for files not served yet.
   */
  private static boolean newFeature(ParsedDocument before, ParsedDocument now) {
    if (now.markdown() == null) {
      return false;
    }
    boolean math = before.markdown() != null && before.markdown().hasMath();
    boolean mermaid = before.markdown() != null && before.markdown().hasMermaid();
    return now.markdown().hasMath() && !math || now.markdown().hasMermaid() && !mermaid;
  }
}
