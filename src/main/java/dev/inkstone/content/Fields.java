package dev.inkstone.content;

import dev.inkstone.config.YamlValue;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folds the front matter spellings of Hexo, Jekyll and Hugo into {@link FrontMatter}, collecting
 * every problem instead of stopping at the first.
 *
 * <p>Where several keys mean the same thing ({@code updated}/{@code lastmod}, {@code
 * cover}/{@code image}), the first one present is used and the others stay in params untouched,
 * so nothing the author wrote is lost. Two spellings of a list ({@code tag} and {@code tags}) are
 * a problem: which one the author meant cannot be guessed.
 */
final class Fields {
  private static final Pattern TAG_SEPARATOR = Pattern.compile("[,，]");
  private static final Pattern CATEGORY_SEPARATOR = Pattern.compile("[/>]");

  private final YamlValue.Mapping map;
  private final Path file;
  private final ZoneId zone;
  private final Set<String> consumed = new HashSet<>();
  private final List<Problem> problems = new ArrayList<>();

  private Fields(YamlValue.Mapping map, Path file, ZoneId zone) {
    this.map = map;
    this.file = file;
    this.zone = zone;
  }

  /**
   * @param earlier problems already found in the same front matter (e.g. duplicate keys), to be
   *     reported together with these
   */
  static FrontMatter normalise(
      YamlValue.Mapping map, Path file, ZoneId zone, int bodyLine, List<Problem> earlier) {
    Fields f = new Fields(map, file, zone);
    f.problems.addAll(earlier);
    FrontMatter fm = f.build(bodyLine);
    if (!f.problems.isEmpty()) {
      throw new ProblemsException(f.problems);
    }
    return fm;
  }

  private FrontMatter build(int bodyLine) {
    String title = title();
    ZonedDateTime date = date("date");
    ZonedDateTime updated = date(first("updated", "lastmod", "last_modified_at"));
    String slug = text("slug");
    List<List<String>> categories = categories(oneOf("categories", "category"));
    String tagKey = oneOf("tags", "tag");
    if ((tagKey == null || !present(tagKey)) && present("keywords")) {
      // SEO keywords double as tags only for posts that have no tags of their own.
      take(tagKey);
      tagKey = "keywords";
    }
    List<String> tags = tags(tagKey);
    Boolean draft = bool("draft");
    Boolean published = bool("published");
    String description = text("description");
    String summaryKey = first("summary", "excerpt");
    String summary = summaryKey != null ? text(summaryKey) : description;
    String author = author();
    Boolean featured = bool("featured");
    boolean sticky = sticky();
    Integer weight = integer("weight");
    List<String> aliases = new ArrayList<>();
    for (String key : List.of("aliases", "alias", "redirect_from")) {
      for (String alias : strings(key, false)) {
        if (!aliases.contains(alias)) {
          aliases.add(alias);
        }
      }
    }
    String cover = text(first("cover", "image", "thumbnail"));
    Boolean toc = bool("toc");
    String layout = text("layout");
    Boolean comments = bool("comments");

    Map<String, Object> params = new LinkedHashMap<>();
    for (YamlValue.Entry entry : map.entries().values()) {
      if (!consumed.contains(entry.key())) {
        params.put(entry.key(), entry.value().toPlain());
      }
    }
    return new FrontMatter(
        title,
        date,
        updated,
        slug,
        categories,
        tags,
        Boolean.TRUE.equals(draft) || Boolean.FALSE.equals(published),
        summary,
        description,
        author,
        Boolean.TRUE.equals(featured) || sticky,
        weight,
        aliases,
        cover,
        toc,
        layout,
        comments,
        params,
        bodyLine);
  }

  // ---- keys -------------------------------------------------------------------------------

  private boolean present(String key) {
    YamlValue v = map.get(key);
    return v != null && !(v instanceof YamlValue.Scalar s && s.isNull());
  }

