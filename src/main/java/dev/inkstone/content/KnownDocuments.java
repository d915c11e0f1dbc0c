package dev.inkstone.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The blog's posts and pages by blog-relative path with forward slashes, indexed for the links
 * between them that Hexo, Jekyll and Hugo tags make ({@code post_link}, {@code post_url},
 * {@code ref}): each such tag is a lookup, not a scan of every path. Where several paths fit,
 * the first in path order wins. The index is made on the first such lookup: an Inkstone blog has
 * none.
 */
public final class KnownDocuments {
  private final Set<String> paths;
  private volatile Index index;

  private KnownDocuments(Set<String> paths) {
    this.paths = paths;
  }

  private Index index() {
    Index i = index;
    if (i == null) {
      synchronized (this) {
        if (index == null) {
          index = new Index(paths);
        }
        i = index;
      }
    }
    return i;
  }

  private static final class Index {
    /** Hexo: the path below {@code _posts/} without extension → path. */
    final Map<String, String> hexoPosts = new HashMap<>();
    /** Jekyll: the file name below {@code _posts/} without extension → path. */
    final Map<String, String> jekyllPosts = new HashMap<>();
    /** A path's last name, and {@code /folder} for a folder's index.md → paths, in order. */
    final Map<String, List<String>> byName = new HashMap<>();

    Index(Set<String> paths) {
      for (String path : new TreeSet<>(paths)) {
        int posts = path.indexOf("_posts/");
        if (posts >= 0) {
          String rel = path.substring(posts + "_posts/".length()).replaceAll("\\.(md|markdown|html)$", "");
          hexoPosts.putIfAbsent(rel, path);
          jekyllPosts.putIfAbsent(lastName(rel), path);
        }
        String name = lastName(path);
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(path);
        if (name.equals("index.md")) {
          String folder = path.substring(0, path.length() - "/index.md".length());
          byName.computeIfAbsent("/" + lastName(folder), k -> new ArrayList<>()).add(path);
        }
      }
    }
  }

  /**
   * {@code paths}, not copied: a preview server gives the set of a rebuild, at 10,000 posts
   * once a save, and no one changes it afterwards.
   */
  public static KnownDocuments of(Set<String> paths) {
    return new KnownDocuments(java.util.Collections.unmodifiableSet(paths));
  }

  public boolean contains(String path) {
    return paths.contains(path);
  }

  /** A post named as Hexo does (its path below {@code _posts/}, no extension) or, for Jekyll, also by its file name alone; null if none. */
  String post(String name, boolean jekyll) {
    String hexo = index().hexoPosts.get(name);
    String byFile = jekyll ? index().jekyllPosts.get(name) : null;
    if (hexo == null || byFile == null) {
      return hexo != null ? hexo : byFile;
    }
    return hexo.compareTo(byFile) <= 0 ? hexo : byFile;
  }

  /** The first path ending in {@code /name}, {@code /name.md} or {@code /name/index.md}; null if none. */
  String endingWith(String name) {
    String last = lastName(name);
    String best = null;
    for (String key : List.of(last, last + ".md", "/" + last)) {
      for (String path : index().byName.getOrDefault(key, List.of())) {
        if ((best == null || path.compareTo(best) < 0)
            && (path.endsWith("/" + name) || path.endsWith("/" + name + ".md") || path.endsWith("/" + name + "/index.md"))) {
          best = path;
        }
      }
    }
    return best;
  }

  private static String lastName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
