package dev.inkstone.cli;

import dev.inkstone.check.CheckReport;
import dev.inkstone.check.CheckRequest;
import dev.inkstone.check.Finding;
import dev.inkstone.check.SiteCheck;
import dev.inkstone.diagnostic.ProblemsException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code inkstone check}: a build into a temporary folder, then every link and page checked. */
final class CheckCommand {
  static final Command COMMAND = Command.named("check",
          "Build into a temporary folder and report what is broken, by file and line.",
          "Reports broken links, missing anchors and images, pages without title or description, duplicate titles and",
          "oversized images, grouped by file with the line to fix. Exit code 1 when anything is broken.")
      .sourceOption()
      .flag("external", "Also request links to other sites (parallel, cached for a day).")
      .value("max-image-kb", "KB", "Report images larger than this (default: 500).")
      .value("timeout", "SECONDS", "Timeout of one external request (default: 10).")
      .runs(CheckCommand::run);

  private CheckCommand() {}

  static int run(Arguments args, Command.Console console) {
    PrintWriter out = console.out();
    PrintWriter err = console.err();
    Path root = console.source(args);
    boolean external = args.flag("external");
    long maxImageKb = args.number("max-image-kb", 500);
    long timeoutSeconds = args.number("timeout", 10);
    CheckReport report;
    try {
      CheckRequest req = CheckRequest.of(root, external).withMaxImageBytes(maxImageKb * 1024).withTimeout(Duration.ofSeconds(timeoutSeconds));
      report = SiteCheck.run(req, ConsoleProgress.forStandardError(err));
    } catch (ProblemsException e) {
      Report.problems(err, e.problems(), "the site could not be checked");
      return 1;
    }
    if (!report.buildProblems().isEmpty()) {
      Report.problems(err, report.buildProblems(), "the build failed, so nothing else was checked");
      return 1;
    }
    print(out, report);
    return report.ok() ? 0 : 1;
  }

  static void print(PrintWriter out, CheckReport report) {
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      byFile.computeIfAbsent(f.fileName(), k -> new java.util.ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      List<Finding> fs = e.getValue();
      boolean isPage = e.getKey().matches(".*\\.(md|markdown|html)$");
      String page = !isPage || fs.get(0).page().isEmpty() ? "" : "  (/" + fs.get(0).page().replaceFirst("index\\.html$", "") + ")";
      out.println(e.getKey() + page);
      for (Finding f : fs) {
        String at = f.line() > 0 ? e.getKey() + ":" + f.line() : e.getKey();
        out.printf("  %s: %s %s: %s%n", at, f.kind().error() ? "error" : "warning", f.kind().words(), f.message());
      }
    }
    if (!report.hosts().isEmpty()) {
      out.println("External links by host (ok / broken):");
      report.hosts().forEach((host, c) -> out.printf("  %-40s %4d / %d%n", host, c[0], c[1]));
      out.printf("  %d requests made, the rest from the cache%n", report.externalRequests());
    }
    long errors = report.errors();
    long warnings = report.warnings();
    if (errors == 0 && warnings == 0) {
      out.printf("Checked %d pages and %d links: nothing broken.%n", report.pages(), report.links());
    } else {
      out.printf("Checked %d pages and %d links: %d error%s, %d warning%s in %d file%s.%n", report.pages(), report.links(), errors,
          errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", byFile.size(), byFile.size() == 1 ? "" : "s");
    }
    out.flush();
  }
}
