package dev.inkstone.importer;

import dev.inkstone.source.YamlStrings;
import java.util.List;
import java.util.Map;

/**
 * Writes the small YAML documents the importer makes (front matter, data files): every string
 * double-quoted, so no value is ever read back as a number, a boolean or a date by accident.
 */
final class Yaml {
  private final StringBuilder sb = new StringBuilder();

  Yaml put(int indent, String key, Object value) {
    if (value == null || value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
      return this;
    }
    String pad = " ".repeat(indent);
    if (value instanceof List<?> list) {
      sb.append(pad).append(key(key)).append(":\n");
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          // "- " then the map's entries, the first on the dash's line
          int mark = sb.length();
          for (Map.Entry<?, ?> e : m.entrySet()) {
            put(indent + 4, String.valueOf(e.getKey()), e.getValue());
          }
          sb.replace(mark, mark + indent + 4, pad + "  - ");
        } else {
          sb.append(pad).append("  - ").append(scalar(item)).append('\n');
        }
      }
      return this;
    }
    if (value instanceof Map<?, ?> m) {
      sb.append(pad).append(key(key)).append(":\n");
      for (Map.Entry<?, ?> e : m.entrySet()) {
        put(indent + 2, String.valueOf(e.getKey()), e.getValue());
      }
      return this;
    }
    sb.append(pad).append(key(key)).append(": ").append(scalar(value)).append('\n');
    return this;
  }

  Yaml put(String key, Object value) {
    return put(0, key, value);
  }

  /** A raw line, for values that must stay unquoted (dates). */
  Yaml line(String text) {
    sb.append(text).append('\n');
    return this;
  }

  private static String key(String key) {
    return key.matches("[A-Za-z_][\\w-]*") ? key : quote(key);
  }

  static String scalar(Object v) {
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      return v.toString();
    }
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(scalar(list.get(i)));
      }
      return sb.append(']').toString();
    }
    return quote(String.valueOf(v));
  }

  /** Quoted; carriage returns are dropped, so a value from a Windows export reads as written. */
  static String quote(String s) {
    return YamlStrings.quoted(s.replace("\r", ""));
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