  /** The value under key, marking it used; null when absent or empty. */
  private YamlValue take(String key) {
    if (key == null) {
      return null;
    }
    consumed.add(key);
    YamlValue v = map.get(key);
    return v instanceof YamlValue.Scalar s && s.isNull() ? null : v;
  }

  /** The first of several synonyms that has a value; the others are left for params. */
  private String first(String... keys) {
    for (String key : keys) {
      if (present(key)) {
        return key;
      }
    }
    return null;
  }

  /** The one spelling used of a list field; both spellings at once is a problem. */
  private String oneOf(String plural, String singular) {
    if (map.has(plural) && map.has(singular)) {
      YamlValue.Entry second =
          map.entries().get(plural).line() > map.entries().get(singular).line()
              ? map.entries().get(plural)
              : map.entries().get(singular);
      problems.add(
          Problem.at(
              file,
              second.line(),
              second.column(),
              "both `" + singular + "` and `" + plural + "` are set",
              "keep one of them; `" + plural + "` takes a list"));
      consumed.add(singular);
      consumed.add(plural);
      return plural;
    }
    return map.has(singular) ? singular : map.has(plural) ? plural : null;
  }

  private void wrongType(String key, YamlValue v, String expected, String hint) {
    String got =
        v instanceof YamlValue.Scalar s && s.value() instanceof String text
            ? "`" + abbreviate(text) + "`"
            : v.describe();
    problems.add(
        Problem.at(file, v.line(), v.column(), "`" + key + "` must be " + expected + ", not " + got, hint));
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  // ---- types ------------------------------------------------------------------------------

  private String title() {
    YamlValue v = take("title");
    String title = v == null ? null : scalarText("title", v, "text");
    if (title == null || title.isBlank()) {
      if (v == null || title != null) {
        // Point at the empty value, else the empty key, else the opening ---.
        YamlValue.Entry key = map.entries().get("title");
        int line = v != null ? v.line() : key != null ? key.line() : 1;
        int column = v != null ? v.column() : key != null ? key.column() : 1;
        problems.add(Problem.at(file, line, column, "missing title", "add `title: ...` to the front matter"));
      }
      return null;
    }
    return title.strip();
  }

  private String text(String key) {
    YamlValue v = take(key);
    if (v == null) {
      return null;
    }
    String text = scalarText(key, v, "text");
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Text, with numbers and true/false read as the words they were written as. */
  private String scalarText(String key, YamlValue v, String expected) {
    if (v instanceof YamlValue.Scalar s && s.value() != null) {
      return s.value().toString();
    }
    wrongType(key, v, expected, "write a single value, e.g. " + key + ": something");
    return null;
  }

  private Boolean bool(String key) {
    YamlValue v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof YamlValue.Scalar s) {
      if (s.value() instanceof Boolean b) {
        return b;
      }
      if (s.value() instanceof String text) {
        // A quoted "true" can only mean one thing.
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
          return Boolean.valueOf(lower);
        }
        if (Set.of("yes", "no", "on", "off", "y", "n").contains(lower)) {
          wrongType(key, v, "true or false", "write true or false; yes/no/on/off are read as text");
          return null;
        }
      }
    }
    wrongType(key, v, "true or false", "write " + key + ": true or " + key + ": false");
    return null;
  }

  private Integer integer(String key) {
    YamlValue v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof YamlValue.Scalar s
        && s.value() instanceof Long n
        && n >= Integer.MIN_VALUE
        && n <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    wrongType(key, v, "a whole number", "write e.g. " + key + ": 10");
    return null;
  }

  private boolean sticky() {
    YamlValue v = take("sticky");
    if (v instanceof YamlValue.Scalar s && s.value() instanceof Long n) {
      // Hexo's sticky is a priority number: any positive one pins the post.
      return n > 0;
    }
    if (v == null) {
      return false;
    }
    consumed.remove("sticky");
    Boolean b = bool("sticky");
    return Boolean.TRUE.equals(b);
  }

