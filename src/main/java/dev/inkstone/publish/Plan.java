package dev.inkstone.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The difference between the site and what a target has: what to send, in a safe order (assets
 * first, pages last), and what to delete afterwards.
 */
record Plan(List<SiteFiles.Entry> added, List<SiteFiles.Entry> changed, List<String> deleted, int unchanged) {

  /**
   * @param site the site's files
   * @param remote the target's files: path to MD5 (lower-case hex)
   */
  static Plan of(Map<String, SiteFiles.Entry> site, Map<String, String> remote) {
    List<SiteFiles.Entry> added = new ArrayList<>();
    List<SiteFiles.Entry> changed = new ArrayList<>();
    int unchanged = 0;
    for (SiteFiles.Entry e : site.values()) {
      String theirs = remote.get(e.path());
      if (theirs == null) {
        added.add(e);
      } else if (!Objects.equals(theirs, e.md5())) {
        changed.add(e);
      } else {
        unchanged++;
      }
    }
    List<String> deleted = remote.keySet().stream().filter(p -> !site.containsKey(p)).sorted().toList();
    return new Plan(added, changed, deleted, unchanged);
  }

  /** Added and changed files, assets before pages, each group by path. */
  List<SiteFiles.Entry> uploads() {
    List<SiteFiles.Entry> all = new ArrayList<>(added);
    all.addAll(changed);
    all.sort(Comparator.comparing((SiteFiles.Entry e) -> SiteFiles.isPage(e.path())).thenComparing(SiteFiles.Entry::path));
    return all;
  }

  List<String> changeLines() {
    List<String> lines = new ArrayList<>();
    added.forEach(e -> lines.add("+ " + e.path()));
    changed.forEach(e -> lines.add("~ " + e.path()));
    deleted.forEach(p -> lines.add("- " + p));
    lines.sort(Comparator.comparing(l -> l.substring(2)));
    return lines;
  }

  PublishResult result(String target, boolean dryRun, String note) {
    return new PublishResult(target, added.size(), changed.size(), deleted.size(), unchanged, dryRun, changeLines(), note);
  }
}
