package dev.inkstone.importer;

import java.util.List;
import java.util.Map;

/** The parts of a WordPress export (WXR) the importer uses, as plain values. */
final class Wxr {
  private Wxr() {}

  /** The blog as the export's channel describes it. */
  record Channel(String title, String link, String description, String language, String version, String baseBlogUrl,
      List<Author> authors, List<Category> categories, List<Tag> tags) {}

  record Author(String login, String displayName, String email, String firstName, String lastName) {}

  /** A category; {@code parent} is the parent's slug (nicename), empty for a top-level one. */
  record Category(long termId, String slug, String parent, String name, String description) {}

  record Tag(long termId, String slug, String name) {}

  /** A term an item belongs to: {@code domain} is category, post_tag, nav_menu, post_format, ... */
  record ItemTerm(String domain, String slug, String name) {}

  record Comment(long id, String author, String authorEmail, String authorUrl, String date, String dateGmt, String content,
      String approved, String type, long parent) {}

  /**
   * One {@code <item>}: a post, page, attachment, menu item or anything else WordPress stores as a post.
   *
   * @param line where the item starts in the export, for messages
   */
  record Item(int line, long id, String title, String link, String creator, String content, String excerpt, String postDate,
      String postDateGmt, String modified, String modifiedGmt, String name, String status, long parent, int menuOrder,
      String type, String password, boolean sticky, String attachmentUrl, List<ItemTerm> terms, Map<String, String> meta,
      List<Comment> comments) {

    String meta(String key) {
      String v = meta.get(key);
      return v == null ? "" : v;
    }
  }
}
