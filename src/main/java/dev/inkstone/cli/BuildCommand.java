package dev.inkstone.cli;

import dev.inkstone.build.BuildRequest;
import dev.inkstone.build.BuildResult;
import dev.inkstone.build.SiteBuild;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "build", description = "Build the blog into a static site.", mixinStandardHelpOptions = true)
public final class BuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand InkstoneCommand parent;

  @Option(names = "--source", paramLabel = "DIR", description = "The blog folder (default: the current folder).")
  Path source = Path.of(".");

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the site (default: DIR/site).")
  Path out;

  @Option(names = "--drafts", description = "Include posts marked draft: true.")
  boolean drafts;

  @Option(names = "--future", description = "Include posts dated in the future.")
  boolean future;

  @Option(names = "--base-url", paramLabel = "URL", description = "Override baseUrl from site.yaml.")
  String baseUrl;

  @Option(names = {"-v", "--verbose"}, description = "Print the time of each stage.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Invocation here = parent.invocation();
    Path src = here.resolve(source);
    Path dest = out == null ? src.resolve("site") : here.resolve(out);
    long start = System.nanoTime();
    BuildResult r = SiteBuild.run(new BuildRequest(src, dest, drafts, future, baseUrl, Clock.systemUTC(), false)
        .withProgress(onlyLong(new ConsoleProgress(err, here.terminal()))));
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (!r.ok()) {
      Report.problems(err, r.problems(), "build failed; " + dest + " was left as it was");
      return 1;
    }
    Report.warnings(err, r.warnings());
    o.printf("Built %s into %s in %d ms%n", r.summary(), dest, ms);
    if (verbose) {
      r.stageMillis().forEach((stage, t) -> o.printf("  %-10s %6d ms%n", stage, t));
    }
    o.flush();
    return 0;
  }

  /** A small blog builds in a moment: progress is shown only for tasks of a few hundred steps. */
  private static dev.inkstone.progress.Progress onlyLong(dev.inkstone.progress.Progress shown) {
    return new dev.inkstone.progress.Progress() {
      private volatile boolean on;

      @Override
      public void begin(String task, int total) {
        on = total >= 500;
        if (on) {
          shown.begin(task, total);
        }
      }

      @Override
      public void advance(String item) {
        if (on) {
          shown.advance(item);
        }
      }

      @Override
      public void end() {
        if (on) {
          shown.end();
        }
      }
    };
  }
}
