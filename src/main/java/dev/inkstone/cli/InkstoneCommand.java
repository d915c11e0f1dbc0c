package dev.inkstone.cli;

/** The command tree: {@code inkstone} and the commands under it. */
public final class InkstoneCommand {
  static final String VERSION = "inkstone 0.1.0";

  private InkstoneCommand() {}

  /** The command line for a command typed in this process's folder and terminal. */
  public static CommandLine commandLine() {
    return commandLine(Invocation.here());
  }

  /** The command line for a command typed in {@code invocation}'s folder and terminal. */
  public static CommandLine commandLine(Invocation invocation) {
    return new CommandLine(root(), invocation);
  }

  static Command root() {
    return Command.named("inkstone", "A static site generator for tech blogs.")
        .flag("V", "version", "Print the version and exit.")
        .under(BuildCommand.COMMAND, ServeCommand.COMMAND, NewCommand.COMMAND, CheckCommand.COMMAND, PublishCommand.COMMAND,
            ImportCommand.COMMAND, DaemonCommand.COMMAND, TrainCommand.COMMAND);
  }
}
