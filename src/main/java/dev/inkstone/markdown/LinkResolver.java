package dev.inkstone.markdown;

/**
 * Rewrites link and image destinations at render time, so that paths written for an editor's
 * preview ({@code ./img/a.png}, {@code ../2023/other.md#part}) point at the built site.
 *
 * <p>Called with the raw destination of every inline link, reference link, image and reference
 * definition that is used; autolinks and e-mail links are not passed. It may be called from
 * several threads at once, one per rendered document.
 */
@FunctionalInterface
public interface LinkResolver {

  /** Leaves every destination as written. */
  LinkResolver UNCHANGED = destination -> destination;

  /**
   * @param destination the destination as written, with Markdown escapes resolved
   * @return the URL to write into the HTML, or {@code destination} itself to keep it
   */
  String resolve(String destination);
}
