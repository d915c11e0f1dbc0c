package dev.inkstone.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What was typed after a command's name, parsed: its options by long name and its words by
 * position. A value of the wrong shape ({@code --port abc}) is a {@link Wrong}, which the
 * command line prints as a usage error.
 */
final class Arguments {
  /** A value that does not fit its option or word; exit code 2, like any other usage error. */
  static final class Wrong extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Wrong(String message) {
      super(message);
    }
  }

  private final org.apache.commons.cli.CommandLine parsed;
  private final List<String> words;

  Arguments(org.apache.commons.cli.CommandLine parsed, List<String> words) {
    this.parsed = parsed;
    this.words = List.copyOf(words);
  }

  boolean flag(String longName) {
    return parsed.hasOption(longName);
  }

  /** The option's value, or null when it was not given. */
  String string(String longName) {
    return parsed.getOptionValue(longName);
  }

  String string(String longName, String otherwise) {
    return parsed.getOptionValue(longName, otherwise);
  }

  /** The option's value as a path, or null when it was not given. */
  Path path(String longName) {
    String value = string(longName);
    return value == null ? null : path("--" + longName, value);
  }

  Path path(String longName, Path otherwise) {
    Path value = path(longName);
    return value == null ? otherwise : value;
  }

  long number(String longName, long otherwise) {
    String value = string(longName);
    if (value == null) {
      return otherwise;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new Wrong("--" + longName + " takes a whole number, not '" + value + "'");
    }
  }

  /** {@code true} or {@code false} as written, or null when the option was not given. */
  Boolean bool(String longName) {
    String value = string(longName);
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new Wrong("--" + longName + " takes true or false, not '" + value + "'");
    };
  }

  /** The option's comma-separated values, blanks left out; empty when it was not given. */
  List<String> list(String longName) {
    List<String> items = new ArrayList<>();
    String[] values = parsed.getOptionValues(longName);
    if (values != null) {
      for (String value : values) {
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            items.add(item.strip());
          }
        }
      }
    }
    return items;
  }

  ZoneId zone(String longName) {
    String value = string(longName);
    if (value == null) {
      return null;
    }
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new Wrong("--" + longName + ": '" + value + "' is not a time zone; write it like Asia/Shanghai or UTC");
    }
  }

  /** The word at {@code index}, or null when an optional word was left out. */
  String word(int index) {
    return index < words.size() ? words.get(index) : null;
  }

  Path pathWord(int index, String label) {
    String value = word(index);
    return value == null ? null : path(label, value);
  }

  private static Path path(String what, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new Wrong(what + ": '" + value + "' is not a path this system can use (" + e.getReason() + ")");
    }
  }
}
