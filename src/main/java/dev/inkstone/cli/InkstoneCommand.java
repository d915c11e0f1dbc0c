package dev.inkstone.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

@Command(
    name = "inkstone",
    description = "A static site generator for tech blogs.",
    mixinStandardHelpOptions = true,
    version = "inkstone 0.1.0",
    scope = ScopeType.INHERIT,
    subcommands = {BuildCommand.class, ServeCommand.class, NewCommand.class, CheckCommand.class, PublishCommand.class, ImportCommand.class})
public final class InkstoneCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The command line, with errors printed as one clean message and exit code 2 for usage errors. */
  public static picocli.CommandLine commandLine() {
    picocli.CommandLine cl = new picocli.CommandLine(new InkstoneCommand());
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      line.getErr().println("inkstone: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
      line.getErr().println("This is a bug in Inkstone; please report it with the command you ran.");
      return 70;
    });
    return cl;
  }
}
