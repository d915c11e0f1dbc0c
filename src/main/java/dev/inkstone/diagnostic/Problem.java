package dev.inkstone.diagnostic;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * Something wrong with the input, with the place where it was found and a hint that tells the
 * author what to do.
 *
 * @param file the file, relative to the blog folder where possible; {@code null} when the
 *     problem belongs to no file
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong
 * @param hint what to do about it; may be empty
 */
public record Problem(Path file, int line, int column, String message, String hint) {

  /** Problems in reading order: by file, then line, then column, then message. */
  public static final Comparator<Problem> ORDER =
      Comparator.comparing((Problem p) -> p.file == null ? "" : p.file.toString().replace('\\', '/'))
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column)
          .thenComparing(Problem::message);

  public Problem {
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  public static Problem at(Path file, int line, int column, String message, String hint) {
    return new Problem(file, line, column, message, hint);
  }

  public static Problem in(Path file, String message, String hint) {
    return new Problem(file, 0, 0, message, hint);
  }

  /** The same problem, moved down by {@code lines} lines (for YAML inside a Markdown file). */
  public Problem shiftedBy(int lines) {
    return line == 0 ? this : new Problem(file, line + lines, column, message, hint);
  }

  /** {@code file:line:column: message} followed by the hint on its own line. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file.toString().replace('\\', '/'));
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      sb.append(": ");
    }
    sb.append(message);
    if (!hint.isEmpty()) {
      sb.append("\n    hint: ").append(hint);
    }
    return sb.toString();
  }
}
