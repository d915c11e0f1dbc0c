package dev.inkstone.serve;

import java.util.List;

/** The little JSON the live-reload events need. */
final class Json {
  private Json() {}

  static String string(String s) {
    return dev.inkstone.output.Json.string(s);
  }

  static String array(List<String> items) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(string(items.get(i)));
    }
    return sb.append(']').toString();
  }
}
