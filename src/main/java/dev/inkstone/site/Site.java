package dev.inkstone.site;

import dev.inkstone.config.SiteConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The whole blog, assembled: what the render stage turns into files.
 *
 * @param posts published posts, newest first (ties: by path)
 * @param pages standalone pages, by path
 * @param taxonomies categories, tags, then the declared ones
 * @param menu the resolved main menu
 * @param data every {@code content/data} file by base name, as plain values
 * @param authors authors by id
 * @param owner the site owner
 * @param related for each post (by index) the indexes of its related posts, best first
 * @param hot indexes of the hot posts, hottest first
 * @param featured indexes of featured posts, newest first
 * @param assets files copied as they are: site path → blog-relative source path
 */
public record Site(
    SiteConfig config,
    List<Page> posts,
    List<Page> pages,
    Map<String, Taxonomy> taxonomies,
    List<Menu> menu,
    Map<String, Object> data,
    Map<String, Author> authors,
    Author owner,
    List<List<Integer>> related,
    List<Integer> hot,
    List<Integer> featured,
    Map<String, String> assets) {

  /** The same site with post {@code i} replaced by {@code post}, which keeps its place. */
  public Site withPost(int i, Page post) {
    List<Page> now = new ArrayList<>(posts);
    now.set(i, post);
    return new Site(config, Collections.unmodifiableList(now), pages, taxonomies, menu, data, authors, owner, related, hot, featured,
        assets);
  }

  public Taxonomy categories() {
    return taxonomies.get("categories");
  }

  public Taxonomy tags() {
    return taxonomies.get("tags");
  }
}
