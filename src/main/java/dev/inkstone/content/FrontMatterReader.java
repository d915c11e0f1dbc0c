package dev.inkstone.content;

import dev.inkstone.config.YamlReader;
import dev.inkstone.config.YamlValue;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.source.Dialect;
import dev.inkstone.source.SourceFile;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a content file into its normalised {@link FrontMatter} and its Markdown body.
 *
 * <p>The file must be UTF-8. Front matter is optional; when present it starts on the first line
 * with {@code ---} and ends with a line {@code ---} or {@code ...}, and holds a YAML mapping; or
 * it is TOML between two lines of {@code +++}, as Hugo writes it.
 * Every problem of the file is reported together, with the file's own line numbers. Safe to call
 * from many threads at once.
 */
public final class FrontMatterReader {

  /** Largest front matter read, in UTF-8 bytes; a larger block is refused without parsing. */
  public static final int MAX_FRONT_MATTER_BYTES = 256 * 1024;

  private FrontMatterReader() {}

  /**
   * Reads one content file.
   *
   * @param file the file, as read from the blog folder
   * @param siteZone the zone for dates written without one
   * @throws ProblemsException with every problem found in the file
   */
  public static Document read(SourceFile file, ZoneId siteZone) throws ProblemsException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(siteZone, "siteZone");
    Split split = split(file);
    if (split.mapping() == null) {
      return new Document(file.path(), FrontMatter.none(split.bodyLine()), split.body());
    }
    return new Document(file.path(), Fields.normalise(split.mapping(), file.path(), siteZone, split.bodyLine(), split.problems()), split.body());
  }

  /**
   * A file cut into its front matter, read but not yet normalised, and its body.
   *
   * @param mapping the front matter, or {@code null} when the file has none
   * @param problems problems found while reading it, to be reported with the others
   */
  record Split(YamlValue.Mapping mapping, int bodyLine, String body, List<Problem> problems) {}

  /**
   * Finds the front matter: YAML between lines of {@code ---}, or TOML between lines of {@code
   * +++}. A file of another generator's blog may start with blank lines or spaces before it, as
   * Hugo allows.
   */
  static Split split(SourceFile file) {
    Path path = file.path();
    String text = Text.decode(file.bytes(), path);
    int skipped = 0;
    int offset = 0;
    if (file.dialect() != Dialect.INKSTONE) {
      while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
        if (text.charAt(offset) == '\n') {
          skipped++;
        }
        offset++;
      }
      if (!text.startsWith("---", offset) && !text.startsWith("+++", offset)) {
        offset = 0;
        skipped = 0;
      }
    }
    int firstEnd = text.indexOf('\n', offset);
    String firstLine = (firstEnd < 0 ? text.substring(offset) : text.substring(offset, firstEnd)).strip();
    boolean toml = firstLine.equals("+++");
    if (!firstLine.equals("---") && !toml) {
      return new Split(null, 1, text, List.of());
    }
    String closing = toml ? "+++" : "---";

    // Find the closing line; the front matter starts on the line after the opening one.
    int yamlStart = firstEnd + 1;
    int lineStart = yamlStart;
    int firstContentLine = skipped + 2;
    int lineNumber = firstContentLine;
    int closeStart = -1;
    int closeEnd = -1;
    while (firstEnd >= 0 && lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      String line = (lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd)).stripTrailing();
      if (line.equals(closing) || !toml && line.equals("...")) {
        closeStart = lineStart;
        closeEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
        break;
      }
      if (lineEnd < 0) {
        break;
      }
      lineStart = lineEnd + 1;
      lineNumber++;
    }
    if (closeStart < 0) {
      throw new ProblemsException(
          Problem.at(
              path,
              skipped + 1,
              1,
              "front matter starts at line " + (skipped + 1) + " but has no closing " + closing,
              "add a line with only " + closing + " after the front matter"));
    }
    String yaml = text.substring(yamlStart, closeStart);
    if (utf8Length(yaml) > MAX_FRONT_MATTER_BYTES) {
      throw new ProblemsException(
          Problem.at(
              path,
              1,
              1,
              "front matter is larger than 256 KiB",
              "move large data to content/data/*.yaml and keep front matter short"));
    }
    int bodyLine = lineNumber + 1;
    String body = text.substring(closeEnd);

    List<Problem> problems = new ArrayList<>();
    if (toml) {
      YamlValue.Mapping mapping = Toml.read(yaml, path, firstContentLine, problems);
      if (mapping == null) {
        throw new ProblemsException(problems);
      }
      return new Split(mapping, bodyLine, body, problems);
    }
    YamlValue value = YamlReader.read(yaml, path, firstContentLine, problems);
    YamlValue.Mapping mapping;
    if (value instanceof YamlValue.Mapping m) {
      mapping = m;
    } else if (value instanceof YamlValue.Scalar s && s.isNull()) {
      mapping = new YamlValue.Mapping(Map.of(), firstContentLine, 1);
    } else {
      throw new ProblemsException(
          Problem.at(
              path,
              value.line(),
              value.column(),
              "front matter must be `key: value` lines, not " + value.describe(),
              "write e.g. title: My post"));
    }
    return new Split(mapping, bodyLine, body, problems);
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
