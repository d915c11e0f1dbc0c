package dev.inkstone.content;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.source.SourceFile;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a post or page of a Hexo, Jekyll or Hugo blog as if it were ours: its front matter
 * (YAML or TOML) folded by the dialect's meanings, its old URL added to the aliases, and its tag
 * plugins and shortcodes turned into our Markdown. Used when such a blog is built in place and
 * when it is imported.
 */
public final class ForeignDocuments {
  private ForeignDocuments() {}

  /**
   * One converted file.
   *
   * @param document front matter and body as an Inkstone post would have them
   * @param frontMatter the converted front matter as plain values in the order written, with
   *     the old URL among the {@code aliases}; empty when the file has none
   * @param warnings what was kept as written or guessed (unknown shortcodes, an old URL that
   *     cannot be worked out)
   */
  public record Converted(Document document, Map<String, Object> frontMatter, List<Problem> warnings) {}

  /**
   * @param known every post and page of the blog by blog-relative path with forward slashes, so
   *     that post links and refs find their target
   * @throws ProblemsException with the problems of the file
   */
  public static Converted read(SourceFile file, ZoneId zone, KnownDocuments known) {
    FrontMatterReader.Split split = FrontMatterReader.split(file);
    List<Problem> warnings = new ArrayList<>();
    ForeignTags.Result body = ForeignTags.convert(file, split.bodyLine(), split.body(), known);
    warnings.addAll(body.warnings());
    if (split.mapping() == null) {
      return new Converted(new Document(file.path(), FrontMatter.none(split.bodyLine()), body.markdown()), Map.of(), warnings);
    }
    var adjusted = Dialects.adjust(split.mapping(), file);
    FrontMatter fm = Fields.normalise(adjusted, file.path(), zone, split.bodyLine(), split.problems());
    Map<String, Object> plain = new LinkedHashMap<>(adjusted.toPlain());
    String old = Dialects.oldUrl(file, fm, zone, warnings);
    if (old != null && !fm.aliases().contains(old)) {
      List<String> aliases = new ArrayList<>(fm.aliases());
      aliases.add(old);
      fm = fm.withAliases(aliases);
      Object existing = plain.get("aliases");
      List<Object> list = new ArrayList<>();
      if (existing instanceof List<?> l) {
        list.addAll(l);
      } else if (existing != null) {
        list.add(existing);
      }
      list.add(old);
      plain.put("aliases", list);
    }
    return new Converted(new Document(file.path(), fm, body.markdown()), plain, warnings);
  }
}
