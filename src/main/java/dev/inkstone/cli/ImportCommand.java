package dev.inkstone.cli;

import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.importer.ForeignImport;
import dev.inkstone.importer.ImportReport;
import dev.inkstone.source.Dialect;
import dev.inkstone.importer.WordPressImport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Move a blog in from WordPress, Hexo, Jekyll or Hugo.",
    mixinStandardHelpOptions = true, subcommands = {ImportCommand.WordPress.class, ImportCommand.Hexo.class, ImportCommand.Jekyll.class,
        ImportCommand.Hugo.class})
public final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "wordpress", description = "Import a WordPress export (Tools → Export → All content).", mixinStandardHelpOptions = true)
  static final class WordPress implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPORT.xml", description = "The WXR file WordPress exported.")
    Path export;

    @Option(names = "--into", paramLabel = "DIR", description = "The blog folder to write (default: the current folder).")
    Path into = Path.of(".");

    @Option(names = "--uploads", paramLabel = "DIR", description = "A local copy of wp-content/uploads: images are copied beside their posts.")
    Path uploads;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path dir = into.toAbsolutePath().normalize();
      try {
        ImportReport report = WordPressImport.run(export.toAbsolutePath().normalize(), dir, uploads == null ? null : uploads.toAbsolutePath().normalize());
        printSummary(out, report, dir.resolve("wordpress-import-report.md"));
        return 0;
      } catch (ProblemsException e) {
        Report.problems(err, e.problems(), "nothing was imported");
        return 1;
      }
    }
  }

  /** hexo, jekyll and hugo: the same command for three layouts. */
  abstract static class Foreign implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of the blog to import.")
    Path blog;

    @Option(names = "--into", paramLabel = "DIR", description = "The blog folder to write (default: the current folder).")
    Path into = Path.of(".");

    abstract Dialect dialect();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path dir = into.toAbsolutePath().normalize();
      try {
        ImportReport report = ForeignImport.run(dialect(), blog.toAbsolutePath().normalize(), dir);
        printSummary(out, report, dir.resolve(dialect().label().toLowerCase(java.util.Locale.ROOT) + "-import-report.md"));
        return 0;
      } catch (ProblemsException e) {
        Report.problems(err, e.problems(), "nothing was imported");
        return 1;
      }
    }
  }

  @Command(name = "hexo", description = "Import a Hexo blog (source/_posts, _config.yml).", mixinStandardHelpOptions = true)
  static final class Hexo extends Foreign {
    @Override
    Dialect dialect() {
      return Dialect.HEXO;
    }
  }

  @Command(name = "jekyll", description = "Import a Jekyll blog (_posts, _config.yml).", mixinStandardHelpOptions = true)
  static final class Jekyll extends Foreign {
    @Override
    Dialect dialect() {
      return Dialect.JEKYLL;
    }
  }

  @Command(name = "hugo", description = "Import a Hugo blog (content/, hugo.toml or config.toml).", mixinStandardHelpOptions = true)
  static final class Hugo extends Foreign {
    @Override
    Dialect dialect() {
      return Dialect.HUGO;
    }
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
