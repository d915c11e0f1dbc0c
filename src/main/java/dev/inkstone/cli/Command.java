package dev.inkstone.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * One command of the command line: the word that names it, its help, its options and words, and
 * what it runs; or, for {@code new} and {@code import}, the commands under it. Immutable: each
 * {@code with} method gives a new command.
 */
record Command(String name, List<String> description, List<Word> words, List<Option> options, List<Command> subcommands, boolean hidden,
    Action action) {

  /** What a command does with its parsed arguments; returns the exit code. */
  @FunctionalInterface
  interface Action {
    int run(Arguments args, Console console) throws Exception;
  }

  /** A word given by position, such as a title or a folder. */
  record Word(String label, String description, boolean required) {}

  /** Where a command prints, and where it was typed. */
  record Console(PrintWriter out, PrintWriter err, Invocation invocation) {
    /** The blog folder: {@code --source} resolved against where the command was typed, or that folder. */
    Path source(Arguments args) {
      return invocation.resolve(args.path("source", Path.of(".")));
    }
  }

  Command {
    description = List.copyOf(description);
    words = List.copyOf(words);
    options = List.copyOf(options);
    subcommands = List.copyOf(subcommands);
  }

  static Command named(String name, String... description) {
    return new Command(name, List.of(description), List.of(), List.of(), List.of(), false, null);
  }

  Command word(String label, String description) {
    return new Command(name, this.description, append(words, new Word(label, description, true)), options, subcommands, hidden, action);
  }

  Command optionalWord(String label, String description) {
    return new Command(name, this.description, append(words, new Word(label, description, false)), options, subcommands, hidden, action);
  }

  /** An option that takes a value, written {@code --name VALUE} or {@code --name=VALUE}. */
  Command value(String longName, String label, String description) {
    return option(Option.builder().longOpt(longName).hasArg().argName(label).desc(description).get());
  }

  /** {@code --source DIR}, the blog folder, as every command that works on a blog takes it. */
  Command sourceOption() {
    return value("source", "DIR", "The blog folder (default: the current folder).");
  }

  /** An option that is on or off. */
  Command flag(String longName, String description) {
    return option(Option.builder().longOpt(longName).desc(description).get());
  }

  /** An on/off option with a one-letter form too, such as {@code -v, --verbose}. */
  Command flag(String shortName, String longName, String description) {
    return option(Option.builder(shortName).longOpt(longName).desc(description).get());
  }

  Command hide() {
    return new Command(name, description, words, options, subcommands, true, action);
  }

  Command under(Command... commands) {
    return new Command(name, description, words, options, List.of(commands), hidden, action);
  }

  Command runs(Action does) {
    return new Command(name, description, words, options, subcommands, hidden, does);
  }

  /** The options as commons-cli parses them, with {@code -h, --help} added. */
  Options parserOptions() {
    Options all = new Options();
    options.forEach(all::addOption);
    all.addOption(Option.builder("h").longOpt("help").desc("Show this help and exit.").get());
    return all;
  }

  Command subcommand(String word) {
    for (Command c : subcommands) {
      if (c.name.equals(word)) {
        return c;
      }
    }
    return null;
  }

  private Command option(Option option) {
    return new Command(name, description, words, append(options, option), subcommands, hidden, action);
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> more = new ArrayList<>(list);
    more.add(item);
    return more;
  }
}
