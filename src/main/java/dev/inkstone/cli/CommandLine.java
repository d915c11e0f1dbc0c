package dev.inkstone.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * Runs what was typed: finds the command its first words name, parses the rest with commons-cli,
 * and runs the command, or prints its help. Errors come out as one clean message: exit code 2
 * for a usage error, 1 for a file that cannot be read or written, 70 for anything else (a bug).
 */
public final class CommandLine {
  private static final int WIDTH = 100;

  private final Command root;
  private final Invocation invocation;
  private PrintWriter out = new PrintWriter(System.out, true);
  private PrintWriter err = new PrintWriter(System.err, true);

  CommandLine(Command root, Invocation invocation) {
    this.root = root;
    this.invocation = invocation;
  }

  public CommandLine setOut(PrintWriter out) {
    this.out = out;
    return this;
  }

  public CommandLine setErr(PrintWriter err) {
    this.err = err;
    return this;
  }

  public int execute(String... args) {
    Command command = root;
    List<String> typed = new ArrayList<>(List.of(root.name()));
    int at = 0;
    while (at < args.length && command.subcommand(args[at]) != null) {
      command = command.subcommand(args[at]);
      typed.add(args[at++]);
    }
    String name = String.join(" ", typed);
    try {
      // partial matching would let `--sou` mean --source, and a later option break that
      org.apache.commons.cli.CommandLine parsed = DefaultParser.builder().setAllowPartialMatching(false).get()
          .parse(command.parserOptions(), Arrays.copyOfRange(args, at, args.length));
      if (parsed.hasOption("help")) {
        printHelp(command, name, out);
        return 0;
      }
      if (parsed.hasOption("version")) {
        out.println(InkstoneCommand.VERSION);
        out.flush();
        return 0;
      }
      List<String> words = parsed.getArgList();
      if (command.action() == null) {
        if (!words.isEmpty()) {
          return usageError(name, "'" + words.get(0) + "' is not a command", "the commands are " + commandNames(command));
        }
        printHelp(command, name, out);
        return 0;
      }
      List<Command.Word> expected = command.words();
      for (int i = 0; i < expected.size(); i++) {
        if (expected.get(i).required() && i >= words.size()) {
          return usageError(name, "missing " + expected.get(i).label(), "run '" + name + " --help' for what it takes");
        }
      }
      if (words.size() > expected.size()) {
        return usageError(name, "unexpected word '" + words.get(expected.size()) + "'", "run '" + name + " --help' for what it takes");
      }
      return command.action().run(new Arguments(parsed, words), new Command.Console(out, err, invocation));
    } catch (UnrecognizedOptionException e) {
      return usageError(name, "unknown option " + e.getOption(), "run '" + name + " --help' for the options");
    } catch (MissingArgumentException e) {
      Option o = e.getOption();
      return usageError(name, "--" + o.getLongOpt() + " needs a value (" + o.getArgName() + ")", "write --" + o.getLongOpt() + " " + o.getArgName());
    } catch (ParseException | Arguments.Wrong e) {
      return usageError(name, e.getMessage(), "run '" + name + " --help' for the options");
    } catch (UncheckedIOException io) {
      // a full disk, a folder without write permission: the user's to fix, not a bug
      err.println("inkstone: " + io.getMessage());
      err.println("    hint: check the folder's permissions and free space, then run the command again");
      err.flush();
      return 1;
    } catch (Exception ex) {
      if (ex instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      err.println("inkstone: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
      err.println("This is a bug in Inkstone; please report it with the command you ran.");
      err.flush();
      return 70;
    }
  }

  private int usageError(String name, String what, String hint) {
    err.println(name + ": " + what);
    err.println("    hint: " + hint);
    err.flush();
    return 2;
  }

  private static String commandNames(Command command) {
    return String.join(", ", command.subcommands().stream().filter(c -> !c.hidden()).map(Command::name).toList());
  }

  /** The usage line, the description, then the commands, words and options, each with its text. */
  static void printHelp(Command command, String name, PrintWriter out) {
    StringBuilder usage = new StringBuilder("Usage: ").append(name);
    if (!command.subcommands().isEmpty()) {
      usage.append(" COMMAND");
    }
    usage.append(" [OPTIONS]");
    for (Command.Word w : command.words()) {
      usage.append(w.required() ? " " + w.label() : " [" + w.label() + "]");
    }
    out.println(usage);
    command.description().forEach(out::println);

    List<String[]> commands = new ArrayList<>();
    for (Command c : command.subcommands()) {
      if (!c.hidden()) {
        commands.add(new String[] {"  " + c.name(), c.description().get(0)});
      }
    }
    List<String[]> words = new ArrayList<>();
    for (Command.Word w : command.words()) {
      words.add(new String[] {"  " + w.label(), w.description()});
    }
    List<String[]> options = new ArrayList<>();
    for (Option o : command.parserOptions().getOptions()) {
      String left = (o.getOpt() != null && o.getOpt().length() == 1 ? "  -" + o.getOpt() + ", " : "      ") + "--" + o.getLongOpt()
          + (o.hasArg() ? "=" + o.getArgName() : "");
      options.add(new String[] {left, o.getDescription()});
    }
    int column = 0;
    for (List<String[]> rows : List.of(commands, words, options)) {
      for (String[] row : rows) {
        column = Math.max(column, row[0].length() + 3);
      }
    }
    table(out, "Commands:", commands, column);
    table(out, "Arguments:", words, column);
    table(out, "Options:", options, column);
    if (!commands.isEmpty()) {
      out.println("Run '" + name + " COMMAND --help' for a command's options.");
    }
    out.flush();
  }

  private static void table(PrintWriter out, String heading, List<String[]> rows, int column) {
    if (rows.isEmpty()) {
      return;
    }
    out.println();
    out.println(heading);
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(row[0]);
      line.append(" ".repeat(column - row[0].length()));
      int start = line.length();
      // wrap the text at word boundaries, continuing under its own column
      for (String word : row[1].split(" ")) {
        if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
          out.println(line);
          line = new StringBuilder(" ".repeat(column));
          start = column;
        }
        if (line.length() > start) {
          line.append(' ');
        }
        line.append(word);
      }
      out.println(line);
    }
  }
}
