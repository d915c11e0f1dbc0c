package dev.inkstone.cli;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Where a command was typed: the folder relative paths are read against, whether a person
 * watches its standard error (progress is then a bar redrawn in place), and whether they have
 * gone (Ctrl-C on a launcher whose build the daemon runs). A command run in this process is typed
 * here, and stops with the process; one handed to the build daemon carries its client's.
 */
public record Invocation(Path workingDir, boolean terminal, BooleanSupplier gone) {
  public Invocation {
    workingDir = workingDir.toAbsolutePath().normalize();
  }

  public Invocation(Path workingDir, boolean terminal) {
    this(workingDir, terminal, () -> false);
  }

  /** This process's own folder and terminal, as {@link System#console()} tells. */
  public static Invocation here() {
    return new Invocation(Path.of(""), System.console() != null);
  }

  /** {@code path} as the user meant it: relative paths start from the working folder. */
  Path resolve(Path path) {
    return workingDir.resolve(path).normalize();
  }
}
