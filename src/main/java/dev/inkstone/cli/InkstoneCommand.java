package dev.inkstone.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

@Command(
    name = "inkstone",
    description = "A static site generator for tech blogs.",
    mixinStandardHelpOptions = true,
    version = "inkstone 0.1.0",
    scope = ScopeType.INHERIT,
    subcommands = {BuildCommand.class, ServeCommand.class, NewCommand.class, CheckCommand.class, PublishCommand.class, ImportCommand.class,
        DaemonCommand.class})
public final class InkstoneCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Invocation invocation;

  private InkstoneCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  /** Where the command was typed; subcommands read relative paths against it. */
  Invocation invocation() {
    return invocation;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The command line, with errors printed as one clean message: exit code 2 for usage errors, 1
   * for a file that cannot be read or written, 70 for anything else (a bug).
   */
  public static picocli.CommandLine commandLine() {
    return commandLine(Invocation.here());
  }

  /** The command line for a command typed in {@code invocation}'s folder and terminal. */
  public static picocli.CommandLine commandLine(Invocation invocation) {
    picocli.CommandLine cl = new picocli.CommandLine(new InkstoneCommand(invocation));
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      if (ex instanceof java.io.UncheckedIOException io) {
        // a full disk, a folder without write permission: the user's to fix, not a bug
        line.getErr().println("inkstone: " + io.getMessage());
        line.getErr().println("    hint: check the folder's permissions and free space, then run the command again");
        return 1;
      }
      line.getErr().println("inkstone: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
      line.getErr().println("This is a bug in Inkstone; please report it with the command you ran.");
      return 70;
    });
    return cl;
  }
}
