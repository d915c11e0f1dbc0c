package dev.inkstone.site;

import dev.inkstone.content.ParsedDocument;
import dev.inkstone.content.FrontMatter;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * A post or a standalone page with its place in the site.
 *
 * @param kind post or page
 * @param doc the parsed source
 * @param path site path, decoded and without the base path, e.g. {@code /posts/缓存一致性/}
 * @param file the output file in the site folder, e.g. {@code posts/缓存一致性/index.html}
 * @param slug the last URL segment's source
 * @param title the front matter title, else the first heading (files without front matter)
 * @param date publication date (posts; pages may have none)
 * @param updated last update, or null
 * @param terms term keys by taxonomy key ({@code categories}, {@code tags}, ...), in the order written
 * @param assetDir the bundle's folder relative to the blog folder for bundles, else null
 */
public record Page(
    Kind kind,
    ParsedDocument doc,
    String path,
    String file,
    String slug,
    String title,
    ZonedDateTime date,
    ZonedDateTime updated,
    Map<String, List<String>> terms,
    String assetDir) {

  public enum Kind { POST, PAGE }

  /** The same post or page made from another document: what a quick look at an edit compares. */
  public Page withDoc(ParsedDocument other) {
    return new Page(kind, other, path, file, slug, title, date, updated, terms, assetDir);
  }

  public FrontMatter meta() {
    return doc.frontMatter();
  }

  public List<String> termKeys(String taxonomy) {
    return terms.getOrDefault(taxonomy, List.of());
  }
}
