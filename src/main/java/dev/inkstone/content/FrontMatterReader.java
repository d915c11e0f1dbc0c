package dev.inkstone.content;

import dev.inkstone.config.YamlReader;
import dev.inkstone.config.YamlValue;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
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
 * with {@code ---} and ends with a line {@code ---} or {@code ...}, and holds a YAML mapping.
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
    Path path = file.path();
    String text = Text.decode(file.bytes(), path);

    int firstEnd = text.indexOf('\n');
    String firstLine = (firstEnd < 0 ? text : text.substring(0, firstEnd)).stripTrailing();
    if (firstLine.equals("+++")) {
      throw new ProblemsException(
          Problem.at(
              path,
              1,
              1,
              "TOML front matter (+++) is not supported",
              "write the front matter as YAML between two lines of ---"));
    }
    if (!firstLine.equals("---")) {
      return new Document(path, FrontMatter.none(1), text);
    }

    // Find the closing line; the YAML starts on line 2 of the file.
    int yamlStart = firstEnd + 1;
    int lineStart = yamlStart;
    int lineNumber = 2;
    int closeStart = -1;
    int closeEnd = -1;
    while (firstEnd >= 0 && lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      String line = (lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd)).stripTrailing();
      if (line.equals("---") || line.equals("...")) {
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
              1,
              1,
              "front matter starts at line 1 but has no closing ---",
              "add a line with only --- after the front matter"));
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

    List<Problem> yamlProblems = new ArrayList<>();
    YamlValue value = YamlReader.read(yaml, path, 2, yamlProblems);
    YamlValue.Mapping mapping;
    if (value instanceof YamlValue.Mapping m) {
      mapping = m;
    } else if (value instanceof YamlValue.Scalar s && s.isNull()) {
      mapping = new YamlValue.Mapping(Map.of(), 2, 1);
    } else {
      throw new ProblemsException(
          Problem.at(
              path,
              value.line(),
              value.column(),
              "front matter must be `key: value` lines, not " + value.describe(),
              "write e.g. title: My post"));
    }
    return new Document(path, Fields.normalise(mapping, path, siteZone, bodyLine, yamlProblems), body);
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
