package dev.inkstone.cli;

import java.nio.file.Path;

/**
 * Where a command was typed: the folder relative paths are read against, and whether a person
 * watches its standard error (progress is then a bar redrawn in place). A command run in this
 * process is typed here; one handed to the build daemon carries its client's.
 */
public record Invocation(Path workingDir, boolean terminal) {
  public Invocation {
    workingDir = workingDir.toAbsolutePath().normalize();
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
