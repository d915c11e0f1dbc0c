package dev.inkstone.config;

import dev.inkstone.diagnostic.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Typed values of YAML mappings, for the readers of configuration (site.yaml, its widgets and
 * deploy targets). A missing or null value gives the fallback; a value of the wrong type is
 * added to {@code problems} with its place, and gives the fallback too, so reading goes on and
 * every wrong value is reported at once.
 */
public final class YamlFields {
  private final Path file;
  private final List<Problem> problems;

  public YamlFields(Path file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /**
   * Reports every key of {@code m} that {@code known} rejects, at the key: a misspelt setting
   * would otherwise be ignored without a word.
   *
   * @param message what to say about a key, such as {@code k -> "unknown setting `" + k + "`"}
   * @param hint what to do, such as the keys that are known
   */
  public void unknownKeys(YamlValue.Mapping m, Predicate<String> known, Function<String, String> message, String hint) {
    for (YamlValue.Entry e : m.entries().values()) {
      if (!known.test(e.key())) {
        problems.add(Problem.at(file, e.line(), e.column(), message.apply(e.key()), hint));
      }
    }
  }

  /** A scalar as text; a mapping or a list is a problem. */
  public String text(YamlValue.Mapping m, String key, String fallback) {
    YamlValue v = m.get(key);
    if (absent(v)) {
      return fallback;
    }
    if (v instanceof YamlValue.Scalar s) {
      return String.valueOf(s.value());
    }
    problem(v, "`" + key + "` must be text, found " + v.describe(), "write `" + key + ": some text`");
    return fallback;
  }

  public boolean bool(YamlValue.Mapping m, String key, boolean fallback) {
    YamlValue v = m.get(key);
    if (absent(v)) {
      return fallback;
    }
    if (v instanceof YamlValue.Scalar s && s.value() instanceof Boolean b) {
      return b;
    }
    problem(v, "`" + key + "` must be true or false, found " + v.describe(), "write `" + key + ": true` or `" + key + ": false`");
    return fallback;
  }

  /** A whole number from 0 to 100,000. */
  public int wholeNumber(YamlValue.Mapping m, String key, int fallback) {
    YamlValue v = m.get(key);
    if (absent(v)) {
      return fallback;
    }
    if (v instanceof YamlValue.Scalar s && s.value() instanceof Long l && l >= 0 && l <= 100_000) {
      return l.intValue();
    }
    String found = v instanceof YamlValue.Scalar s && s.value() instanceof Long l ? l.toString() : v.describe();
    problem(v, "`" + key + "` must be a whole number from 0 to 100000, found " + found, "write `" + key + ": 10`");
    return fallback;
  }

  /** A nested mapping, or null when there is none (or it is of another type: a problem). */
  public YamlValue.Mapping mapping(YamlValue.Mapping m, String key) {
    YamlValue v = m.get(key);
    if (absent(v)) {
      return null;
    }
    if (v instanceof YamlValue.Mapping mm) {
      return mm;
    }
    problem(v, "`" + key + "` must be a mapping, found " + v.describe(), "write `" + key + ":` then indented `key: value` lines");
    return null;
  }

  /** A problem at {@code v}, or in the file when there is no value to point at. */
  public void problem(YamlValue v, String message, String hint) {
    problems.add(v == null ? Problem.in(file, message, hint) : Problem.at(file, v.line(), v.column(), message, hint));
  }

  private static boolean absent(YamlValue v) {
    return v == null || v instanceof YamlValue.Scalar s && s.isNull();
  }
}
