package dev.inkstone.content;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front matter of one content file, normalised: the many spellings that Hexo, Jekyll and
 * Hugo blogs bring are folded into one field each. Immutable.
 *
 * @param title the title; {@code null} only when the file has no front matter at all (a later
 *     stage may take the first heading); a file with front matter must have one
 * @param date when the post was published, in the zone written in the file, else the site's
 *     zone; {@code null} when not given
 * @param updated last change, from {@code updated}, {@code lastmod} or {@code last_modified_at};
 *     {@code null} when not given
 * @param slug the URL slug as written (trimmed), or {@code null}
 * @param categories each category as the path from the root to the leaf, e.g. {@code [["Java"],
 *     ["架构", "微服务"]]}; no duplicates
 * @param tags trimmed, duplicates removed (first spelling kept), in the order written
 * @param draft true for {@code draft: true} or {@code published: false}
 * @param summary from {@code summary}, else {@code excerpt}, else {@code description}; or {@code
 *     null}
 * @param description the {@code description} as written, or {@code null}
 * @param author the author's name, or {@code null}
 * @param featured true for {@code featured: true}, {@code sticky: true} or a positive {@code
 *     sticky} number (Hexo)
 * @param weight ordering weight, or {@code null}
 * @param aliases other URLs of this page, from {@code aliases}, {@code alias} and {@code
 *     redirect_from}
 * @param cover cover image from {@code cover}, else {@code image}, else {@code thumbnail}; or
 *     {@code null}
 * @param toc whether to show a table of contents; {@code null} means the theme decides
 * @param layout the template to use, or {@code null} for the default
 * @param comments whether comments are open; {@code null} means the theme decides
 * @param params every other key, in file order, as plain Java values ({@code String}, {@code
 *     Boolean}, {@code Long}, {@code null}, lists, maps); unmodifiable all the way down
 * @param bodyLine the 1-based line of the file on which the body starts
 */
public record FrontMatter(
    String title,
    ZonedDateTime date,
    ZonedDateTime updated,
    String slug,
    List<List<String>> categories,
    List<String> tags,
    boolean draft,
    String summary,
    String description,
    String author,
    boolean featured,
    Integer weight,
    List<String> aliases,
    String cover,
    Boolean toc,
    String layout,
    Boolean comments,
    Map<String, Object> params,
    int bodyLine) {

  public FrontMatter {
    categories = categories.stream().map(List::copyOf).toList();
    tags = List.copyOf(tags);
    aliases = List.copyOf(aliases);
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) frozen(params);
    params = copy;
    if (bodyLine < 1) {
      throw new IllegalArgumentException("bodyLine is 1-based: " + bodyLine);
    }
  }

  /** The same front matter with other aliases. */
  public FrontMatter withAliases(List<String> other) {
    return new FrontMatter(title, date, updated, slug, categories, tags, draft, summary, description, author, featured, weight, other, cover,
        toc, layout, comments, params, bodyLine);
  }

  /** The front matter of a file that has none. */
  public static FrontMatter none(int bodyLine) {
    return new FrontMatter(
        null, null, null, null, List.of(), List.of(), false, null, null, null, false, null,
        List.of(), null, null, null, null, Map.of(), bodyLine);
  }

  // List.copyOf and Map.copyOf refuse nulls and Map.copyOf forgets the order; YAML has both.
  private static Object frozen(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, frozen(v)));
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(frozen(v)));
      return Collections.unmodifiableList(out);
    }
    return value;
  }
}
