package dev.inkstone.cli;

import dev.inkstone.daemon.BuildDaemon;
import dev.inkstone.daemon.DaemonRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The build daemon's process, started by the launcher in the background (hence hidden from the
 * help): it runs {@code build} commands handed over by later launchers, each in its client's
 * folder, with its client's output.
 */
final class DaemonCommand {
  static final Command COMMAND = Command.named("daemon", "Run builds handed over by the launcher (started by ./inkstone).")
      .value("state", "DIR", "Where to write the port and token (info).")
      .value("id", "TEXT", "Names the jar, for the launcher to recognise.")
      .value("idle", "SECONDS", "Stop after this long without a build.")
      .hide()
      .runs(DaemonCommand::run);

  private DaemonCommand() {}

  static int run(Arguments args, Command.Console console) {
    Path state = args.path("state");
    if (state == null) {
      throw new Arguments.Wrong("--state DIR is required");
    }
    long idleSeconds = args.number("idle", 1200);
    try (BuildDaemon daemon = BuildDaemon.open(console.invocation().resolve(state), args.string("id", "-"))) {
      // a finished build's objects are garbage: collecting them at once gives the memory back
      // to the machine while the daemon waits, instead of when the next build fills the heap
      daemon.serve(DaemonCommand::runHandedOver, Duration.ofSeconds(idleSeconds), System::gc);
    }
    return 0;
  }

  /** Runs one handed-over command; only {@code build} is taken, as the launcher sends no other. */
  static int runHandedOver(DaemonRequest request, PrintWriter out, PrintWriter err) {
    if (request.args().isEmpty() || !request.args().get(0).equals("build")) {
      err.println("inkstone: the build daemon runs only `build`; run other commands without it");
      return 2;
    }
    return InkstoneCommand.commandLine(new Invocation(request.workingDir(), request.terminal(), request.clientGone())).setOut(out).setErr(err)
        .execute(request.args().toArray(String[]::new));
  }
}
