package dev.inkstone.site;

import java.util.List;

/**
 * One member of a taxonomy: the tag "Kafka", the category "架构/微服务".
 *
 * @param taxonomy the taxonomy key, e.g. {@code tags}
 * @param key identity within the taxonomy: the slug path, e.g. {@code 架构/微服务}, {@code kafka}
 * @param name the name shown to readers (for tags that differ only in case: the most used spelling)
 * @param path site path of the term page, e.g. {@code /categories/架构/微服务/}
 * @param parent key of the parent term, or null
 * @param children keys of child terms, sorted by name
 * @param posts indexes into {@link Site#posts()} of the posts in this term and its descendants,
 *     newest first
 */
public record Term(String taxonomy, String key, String name, String path, String parent, List<String> children, List<Integer> posts) {

  public int count() {
    return posts.size();
  }

  public int depth() {
    return (int) key.chars().filter(c -> c == '/').count();
  }
}
