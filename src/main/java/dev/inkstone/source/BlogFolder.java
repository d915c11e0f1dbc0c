package dev.inkstone.source;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.parallel.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The front door of the load stage: reads a blog folder laid out as
 *
 * <pre>
 * content/site.yaml  content/posts/**  content/pages/**  content/data/*.yaml|json|csv  content/static/**
 * </pre>
 *
 * into a {@link SourceSet}. Editor leftovers (dot files, {@code *~}, swap files) are skipped so a
 * half-saved file never becomes a page.
 */
public final class BlogFolder {
  private static final List<String> CONFIG_NAMES =
      List.of("content/site.yaml", "content/site.yml", "site.yaml", "site.yml");

  private static final byte[] NO_BYTES = new byte[0];

  private BlogFolder() {}

  public static SourceSet load(Path root) {
    return load(root, null);
  }

  /**
   * Reads a blog folder as the given generator's blog ({@code null}: whichever it looks like).
   * A Hexo, Jekyll or Hugo blog is read in place, see {@link ForeignLayouts}.
   */
  public static SourceSet load(Path root, Dialect expected) {
    requireFolder(root);
    Dialect dialect = ForeignLayouts.detect(root);
    if (expected != null && expected != dialect) {
      throw new ProblemsException(Problem.in(root, "this does not look like a " + expected.label() + " blog",
          switch (expected) {
            case HEXO -> "a Hexo blog has source/_posts/ and _config.yml";
            case JEKYLL -> "a Jekyll blog has _posts/ and _config.yml";
            case HUGO -> "a Hugo blog has content/ and hugo.toml, hugo.yaml, config.toml or config.yaml";
            case INKSTONE -> "an Inkstone blog has content/posts/ and content/site.yaml";
          }));
    }
    if (dialect != Dialect.INKSTONE) {
      return ForeignLayouts.load(root, dialect);
    }
    Path content = root.resolve("content");
    if (!Files.isDirectory(content)) {
      throw new ProblemsException(
          Problem.in(root, "no content/ folder here", "a blog folder holds content/posts/*.md; run inkstone in it or pass --source DIR"));
    }
    List<Path> paths;
    try (Stream<Path> walk = regularFiles(content)) {
      paths = walk.filter(p -> !isIgnored(content.relativize(p))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classify(root, paths, Map.of(), Set.of());
  }

  /**
   * The blog's own configuration file ({@code content/site.yaml}), read without the rest of the
   * blog: for commands that need a setting before they build. Empty when there is none, as in a
   * Hexo, Jekyll or Hugo blog.
   */
  public static Optional<SourceFile> configFile(Path root) {
    requireFolder(root);
    return configFile(root, Map.of(), Set.of());
  }

  private static void requireFolder(Path root) {
    if (!Files.isDirectory(root)) {
      throw new ProblemsException(
          Problem.in(root, "the blog folder does not exist", "give the folder that holds content/ with --source"));
    }
  }

  /** The first of {@link #CONFIG_NAMES} that exists, kept from {@code previous} unless it is in {@code fresh}. */
  private static Optional<SourceFile> configFile(Path root, Map<Path, SourceFile> previous, Set<Path> fresh) {
    for (String name : CONFIG_NAMES) {
      Path p = root.resolve(name);
      if (Files.isRegularFile(p)) {
        SourceFile before = previous.get(p);
        return Optional.of(before != null && before.kind() == SourceFile.Kind.CONFIG && !fresh.contains(p) ? before
            : new SourceFile(root.relativize(p), SourceFile.Kind.CONFIG, read(p)));
      }
    }
    return Optional.empty();
  }

  /**
   * Loads the blog folder again after the files or folders {@code changed} (absolute paths)
   * were created, modified or deleted: only those are read from disk, every other file keeps
   * its bytes from {@code previous}. Gives the same set as {@link #load} would.
   */
  public static SourceSet reload(SourceSet previous, Collection<Path> changed) {
    Path root = previous.root();
    Path content = root.resolve("content");
    // A Hexo, Jekyll or Hugo folder is mapped as a whole; and git dates are read once per load.
    if (!Files.isDirectory(content) || previous.dialect() != Dialect.INKSTONE) {
      return load(root);
    }
    SourceSet quick = modifiedOnly(previous, changed);
    if (quick != null) {
      return quick;
    }
    Map<Path, SourceFile> known = new HashMap<>();
    for (SourceFile f : previous.files()) {
      known.put(root.resolve(f.path()), f);
    }
    previous.config().ifPresent(f -> known.put(root.resolve(f.path()), f));
    Set<Path> paths = new HashSet<>(known.keySet());
    paths.removeIf(p -> !p.startsWith(content));
    Set<Path> fresh = new HashSet<>();
    for (Path c : changed) {
      Path abs = c.toAbsolutePath().normalize();
      fresh.add(abs);
      if (!abs.startsWith(content)) {
        continue;
      }
      paths.removeIf(p -> p.startsWith(abs));
      if (Files.isDirectory(abs)) {
        try (Stream<Path> walk = regularFiles(abs)) {
          walk.filter(p -> !isIgnored(content.relativize(p))).forEach(p -> {
            paths.add(p);
            fresh.add(p);
          });
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(abs) && !isIgnored(content.relativize(abs))) {
        paths.add(abs);
      }
    }
    return classify(root, new ArrayList<>(paths), known, fresh);
  }

  /**
   * The common case of a save: every changed path is a file loaded before and still there, so no
   * file's kind can change; only their bytes are read again. {@code null} when that is not so.
   */
  private static SourceSet modifiedOnly(SourceSet previous, Collection<Path> changed) {
    Path root = previous.root();
    List<SourceFile> files = new ArrayList<>(previous.files());
    Set<Path> wanted = new HashSet<>();
    for (Path c : changed) {
      wanted.add(c.toAbsolutePath().normalize());
    }
    Optional<SourceFile> config = previous.config();
    for (Path abs : wanted) {
      if (!Files.isRegularFile(abs)) {
        return null;
      }
      int i = previous.indexOf(abs);
      if (i >= 0) {
        SourceFile f = files.get(i);
        boolean copied = f.kind() == SourceFile.Kind.STATIC || f.kind() == SourceFile.Kind.BUNDLE_ASSET;
        files.set(i, new SourceFile(f.path(), f.kind(), copied ? NO_BYTES : read(abs)));
      } else if (config.isPresent() && root.resolve(config.get().path()).equals(abs)) {
        config = Optional.of(new SourceFile(config.get().path(), SourceFile.Kind.CONFIG, read(abs)));
      } else if (abs.startsWith(root.resolve("content"))) {
        return null;
      }
    }
    return new SourceSet(root, config, files, previous.lastCommits());
  }

  /**
   * @param previous files loaded before, by absolute path; their bytes are reused unless the
   *     path is in {@code fresh}
   */
  private static SourceSet classify(Path root, List<Path> unsorted, Map<Path, SourceFile> previous, Set<Path> fresh) {
    Path content = root.resolve("content");
    Optional<SourceFile> config = configFile(root, previous, fresh);
    // by the slashed relative path, worked out once per file, not twice per comparison
    record Keyed(String key, Path path) {}
    List<Keyed> keyed = new ArrayList<>(unsorted.size());
    for (Path p : unsorted) {
      keyed.add(new Keyed(slashed(root.relativize(p)), p));
    }
    keyed.sort(Comparator.comparing(Keyed::key));
    List<Path> paths = new ArrayList<>(keyed.size());
    for (Keyed k : keyed) {
      paths.add(k.path());
    }
    Set<Path> bundleDirs = new HashSet<>();
    for (Path p : paths) {
      Path rel = content.relativize(p);
      if (rel.startsWith("posts") && rel.getNameCount() > 2 && isIndex(rel.getFileName().toString())) {
        bundleDirs.add(p.getParent());
      }
    }
    // read on all cores (a big blog is thousands of small files), in path order all the same:
    // 10,000 posts not yet in the page cache load in 0.85 to 1.1 s instead of 1.1 to 1.3
    SourceFile[] inOrder = new SourceFile[paths.size()];
    Parallel.forEach(paths.size(), i -> {
      Path p = paths.get(i);
      Path rel = root.relativize(p);
      if (config.isPresent() && rel.equals(config.get().path())) {
        return;
      }
      SourceFile.Kind kind = kindOf(content.relativize(p), p, bundleDirs);
      if (kind != null) {
        // Static files and assets are copied from disk at write time, never held in memory.
        boolean copied = kind == SourceFile.Kind.STATIC || kind == SourceFile.Kind.BUNDLE_ASSET;
        SourceFile before = previous.get(p);
        inOrder[i] = before != null && before.kind() == kind && !fresh.contains(p) ? before
            : new SourceFile(rel, kind, copied ? NO_BYTES : read(p));
      }
    });
    List<SourceFile> files = new ArrayList<>(paths.size());
    for (SourceFile f : inOrder) {
      if (f != null) {
        files.add(f);
      }
    }
    return new SourceSet(root, config, files, GitHistory.lastCommits(root));
  }

  private static SourceFile.Kind kindOf(Path rel, Path abs, Set<Path> bundleDirs) {
    String top = rel.getName(0).toString();
    String name = rel.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean markdown = name.endsWith(".md") || name.endsWith(".markdown");
    switch (top) {
      case "posts":
        if (markdown && (!insideBundle(abs, bundleDirs) || isIndex(name))) {
          return SourceFile.Kind.POST;
        }
        return SourceFile.Kind.BUNDLE_ASSET;
      case "pages":
        return markdown || name.endsWith(".html") ? SourceFile.Kind.PAGE : SourceFile.Kind.BUNDLE_ASSET;
      case "data":
        // YAML and JSON for templates; CSV (and JSON) analytics exports for the hot list
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") || name.endsWith(".csv") ? SourceFile.Kind.DATA : null;
      case "static":
        return SourceFile.Kind.STATIC;
      default:
        // Files beside the known folders (a README, images referenced by ../images/x.png) are
        // assets: copied only if a page links to them.
        return markdown ? null : SourceFile.Kind.BUNDLE_ASSET;
    }
  }

  private static boolean insideBundle(Path abs, Set<Path> bundleDirs) {
    for (Path dir = abs.getParent(); dir != null; dir = dir.getParent()) {
      if (bundleDirs.contains(dir)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isIndex(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("index.md") || n.equals("index.markdown");
  }

  /**
   * The regular files under {@code dir}, symbolic links to one included, as {@code Files.walk}
   * filtered by {@code Files::isRegularFile} gives them, from the attributes the walk reads
   * anyway: the filter asked the file system again for each (10,000 calls at 10,000 posts).
   */
  static Stream<Path> regularFiles(Path dir) throws IOException {
    return Files.find(dir, Integer.MAX_VALUE, (p, attributes) -> attributes.isRegularFile()
        || attributes.isSymbolicLink() && Files.isRegularFile(p));
  }

  /** Dot files, editor backups and swap files are never part of a blog. */
  static boolean isIgnored(Path rel) {
    for (Path part : rel) {
      if (isIgnoredName(part.toString())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a file or folder of this name is left out of the blog: hidden ones, and the swap
   * files, backups and lock files editors leave beside the file being saved (vim's {@code 4913}
   * is the file it writes to test a folder).
   */
  public static boolean isIgnoredName(String s) {
    return s.startsWith(".") || s.endsWith("~") || (s.startsWith("#") && s.endsWith("#")) || s.endsWith(".swp") || s.endsWith(".swx")
        || s.endsWith(".tmp") || s.equals("4913");
  }

  static String slashed(Path p) {
    return p.toString().replace('\\', '/');
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new ProblemsException(Problem.in(p, "cannot read the file: " + e.getMessage(), "check the file's permissions"));
    }
  }
}
