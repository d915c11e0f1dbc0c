package dev.inkstone.markdown;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Heading ids that stay readable in Chinese: {@code 为什么选择 Kafka？} becomes
 * {@code 为什么选择-kafka}. Letters and digits of any script are kept (Latin lower-cased with
 * {@link Locale#ROOT}, so a Turkish default locale cannot turn {@code I} into a dotless i);
 * everything else, including full-width punctuation, becomes a single {@code -}.
 *
 * <p>One instance per document: it remembers the ids given out so duplicates get {@code -1},
 * {@code -2}.
 */
final class HeadingIds {

  private final Set<String> used = new HashSet<>();

  static String slug(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean pendingDash = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean keep = Character.isLetterOrDigit(cp)
          || type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK;
      if (keep) {
        if (pendingDash && sb.length() > 0) {
          sb.append('-');
        }
        pendingDash = false;
        sb.appendCodePoint(cp);
      } else {
        pendingDash = true;
      }
    }
    String slug = sb.toString().toLowerCase(Locale.ROOT);
    return slug.isEmpty() ? "section" : slug;
  }

  /** A slug of {@code text} not given out before in this document. */
  String next(String text) {
    String base = slug(text);
    String id = base;
    for (int n = 1; used.contains(id); n++) {
      id = base + "-" + n;
    }
    used.add(id);
    return id;
  }
}
