package dev.inkstone.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an import did: counts per kind, what it skipped and why, and what a person should look at.
 * Deterministic: the same input gives the same report.
 */
public final class ImportReport {
  private final Map<String, Integer> counts = new TreeMap<>();
  private final List<String> skipped = new ArrayList<>();
  private final List<String> look = new ArrayList<>();
  private final Set<String> uploads = new TreeSet<>();
  private final Map<String, Set<String>> unknownCodes = new TreeMap<>();
  private int written;
  private int unchanged;

  void count(String kind) {
    counts.merge(kind, 1, Integer::sum);
  }

  void skip(String what, String why) {
    skipped.add(what + ": " + why);
  }

  void look(String what, String why) {
    look.add(what + ": " + why);
  }

  void upload(String url) {
    uploads.add(url);
  }

  void unknown(String code, String where) {
    unknownCodes.computeIfAbsent(code, k -> new TreeSet<>()).add(where);
  }

  void file(boolean changed) {
    if (changed) {
      written++;
    } else {
      unchanged++;
    }
  }

  public Map<String, Integer> counts() {
    return Map.copyOf(counts);
  }

  public int count(String kind, int fallback) {
    return counts.getOrDefault(kind, fallback);
  }

  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  public List<String> needsLook() {
    return List.copyOf(look);
  }

  public Set<String> uploads() {
    return Set.copyOf(uploads);
  }

  public Set<String> unknownCodes() {
    return Set.copyOf(unknownCodes.keySet());
  }

  public int written() {
    return written;
  }

  /** The whole report as Markdown, for a file beside the imported blog. */
  public String toMarkdown(String title) {
    StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
    StringBuilder c = new StringBuilder();
    counts.forEach((k, v) -> c.append(c.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
    sb.append(c.length() == 0 ? "Nothing imported." : c + ".").append('\n');
    section(sb, "Skipped", skipped);
    section(sb, "Needs a look", look);
    List<String> codes = new ArrayList<>();
    unknownCodes.forEach((k, v) -> codes.add("`" + k + "` in " + String.join(", ", v)));
    section(sb, "Unknown shortcodes and tags, kept as written", codes);
    section(sb, "Images and files from wp-content/uploads", new ArrayList<>(uploads));
    return sb.toString();
  }

  /** Counts in one paragraph, for the terminal. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
    sb.append(sb.length() == 0 ? "nothing imported" : "").append("; ").append(written).append(" files written, ").append(unchanged)
        .append(" unchanged; ").append(skipped.size()).append(" skipped, ").append(look.size()).append(" to look at, ")
        .append(uploads.size()).append(" upload URLs, ").append(unknownCodes.size()).append(" unknown shortcodes\n");
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    sb.append("\n## ").append(title).append(" (").append(lines.size()).append(")\n\n");
    for (String l : lines) {
      sb.append("- ").append(l).append('\n');
    }
  }
}
