package dev.inkstone.cli;

import dev.inkstone.build.BuildRequest;
import dev.inkstone.build.BuildResult;
import dev.inkstone.build.SiteBuild;
import dev.inkstone.progress.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/** {@code inkstone build}: one build of the blog into a folder. */
final class BuildCommand {
  static final Command COMMAND = Command.named("build", "Build the blog into a static site.")
      .sourceOption()
      .value("out", "DIR", "Where to write the site (default: DIR/site).")
      .flag("drafts", "Include posts marked draft: true.")
      .flag("future", "Include posts dated in the future.")
      .value("base-url", "URL", "Override baseUrl from site.yaml.")
      .flag("v", "verbose", "Print the time of each stage.")
      .runs(BuildCommand::run);

  private BuildCommand() {}

  static int run(Arguments args, Command.Console console) {
    PrintWriter o = console.out();
    PrintWriter err = console.err();
    Invocation here = console.invocation();
    Path src = console.source(args);
    Path out = args.path("out");
    Path dest = out == null ? src.resolve("site") : here.resolve(out);
    long start = System.nanoTime();
    BuildResult r;
    try {
      r = SiteBuild.run(new BuildRequest(src, dest, args.flag("drafts"), args.flag("future"), args.string("base-url"), Clock.systemUTC(), false)
          .withProgress(Progress.stoppedWhen(here.gone(), onlyLong(new ConsoleProgress(err, here.terminal())))));
    } catch (Progress.Stopped e) {
      // the launcher that asked for it was stopped (Ctrl-C): as a build in its own JVM would
      err.println("inkstone: build stopped; " + dest + " was left as it was");
      return 130;
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (!r.ok()) {
      Report.problems(err, r.problems(), "build failed; " + dest + " was left as it was");
      return 1;
    }
    Report.warnings(err, r.warnings());
    o.printf("Built %s into %s in %d ms%n", r.summary(), dest, ms);
    if (args.flag("verbose")) {
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
