package dev.inkstone.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A YAML value that remembers where it was written, so that a later stage can say
 * {@code content/posts/a.md:4:8: draft must be true or false}.
 *
 * <p>Positions are 1-based and counted in the whole file the YAML came from (see {@link
 * YamlReader#read}), columns in code points. Scalars hold only {@code String}, {@code Boolean},
 * {@code Long} or {@code null}; see {@link YamlReader} for which text becomes which.
 */
public sealed interface YamlValue permits YamlValue.Scalar, YamlValue.Sequence, YamlValue.Mapping {

  /** 1-based line where the value starts. */
  int line();

  /** 1-based column where the value starts. */
  int column();

  /**
   * The value as plain Java: {@code String}, {@code Boolean}, {@code Long}, {@code null}, {@code
   * List<Object>} and {@code LinkedHashMap<String, Object>}. Fresh mutable copies; the caller owns
   * them.
   */
  Object toPlain();

  /** A word for the kind of value, for messages: "text", "a list", "a mapping". */
  String describe();

  /**
   * A single value.
   *
   * @param value a {@code String}, {@code Boolean}, {@code Long}, or {@code null}
   */
  record Scalar(Object value, int line, int column) implements YamlValue {
    public Scalar {
      if (value != null
          && !(value instanceof String)
          && !(value instanceof Boolean)
          && !(value instanceof Long)) {
        throw new IllegalArgumentException("not a YAML scalar: " + value.getClass());
      }
    }

    public boolean isNull() {
      return value == null;
    }

    @Override
    public Object toPlain() {
      return value;
    }

    @Override
    public String describe() {
      if (value == null) {
        return "empty";
      }
      if (value instanceof Boolean) {
        return "true/false";
      }
      if (value instanceof Long) {
        return "a number";
      }
      return "text";
    }
  }

  /** A list, in the order written. */
  record Sequence(List<YamlValue> items, int line, int column) implements YamlValue {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public Object toPlain() {
      List<Object> out = new ArrayList<>(items.size());
      for (YamlValue item : items) {
        out.add(item.toPlain());
      }
      return out;
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * One {@code key: value} pair; the position is the key's, the value carries its own.
   *
   * @param key the key exactly as written (YAML {@code no} or {@code 1} stay the text "no", "1")
   */
  record Entry(String key, int line, int column, YamlValue value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A mapping with text keys, in the order written. */
  record Mapping(Map<String, Entry> entries, int line, int column) implements YamlValue {
    public Mapping {
      // Map.copyOf would lose the order, and the order is what the author wrote.
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The value under {@code key}, or {@code null} when the key is absent. */
    public YamlValue get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    @Override
    public LinkedHashMap<String, Object> toPlain() {
      LinkedHashMap<String, Object> out = new LinkedHashMap<>();
      for (Entry e : entries.values()) {
        out.put(e.key(), e.value().toPlain());
      }
      return out;
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }
}
