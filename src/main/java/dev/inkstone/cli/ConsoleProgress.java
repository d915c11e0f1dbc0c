package dev.inkstone.cli;

import dev.inkstone.progress.Progress;
import java.io.PrintWriter;

/**
 * Progress on the command line: a bar redrawn in place when the output is a terminal, and a plain
 * line every tenth of the way when it is not (CI logs stay short and readable).
 */
final class ConsoleProgress implements Progress {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean terminal;
  private String task = "";
  private int total;
  private int done;
  private int lastTenth;

  ConsoleProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** A bar when both standard input and output are a terminal, as {@link System#console()} tells. */
  static ConsoleProgress forStandardError(PrintWriter err) {
    return new ConsoleProgress(err, System.console() != null);
  }

  @Override
  public synchronized void begin(String task, int total) {
    this.task = task;
    this.total = total;
    this.done = 0;
    this.lastTenth = 0;
    if (!terminal && total > 0) {
      out.printf("%s: %d%n", task, total);
      out.flush();
    }
  }

  @Override
  public synchronized void advance(String item) {
    done++;
    if (terminal) {
      int filled = total == 0 ? WIDTH : Math.min(WIDTH, done * WIDTH / total);
      String name = item.length() > 40 ? "…" + item.substring(item.length() - 39) : item;
      out.printf("\r[%s%s] %d/%d %s %-40s", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, task, name);
      out.flush();
    } else {
      int tenth = total == 0 ? 10 : done * 10 / total;
      if (tenth > lastTenth && done < total) {
        lastTenth = tenth;
        out.printf("%s: %d/%d%n", task, done, total);
        out.flush();
      }
    }
  }

  @Override
  public synchronized void end() {
    if (terminal && done > 0) {
      out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
    } else if (!terminal && total > 0) {
      out.printf("%s: %d/%d done%n", task, done, total);
    }
    out.flush();
  }
}
