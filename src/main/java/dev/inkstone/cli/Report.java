package dev.inkstone.cli;

import dev.inkstone.diagnostic.Problem;
import java.io.PrintWriter;
import java.util.List;

/** Prints problems the way every command does: numbered, in reading order, then a summary line. */
final class Report {
  private Report() {}

  static void problems(PrintWriter err, List<Problem> problems, String outcome) {
    int n = 1;
    for (Problem p : problems) {
      err.printf("%d) %s%n", n++, p.format());
    }
    err.printf("Found %d problem%s: %s.%n", problems.size(), problems.size() == 1 ? "" : "s", outcome);
    err.flush();
  }

  /** Warnings: printed, numbered, but the command still succeeds. */
  static void warnings(PrintWriter err, List<Problem> warnings) {
    if (warnings.isEmpty()) {
      return;
    }
    int n = 1;
    for (Problem p : warnings) {
      err.printf("warning %d) %s%n", n++, p.format());
    }
    err.printf("%d warning%s: kept as written or left out; the site was built.%n", warnings.size(), warnings.size() == 1 ? "" : "s");
    err.flush();
  }
}