  private ZonedDateTime date(String key) {
    YamlValue v = take(key);
    if (v == null) {
      return null;
    }
    ZonedDateTime parsed =
        v instanceof YamlValue.Scalar s && s.value() instanceof String text
            ? Dates.parse(text, zone)
            : null;
    if (parsed == null) {
      wrongType(key, v, "a date", "write it as " + Dates.FORMATS);
    }
    return parsed;
  }

  private String author() {
    YamlValue v = take("author");
    if (v instanceof YamlValue.Mapping m && m.get("name") instanceof YamlValue.Scalar name && name.value() != null) {
      // Jekyll/Hexo themes often write author: {name: ..., link: ...}.
      return name.value().toString().strip();
    }
    if (v == null) {
      return null;
    }
    String text = scalarText("author", v, "a name");
    return text == null || text.isBlank() ? null : text.strip();
  }

  private List<String> tags(String key) {
    return new ArrayList<>(new LinkedHashSet<>(strings(key, true)));
  }

  /** A string or a list of scalars; items trimmed, empty ones dropped. */
  private List<String> strings(String key, boolean splitCommas) {
    YamlValue v = take(key);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v instanceof YamlValue.Scalar s) {
      String text = s.value().toString();
      if (splitCommas) {
        for (String part : TAG_SEPARATOR.split(text)) {
          addTrimmed(out, part);
        }
      } else {
        addTrimmed(out, text);
      }
      return out;
    }
    if (v instanceof YamlValue.Sequence list) {
      for (YamlValue item : list.items()) {
        if (item instanceof YamlValue.Scalar s) {
          if (s.value() != null) {
            addTrimmed(out, s.value().toString());
          }
        } else {
          wrongType(key, item, "a list of words", "write " + key + ": [a, b] with no nested lists");
        }
      }
      return out;
    }
    wrongType(key, v, "a word or a list of words", "write " + key + ": [a, b]");
    return out;
  }

  private static void addTrimmed(List<String> out, String text) {
    String t = text.strip();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }

  private List<List<String>> categories(String key) {
    YamlValue v = take(key);
    LinkedHashSet<List<String>> out = new LinkedHashSet<>();
    if (v == null) {
      return List.of();
    }
    if (v instanceof YamlValue.Scalar s) {
      addPath(out, path(s.value().toString()));
    } else if (v instanceof YamlValue.Sequence list) {
      for (YamlValue item : list.items()) {
        if (item instanceof YamlValue.Scalar s) {
          // A flat list names several categories; a/b inside one of them is still a path.
          if (s.value() != null) {
            addPath(out, path(s.value().toString()));
          }
        } else if (item instanceof YamlValue.Sequence inner) {
          List<String> path = new ArrayList<>();
          for (YamlValue segment : inner.items()) {
            if (segment instanceof YamlValue.Scalar s && s.value() != null) {
              addTrimmed(path, s.value().toString());
            } else if (!(segment instanceof YamlValue.Scalar)) {
              wrongType(key, segment, "a category name", "each inner list is one path, e.g. [[Java, Spring], [Go]]");
            }
          }
          addPath(out, path);
        } else {
          wrongType(key, item, "a category or a list", "write e.g. " + key + ": [[Java, Spring], [Go]]");
        }
      }
    } else {
      wrongType(key, v, "a category or a list of categories", "write e.g. " + key + ": [Java, Go]");
    }
    return List.copyOf(out);
  }

  private static List<String> path(String text) {
    List<String> path = new ArrayList<>();
    for (String segment : CATEGORY_SEPARATOR.split(text)) {
      addTrimmed(path, segment);
    }
    return path;
  }

  private static void addPath(Set<List<String>> out, List<String> path) {
    if (!path.isEmpty()) {
      out.add(List.copyOf(path));
    }
  }
}
