package dev.inkstone.cli;

import dev.inkstone.daemon.BuildDaemon;
import dev.inkstone.daemon.DaemonRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The build daemon's process, started by the launcher in the background (hence hidden from the
 * help): it runs {@code build} commands handed over by later launchers, each in its client's
 * folder, with its client's output.
 */
@Command(name = "daemon", hidden = true, description = "Run builds handed over by the launcher (started by ./inkstone).")
public final class DaemonCommand implements Callable<Integer> {
  @Option(names = "--state", paramLabel = "DIR", required = true, description = "Where to write the port and token (info).")
  Path state;

  @Option(names = "--id", paramLabel = "TEXT", defaultValue = "-", description = "Names the jar, for the launcher to recognise.")
  String id;

  @Option(names = "--idle", paramLabel = "SECONDS", defaultValue = "1200", description = "Stop after this long without a build.")
  long idleSeconds;

  @Override
  public Integer call() {
    try (BuildDaemon daemon = BuildDaemon.open(state.toAbsolutePath(), id)) {
      // a finished build's objects are garbage: collecting them at once gives the memory back
      // to the machine while the daemon waits, instead of when the next build fills the heap
      daemon.serve(DaemonCommand::run, Duration.ofSeconds(idleSeconds), System::gc);
    }
    return 0;
  }

  /** Runs one handed-over command; only {@code build} is taken, as the launcher sends no other. */
  static int run(DaemonRequest request, PrintWriter out, PrintWriter err) {
    if (request.args().isEmpty() || !request.args().get(0).equals("build")) {
      err.println("inkstone: the build daemon runs only `build`; run other commands without it");
      return 2;
    }
    picocli.CommandLine cl = InkstoneCommand.commandLine(new Invocation(request.workingDir(), request.terminal()));
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(request.args().toArray(String[]::new));
  }
}
