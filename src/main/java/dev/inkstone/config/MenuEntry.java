package dev.inkstone.config;

import java.util.List;

/**
 * One entry of a menu in {@code site.yaml}. Exactly one of {@code url}, {@code page},
 * {@code category}, {@code tag} is set, or none for a parent that only opens its children.
 *
 * @param page a page's path under {@code content/pages} without extension, e.g. {@code tools/json}
 * @param category a category by name or slug path, e.g. {@code 架构/微服务}
 * @param line where the entry is written, for messages
 */
public record MenuEntry(
    String name, String url, String page, String category, String tag, List<MenuEntry> children, int line, int column) {

  public MenuEntry {
    children = List.copyOf(children);
  }
}
