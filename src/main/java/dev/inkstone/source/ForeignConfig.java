package dev.inkstone.source;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The configuration file of a Hexo, Jekyll or Hugo blog ({@code _config.yml}, {@code hugo.toml},
 * {@code config.yaml} ...), read as plain values, and turned into the {@code site.yaml} an
 * Inkstone blog would have. Only the few settings that mean the same thing are taken; the rest is
 * the other generator's business.
 *
 * @param file the configuration file, relative to the blog folder, or {@code null} when there is
 *     none
 * @param values its top-level settings as plain Java values (keys as written)
 */
record ForeignConfig(Path file, Map<String, Object> values) {
  static final List<String> HUGO_NAMES =
      List.of("hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml");

  static ForeignConfig read(Path root, Dialect dialect) {
    List<String> names = dialect == Dialect.HUGO ? HUGO_NAMES : List.of("_config.yml", "_config.yaml");
    for (String name : names) {
      Path p = root.resolve(name);
      if (Files.isRegularFile(p)) {
        return new ForeignConfig(Path.of(name), parse(p, Path.of(name)));
      }
    }
    return new ForeignConfig(null, Map.of());
  }

  private static Map<String, Object> parse(Path abs, Path rel) {
    String text;
    try {
      text = Files.readString(abs, StandardCharsets.UTF_8);
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      throw new ProblemsException(Problem.in(rel, "cannot read the configuration: " + e.getMessage(), "save it as UTF-8"));
    }
    if (rel.toString().endsWith(".toml")) {
      TomlParseResult toml = Toml.parse(text);
      if (toml.hasErrors()) {
        TomlParseError e = toml.errors().get(0);
        throw new ProblemsException(Problem.at(rel, e.position().line(), e.position().column(), "the configuration is not valid TOML: "
            + e.getMessage().replaceAll(" \\(line \\d+, column \\d+\\)$", ""), "fix the line so that the blog's own generator reads it too"));
      }
      return plain(toml);
    }
    try {
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
      if (loaded instanceof Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
      }
      return Map.of();
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      throw new ProblemsException(Problem.at(rel, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
          "the configuration is not valid YAML: " + e.getProblem(), "fix the line so that the blog's own generator reads it too"));
    } catch (YAMLException e) {
      throw new ProblemsException(Problem.in(rel, "the configuration is not valid YAML: " + e.getMessage(), "fix the file"));
    }
  }

  private static Map<String, Object> plain(org.tomlj.TomlTable t) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : t.keySet()) {
      out.put(key, plainValue(t.get(List.of(key))));
    }
    return out;
  }

  private static Object plainValue(Object v) {
    if (v instanceof org.tomlj.TomlTable t) {
      return plain(t);
    }
    if (v instanceof org.tomlj.TomlArray a) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        out.add(plainValue(a.get(i)));
      }
      return out;
    }
    return v;
  }

  /** A setting as text, or null; a list gives its first item. */
  String text(String... keys) {
    for (String key : keys) {
      Object v = lookup(key);
      if (v instanceof List<?> list) {
        v = list.isEmpty() ? null : list.get(0);
      }
      if (v != null && !(v instanceof Map) && !String.valueOf(v).isBlank()) {
        return String.valueOf(v).strip();
      }
    }
    return null;
  }

  /** A dotted key ({@code params.mainSections}), case-insensitively for Hugo's sake. */
  Object lookup(String dotted) {
    Object current = values;
    for (String part : dotted.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      Object next = m.get(part);
      if (next == null) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (String.valueOf(e.getKey()).equalsIgnoreCase(part)) {
            next = e.getValue();
            break;
          }
        }
      }
      current = next;
    }
    return current;
  }

  /** A setting as a list of words (a list, or one word). */
  List<String> words(String key) {
    Object v = lookup(key);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      list.forEach(x -> out.add(String.valueOf(x).strip()));
    } else if (v != null && !String.valueOf(v).isBlank()) {
      out.add(String.valueOf(v).strip());
    }
    return out;
  }

  /**
   * The site.yaml for this blog.
   *
   * @param postPermalink our pattern for posts, or null to keep the default
   * @param taxonomies extra taxonomies besides categories and tags
   */
  String siteYaml(Dialect dialect, String postPermalink, List<String> taxonomies, List<Problem> warnings) {
    StringBuilder sb = new StringBuilder();
    sb.append("# made by Inkstone from ").append(file == null ? "the " + dialect.label() + " blog" : file.toString().replace('\\', '/'))
        .append('\n');
    put(sb, "title", text("title"));
    put(sb, "subtitle", text("subtitle"));
    put(sb, "description", text("description"));
    String base = switch (dialect) {
      case HEXO -> join(text("url"), text("root"));
      case JEKYLL -> join(text("url"), text("baseurl"));
      default -> text("baseURL", "baseurl");
    };
    if (base != null && base.matches("(?i)https?://.+")) {
      put(sb, "baseUrl", base);
    }
    String lang = text("language", "languageCode", "defaultContentLanguage", "lang", "locale");
    if (lang != null) {
      String l = lang.toLowerCase(Locale.ROOT).replace('_', '-');
      put(sb, "language", l.startsWith("zh") ? "zh-CN" : l.startsWith("en") ? "en" : lang);
    }
    String zone = text("timezone", "timeZone");
    if (zone != null) {
      try {
        ZoneId.of(zone);
        put(sb, "timezone", zone);
      } catch (DateTimeException e) {
        warnings.add(Problem.in(file, "unknown time zone `" + zone + "`; dates without a zone are read as UTC",
            "use a zone id like Asia/Shanghai or America/New_York"));
      }
    }
    Object author = lookup("author");
    if (author instanceof Map<?, ?> m && m.get("name") != null) {
      put(sb, "author", String.valueOf(m.get("name")));
    } else {
      put(sb, "author", text("author"));
    }
    String paginate = text("per_page", "paginate", "pagination.pagerSize");
    if (paginate != null && paginate.matches("[1-9]\\d{0,3}")) {
      sb.append("paginate: ").append(paginate).append('\n');
    }
    if (postPermalink != null) {
      sb.append("permalinks:\n  post: ").append(YamlStrings.quoted(postPermalink)).append('\n');
    }
    if (!taxonomies.isEmpty()) {
      sb.append("taxonomies: [").append(String.join(", ", taxonomies)).append("]\n");
    }
    return sb.toString();
  }

  private static String join(String url, String root) {
    if (url == null) {
      return null;
    }
    String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    if (root != null && !root.isBlank() && !root.equals("/")) {
      u = u + (root.startsWith("/") ? root : "/" + root);
    }
    return u;
  }

  private static void put(StringBuilder sb, String key, String value) {
    if (value != null && !value.isBlank()) {
      sb.append(key).append(": ").append(YamlStrings.quoted(value)).append('\n');
    }
  }
}
