package dev.inkstone.content;

import dev.inkstone.config.YamlValue;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.source.Dialect;
import dev.inkstone.source.SourceFile;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the front matter of a Hexo, Jekyll or Hugo post means, said in ours: Hexo's {@code
 * categories: [A, B]} is one path A &gt; B; Jekyll's {@code tags: a b} are two tags; Hugo's keys
 * are case-insensitive and its {@code author} may be a list; a {@code layout} names the other
 * generator's template and is kept aside. And the URL the post had there, kept as an alias.
 */
final class Dialects {
  private static final Pattern DATED_NAME = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})-(.+)$");
  private static final Pattern TOKEN = Pattern.compile(":(\\w+)");

  private Dialects() {}

  /** The front matter with the dialect's meanings turned into ours; positions are kept. */
  static YamlValue.Mapping adjust(YamlValue.Mapping m, SourceFile file) {
    Dialect d = file.dialect();
    Map<String, YamlValue.Entry> out = new LinkedHashMap<>();
    for (YamlValue.Entry e : m.entries().values()) {
      String key = e.key();
      if (d == Dialect.HUGO) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (!m.has(lower) || lower.equals(key)) {
          key = lower;
        }
      }
      YamlValue v = e.value();
      switch (key) {
        case "layout", "type" -> key = d.label().toLowerCase(Locale.ROOT) + "_" + key;
        case "permalink", "url" -> key = d.label().toLowerCase(Locale.ROOT) + "_" + key;
        case "author" -> {
          if (v instanceof YamlValue.Sequence s && s.items().stream().allMatch(i -> i instanceof YamlValue.Scalar)) {
            List<String> names = new ArrayList<>();
            s.items().forEach(i -> {
              Object x = ((YamlValue.Scalar) i).value();
              if (x != null && !x.toString().isBlank()) {
                names.add(x.toString().strip());
              }
            });
            v = new YamlValue.Scalar(names.isEmpty() ? null : String.join(", ", names), v.line(), v.column());
          }
        }
        case "categories", "category" -> {
          if (d == Dialect.HEXO && v instanceof YamlValue.Sequence s && s.items().stream().allMatch(i -> i instanceof YamlValue.Scalar)
              && s.items().size() > 1) {
            // Hexo: a flat list is one path from the root to the leaf
            v = new YamlValue.Sequence(List.of(s), s.line(), s.column());
          } else if (d == Dialect.JEKYLL) {
            v = words(v);
          }
        }
        case "tags", "tag" -> {
          if (d == Dialect.JEKYLL) {
            v = words(v);
          }
        }
        default -> { }
      }
      out.put(key, new YamlValue.Entry(key, e.line(), e.column(), v));
    }
    if (d == Dialect.HUGO && !out.containsKey("date") && out.containsKey("publishdate")) {
      YamlValue.Entry p = out.remove("publishdate");
      out.put("date", new YamlValue.Entry("date", p.line(), p.column(), p.value()));
    }
    if (isDraftFolder(file) && !out.containsKey("draft")) {
      out.put("draft", new YamlValue.Entry("draft", m.line(), m.column(), new YamlValue.Scalar(Boolean.TRUE, m.line(), m.column())));
    }
    return new YamlValue.Mapping(out, m.line(), m.column());
  }

  static boolean isDraftFolder(SourceFile file) {
    for (Path part : file.path()) {
      if (part.toString().equals("_drafts")) {
        return true;
      }
    }
    return false;
  }

  /** Jekyll splits a text of categories or tags at spaces. */
  private static YamlValue words(YamlValue v) {
    if (v instanceof YamlValue.Scalar s && s.value() instanceof String text && text.strip().contains(" ")) {
      List<YamlValue> items = new ArrayList<>();
      for (String w : text.strip().split("[\\s,]+")) {
        items.add(new YamlValue.Scalar(w, s.line(), s.column()));
      }
      return new YamlValue.Sequence(items, s.line(), s.column());
    }
    return v;
  }

  /**
   * The URL the file had under its generator, from its own {@code permalink}/{@code url} or its
   * pattern; {@code null} when there is none or it cannot be worked out.
   */
  static String oldUrl(SourceFile file, FrontMatter fm, ZoneId zone, List<Problem> warnings) {
    Dialect d = file.dialect();
    String own = fm.params().get(d.label().toLowerCase(Locale.ROOT) + "_" + (d == Dialect.HUGO ? "url" : "permalink")) instanceof String s
        ? s.strip() : null;
    if (own != null && !own.isEmpty() && !own.contains(":")) {
      return clean(own, d);
    }
    String pattern = file.origin() == null ? null : file.origin().oldPermalink();
    if (pattern == null) {
      return null;
    }
    String base = baseName(file.path());
    ZonedDateTime date = fm.date();
    Matcher dated = DATED_NAME.matcher(base);
    if (dated.matches()) {
      if (date == null) {
        date = java.time.LocalDate.of(Integer.parseInt(dated.group(1)), Integer.parseInt(dated.group(2)), Integer.parseInt(dated.group(3)))
            .atStartOfDay(zone);
      }
      if (d == Dialect.JEKYLL || d == Dialect.HEXO) {
        base = dated.group(4);
      }
    }
    if (date != null) {
      date = date.withZoneSameInstant(zone);
    }
    StringBuilder sb = new StringBuilder();
    Matcher m = TOKEN.matcher(pattern);
    while (m.find()) {
      String value = token(m.group(1), d, file, fm, base, date);
      if (value == null) {
        warnings.add(Problem.in(file.path(), "the old URL pattern `" + pattern + "` has `:" + m.group(1)
            + "`, which Inkstone cannot work out for this file; no redirect from its old URL", "add `aliases: [/old/url/]` to its front matter"));
        return null;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return clean(sb.toString(), d);
  }

  private static String token(String t, Dialect d, SourceFile file, FrontMatter fm, String base, ZonedDateTime date) {
    String slug = fm.slug() != null ? fm.slug() : base;
    switch (t) {
      case "year", "month", "day", "i_month", "i_day", "hour", "minute", "second", "short_year", "y_day", "monthname" -> {
        if (date == null) {
          return null;
        }
        return switch (t) {
          case "year" -> String.format(Locale.ROOT, "%04d", date.getYear());
          case "month" -> String.format(Locale.ROOT, "%02d", date.getMonthValue());
          case "day" -> String.format(Locale.ROOT, "%02d", date.getDayOfMonth());
          case "i_month" -> String.valueOf(date.getMonthValue());
          case "i_day" -> String.valueOf(date.getDayOfMonth());
          case "hour" -> String.format(Locale.ROOT, "%02d", date.getHour());
          case "minute" -> String.format(Locale.ROOT, "%02d", date.getMinute());
          case "second" -> String.format(Locale.ROOT, "%02d", date.getSecond());
          case "short_year" -> String.format(Locale.ROOT, "%02d", date.getYear() % 100);
          case "y_day" -> String.format(Locale.ROOT, "%03d", date.getDayOfYear());
          default -> date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
        };
      }
      case "output_ext" -> {
        return ".html";
      }
      case "slugorfilename", "filename", "contentbasename", "name" -> {
        String v = t.equals("slugorfilename") ? slug : base;
        return d == Dialect.HUGO ? urlize(v) : v;
      }
      case "title" -> {
        if (d == Dialect.HUGO) {
          return urlize(fm.title() == null ? base : fm.title());
        }
        if (d == Dialect.HEXO) {
          // Hexo's :title is the file's path below _posts, without its extension
          Path rel = file.layoutPath().getNameCount() > 2 ? file.layoutPath().subpath(2, file.layoutPath().getNameCount()) : file.path();
          String p = rel.toString().replace('\\', '/').replaceAll("\\.[^./]+$", "");
          p = p.replaceAll("(^|/)index$", "");
          return fm.slug() != null ? fm.slug() : p.contains("/") ? p.substring(0, p.lastIndexOf('/') + 1) + base : base;
        }
        return slug;
      }
      case "slug" -> {
        return d == Dialect.HUGO ? (fm.slug() != null ? fm.slug() : urlize(fm.title() == null ? base : fm.title())) : urlize(slug);
      }
      case "post_title" -> {
        return fm.title() == null ? base : fm.title();
      }
      case "categories" -> {
        List<String> parts = new ArrayList<>();
        for (List<String> c : fm.categories()) {
          for (String s : c) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (!parts.contains(lower)) {
              parts.add(lower);
            }
          }
        }
        return String.join("/", parts);
      }
      case "category" -> {
        if (fm.categories().isEmpty()) {
          return "uncategorized";
        }
        return String.join("/", fm.categories().get(0).stream().map(Dialects::urlize).toList());
      }
      default -> {
        return null;
      }
    }
  }

  /** Close to Hugo's and Hexo's slugs: lower case, spaces and punctuation become dashes, letters of every script stay. */
  static String urlize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp) || cp == '_' || cp == '.' || cp == '-') {
        out.appendCodePoint(cp);
      } else if (Character.isWhitespace(cp) || cp == '/') {
        out.append('-');
      }
    }
    return out.toString().replaceAll("-{2,}", "-");
  }

  private static String clean(String url, Dialect d) {
    String u = url.strip();
    if (u.matches("(?i)https?://.*")) {
      u = u.replaceFirst("(?i)https?://[^/]*", "");
    }
    u = ("/" + u).replaceAll("/{2,}", "/");
    if (d == Dialect.HUGO) {
      u = u.toLowerCase(Locale.ROOT);
    }
    return u;
  }

  private static String baseName(Path path) {
    String name = path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if ((lower.equals("index.md") || lower.equals("index.markdown") || lower.equals("index.html")) && path.getParent() != null) {
      return path.getParent().getFileName().toString();
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
