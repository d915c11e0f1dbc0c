package dev.inkstone.template;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/** Finds a theme by name, follows its {@code extends} chain and merges its UI strings. */
public final class ThemeLoader {
  private static final Pattern THEME_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private ThemeLoader() {}

  /**
   * Loads the theme {@code name}, looking first in {@code blogRoot/themes/} and then in {@code
   * builtInThemes} (may be null), so a blog without a themes folder still gets the built-in one.
   *
   * @throws ProblemsException when the theme or an ancestor is missing, {@code extends} forms a
   *     cycle, a YAML file is broken or no UI strings exist for the language nor for English
   */
  public static Theme load(Path blogRoot, Path builtInThemes, String name, String language) {
    List<String> chain = new ArrayList<>();
    List<Path> roots = new ArrayList<>();
    // each theme.yaml once: it says both the parent and the only-with folders
    List<Map<String, String>> settings = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String current = name;
    Path asker = null;
    while (current != null) {
      if (!seen.add(current)) {
        throw new ProblemsException(
            Problem.in(
                asker.resolve("theme.yaml"),
                "theme '" + current + "' is part of an extends cycle: " + String.join(" -> ", seen) + " -> " + current,
                "remove 'extends' from one theme.yaml of the cycle"));
      }
      Path root = find(blogRoot, builtInThemes, current, asker);
      chain.add(current);
      roots.add(root);
      asker = root;
      Map<String, String> yaml = readSettings(root);
      settings.add(yaml);
      String parent = yaml.get("extends");
      current = parent == null || parent.isBlank() ? null : parent.strip();
    }
    List<Path> templates = new ArrayList<>();
    List<Path> statics = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root.resolve("templates"))) {
        templates.add(root.resolve("templates"));
      }
      if (Files.isDirectory(root.resolve("static"))) {
        statics.add(root.resolve("static"));
      }
    }
    Map<String, String> i18n = mergeI18n(roots, language, name, blogRoot);
    return new Theme(name, chain, roots, templates, statics, language, i18n, blogRoot, onlyWith(roots, settings));
  }

  /**
   * The {@code only-with-FEATURE: folder, folder} lines of the chain's theme.yaml files, a child's
   * line replacing its parent's for the same feature.
   */
  private static Map<String, List<String>> onlyWith(List<Path> roots, List<Map<String, String>> settings) {
    Map<String, List<String>> out = new TreeMap<>();
    for (int i = roots.size() - 1; i >= 0; i--) {
      Path file = roots.get(i).resolve("theme.yaml");
      for (Map.Entry<String, String> e : settings.get(i).entrySet()) {
        if (!e.getKey().startsWith(ONLY_WITH)) {
          continue;
        }
        String feature = e.getKey().substring(ONLY_WITH.length());
        if (!Theme.FEATURES.contains(feature)) {
          throw new ProblemsException(Problem.in(file, "'" + e.getKey() + "' names no feature a page can use",
              "write " + String.join(" or ", Theme.FEATURES.stream().map(f -> ONLY_WITH + f).toList())));
        }
        List<String> folders = new ArrayList<>();
        for (String folder : e.getValue().split(",")) {
          String f = folder.strip().replace('\\', '/').replaceAll("^/+|/+$", "");
          if (!f.isEmpty()) {
            folders.add(f + "/");
          }
        }
        out.put(feature, folders);
      }
    }
    return out;
  }

  private static final String ONLY_WITH = "only-with-";

  private static Path find(Path blogRoot, Path builtInThemes, String name, Path asker) {
    Path file = asker == null ? null : asker.resolve("theme.yaml");
    if (!THEME_NAME.matcher(name).matches()) {
      throw new ProblemsException(
          Problem.in(file, "'" + name + "' is not a theme name", "use the folder name of the theme, e.g. 'default'"));
    }
    List<Path> tried = new ArrayList<>();
    if (blogRoot != null) {
      tried.add(blogRoot.resolve("themes").resolve(name));
    }
    if (builtInThemes != null) {
      tried.add(builtInThemes.resolve(name));
    }
    for (Path candidate : tried) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    String what = asker == null ? "theme '" + name + "' not found" : "parent theme '" + name + "' not found";
    throw new ProblemsException(
        Problem.in(
            file,
            what + " (looked in " + String.join(", ", tried.stream().map(Path::toString).toList()) + ")",
            "create themes/" + name + "/ with a theme.yaml, or set 'theme:' in site.yaml to an existing theme such as 'default'"));
  }

  /** A theme's theme.yaml as flat settings; none when it has no such file. */
  private static Map<String, String> readSettings(Path root) {
    Path file = root.resolve("theme.yaml");
    return Files.isRegularFile(file) ? readFlat(file) : Map.of();
  }

  /**
   * English first, then the site language over it: a key missing in the language falls back to
   * English, and a child theme's file overrides its parent's at the same level.
   */
  private static Map<String, String> mergeI18n(List<Path> roots, String language, String name, Path blogRoot) {
    List<String> wanted = languageFiles(language);
    Map<String, String> merged = new TreeMap<>();
    boolean any = false;
    for (int i = roots.size() - 1; i >= 0; i--) {
      Path en = roots.get(i).resolve("i18n").resolve("en.yaml");
      if (Files.isRegularFile(en)) {
        merged.putAll(readFlat(en));
        any = true;
      }
    }
    for (int i = roots.size() - 1; i >= 0; i--) {
      for (String fileName : wanted) {
        Path file = roots.get(i).resolve("i18n").resolve(fileName);
        if (Files.isRegularFile(file)) {
          merged.putAll(readFlat(file));
          any = true;
          break;
        }
      }
    }
    if (!any) {
      throw new ProblemsException(
          Problem.in(
              roots.get(0).resolve("i18n"),
              "theme '" + name + "' has no UI strings for language '" + language + "' and no i18n/en.yaml",
              "add i18n/en.yaml (the fallback for every language) to the theme"));
    }
    return merged;
  }

  /** {@code zh-CN} → {@code zh-CN.yaml}, {@code zh.yaml}; English is the fallback, not listed. */
  static List<String> languageFiles(String language) {
    List<String> files = new ArrayList<>();
    if (language == null || language.isBlank()) {
      return files;
    }
    String tag = language.strip().replace('_', '-');
    files.add(tag + ".yaml");
    int dash = tag.indexOf('-');
    if (dash > 0) {
      files.add(tag.substring(0, dash) + ".yaml");
    }
    files.removeIf(f -> f.toLowerCase(Locale.ROOT).equals("en.yaml"));
    return files;
  }

  /** A flat YAML map of strings; every scalar stays text, so {@code no} is "no", not false. */
  static Map<String, String> readFlat(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options, new TextOnlyResolver());
    Object root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = yaml.load(reader);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      throw new ProblemsException(
          Problem.at(file, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
              "broken YAML: " + e.getProblem(), "check the indentation and quote values that contain ': '"));
    } catch (YAMLException e) {
      throw new ProblemsException(Problem.in(file, "broken YAML: " + e.getMessage(), "check the file is valid YAML"));
    } catch (IOException e) {
      throw new ProblemsException(Problem.in(file, "cannot read: " + e.getMessage(), "check the file permissions"));
    }
    if (root == null) {
      return Map.of();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ProblemsException(Problem.in(file, "expected a map of key: value lines", "write one 'key: text' per line"));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object value = e.getValue();
      if (value instanceof Map || value instanceof List) {
        throw new ProblemsException(
            Problem.in(file, "key '" + e.getKey() + "' holds a nested value; this file must be flat", "write 'key: text' on one line, without nesting"));
      }
      out.put(String.valueOf(e.getKey()), value == null ? "" : value.toString());
    }
    return out;
  }

  /** Resolves no implicit types: YAML 1.1 would read 'no' as false and '1.10' as 1.1. */
  private static final class TextOnlyResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {}
  }
}
