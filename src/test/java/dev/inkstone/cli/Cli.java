package dev.inkstone.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in process and captures what it prints. */
public final class Cli {
  /** Exit code and output of one run. */
  public record Run(int code, String out, String err) {
    public String all() {
      return out + err;
    }
  }

  private Cli() {}

  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = InkstoneCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
