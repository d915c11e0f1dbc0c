package dev.inkstone.cli;

import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.importer.ForeignImport;
import dev.inkstone.importer.ImportReport;
import dev.inkstone.source.Dialect;
import dev.inkstone.importer.WordPressImport;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code inkstone import}: a blog moved in from WordPress, Hexo, Jekyll or Hugo. */
final class ImportCommand {
  static final Command COMMAND = Command.named("import", "Move a blog in from WordPress, Hexo, Jekyll or Hugo.").under(
      Command.named("wordpress", "Import a WordPress export (Tools → Export → All content).")
          .word("EXPORT.xml", "The WXR file WordPress exported.")
          .value("into", "DIR", "The blog folder to write (default: the current folder).")
          .value("uploads", "DIR", "A local copy of wp-content/uploads: images are copied beside their posts.")
          .runs(ImportCommand::wordPress),
      foreign("hexo", "Import a Hexo blog (source/_posts, _config.yml).", Dialect.HEXO),
      foreign("jekyll", "Import a Jekyll blog (_posts, _config.yml).", Dialect.JEKYLL),
      foreign("hugo", "Import a Hugo blog (content/, hugo.toml or config.toml).", Dialect.HUGO));

  private ImportCommand() {}

  private static int wordPress(Arguments args, Command.Console console) {
    Invocation here = console.invocation();
    Path dir = here.resolve(args.path("into", Path.of(".")));
    Path uploads = args.path("uploads");
    try {
      ImportReport report = WordPressImport.run(here.resolve(args.pathWord(0, "EXPORT.xml")), dir, uploads == null ? null : here.resolve(uploads));
      printSummary(console.out(), report, dir.resolve("wordpress-import-report.md"));
      return 0;
    } catch (ProblemsException e) {
      Report.problems(console.err(), e.problems(), "nothing was imported");
      return 1;
    }
  }

  /** hexo, jekyll and hugo: the same command for three layouts. */
  private static Command foreign(String name, String description, Dialect dialect) {
    return Command.named(name, description)
        .word("DIR", "The folder of the blog to import.")
        .value("into", "DIR", "The blog folder to write (default: the current folder).")
        .runs((args, console) -> {
          Invocation here = console.invocation();
          Path dir = here.resolve(args.path("into", Path.of(".")));
          try {
            ImportReport report = ForeignImport.run(dialect, here.resolve(args.pathWord(0, "DIR")), dir);
            printSummary(console.out(), report, dir.resolve(dialect.label().toLowerCase(java.util.Locale.ROOT) + "-import-report.md"));
            return 0;
          } catch (ProblemsException e) {
            Report.problems(console.err(), e.problems(), "nothing was imported");
            return 1;
          }
        });
  }

  static void printSummary(PrintWriter out, ImportReport report, Path reportFile) {
    out.print("Imported " + report.summary());
    for (String s : report.skipped()) {
      out.println("  skipped " + s);
    }
    for (String s : report.needsLook()) {
      out.println("  look at " + s.replace("\n", "\n    "));
    }
    if (!report.unknownCodes().isEmpty()) {
      out.println("  unknown shortcodes kept as written: " + String.join(", ", report.unknownCodes().stream().sorted().toList()));
    }
    out.println("The full report: " + reportFile);
    out.flush();
  }
}
