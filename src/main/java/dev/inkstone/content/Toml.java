package dev.inkstone.content;

import dev.inkstone.config.YamlValue;
import dev.inkstone.diagnostic.Problem;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * TOML front matter ({@code +++} ... {@code +++}, Hugo's default) read into the same {@link
 * YamlValue}s as YAML, with the file's own line numbers, so one set of rules folds both. TOML
 * dates become the text of the date (as a YAML date would be kept), floats the number's text.
 */
final class Toml {
  private Toml() {}

  /**
   * @param firstLine the file's line on which the TOML starts
   * @return the mapping, or {@code null} when the TOML is broken (the problems say where)
   */
  static YamlValue.Mapping read(String toml, Path file, int firstLine, List<Problem> problems) {
    TomlParseResult result = org.tomlj.Toml.parse(toml);
    if (result.hasErrors()) {
      for (TomlParseError e : result.errors()) {
        TomlPosition at = e.position();
        String message = e.getMessage().replaceAll(" \\(line \\d+, column \\d+\\)$", "");
        problems.add(Problem.at(file, at.line() + firstLine - 1, at.column(), "the TOML front matter is broken: " + message,
            "TOML needs quotes around text: title = \"My post\"; dates are written 2024-03-01T10:30:00+08:00"));
      }
      return null;
    }
    return table(result, firstLine, firstLine, 1);
  }

  private static YamlValue.Mapping table(TomlTable t, int firstLine, int line, int column) {
    Map<String, YamlValue.Entry> entries = new LinkedHashMap<>();
    for (String key : t.keySet()) {
      TomlPosition at = t.inputPositionOf(List.of(key));
      int l = at == null ? line : at.line() + firstLine - 1;
      int c = at == null ? column : at.column();
      entries.put(key, new YamlValue.Entry(key, l, c, value(t.get(List.of(key)), firstLine, l, c)));
    }
    return new YamlValue.Mapping(entries, line, column);
  }

  private static YamlValue value(Object v, int firstLine, int line, int column) {
    if (v instanceof TomlTable t) {
      return table(t, firstLine, line, column);
    }
    if (v instanceof TomlArray a) {
      List<YamlValue> items = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        TomlPosition at = a.inputPositionOf(i);
        items.add(value(a.get(i), firstLine, at == null ? line : at.line() + firstLine - 1, at == null ? column : at.column()));
      }
      return new YamlValue.Sequence(items, line, column);
    }
    Object scalar;
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long) {
      scalar = v;
    } else if (v instanceof OffsetDateTime d) {
      scalar = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d);
    } else if (v instanceof LocalDateTime d) {
      scalar = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(d);
    } else if (v instanceof LocalDate d) {
      scalar = d.toString();
    } else if (v instanceof LocalTime d) {
      scalar = d.toString();
    } else {
      scalar = String.valueOf(v);
    }
    return new YamlValue.Scalar(scalar, line, column);
  }
}
