package dev.inkstone.content;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Front matter dates, parsed with {@code java.time} from the text as written, so neither the JVM's
 * zone nor its locale can move a post to another day.
 */
final class Dates {
  /** For messages: the forms accepted. */
  static final String FORMATS =
      "2024-03-01, 2024-03-01 10:30, 2024-03-01T10:30:00, 2024-03-01T10:30:00+08:00 or 2024/3/1 9:05";

  // Digits are ASCII only: Pattern's \d is, without UNICODE_CHARACTER_CLASS.
  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})"
              + "(?:(?:[Tt]|[ \\t]+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
              + "[ \\t]*(Z|z|[+-]\\d{1,2}(?::?\\d{2})?)?)?");

  private Dates() {}

  /**
   * The date, or {@code null} when the text is not one of the accepted forms or names a day or
   * time that does not exist. A written offset is kept; without one the site's zone is used, and
   * a date alone is midnight there.
   */
  static ZonedDateTime parse(String text, ZoneId siteZone) {
    Matcher m = DATE.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              hour,
              minute,
              second,
              nanos);
      String zone = m.group(8);
      if (zone == null) {
        // In a DST gap the time moves forward by the gap's length (ZonedDateTime.of's rule).
        return ZonedDateTime.of(local, siteZone);
      }
      return ZonedDateTime.of(local, offset(zone));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String zone) {
    if (zone.equalsIgnoreCase("Z")) {
      return ZoneOffset.UTC;
    }
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    String digits = zone.substring(1).replace(":", "");
    int hours;
    int minutes;
    if (digits.length() <= 2) {
      hours = Integer.parseInt(digits);
      minutes = 0;
    } else {
      hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
      minutes = Integer.parseInt(digits.substring(digits.length() - 2));
    }
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }
}
