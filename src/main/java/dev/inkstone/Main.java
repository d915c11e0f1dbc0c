package dev.inkstone;

import dev.inkstone.cli.InkstoneCommand;

/** Starts the command line; everything else lives in {@code cli}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(InkstoneCommand.commandLine().execute(args));
  }
}
