package dev.inkstone.cli;

import dev.inkstone.bench.CorpusGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The launcher's training build for big blogs (started by {@code ./inkstone}, hence hidden from
 * the help): writes a generated blog of tech posts and builds it as {@code inkstone build} would,
 * while the JVM records its AOT cache. A big build then starts with the classes loaded and with
 * method profiles taken from a thousand real-looking posts, so C2 compiles the hot code early and
 * for the right shapes; the demo blog, which trains the small builds' cache, is too small for that.
 */
final class TrainCommand {
  static final Command COMMAND = Command.named("train", "Build a generated blog, for the launcher's JVM cache (started by ./inkstone).")
      .word("DIR", "An empty folder for the generated blog and its site.")
      .value("posts", "N", "How many posts, 100 to 100000 (default 1000).")
      .hide()
      .runs(TrainCommand::run);

  private TrainCommand() {}

  static int run(Arguments args, Command.Console console) {
    Path dir = console.invocation().resolve(args.pathWord(0, "DIR"));
    long posts = args.number("posts", 1000);
    if (posts < 100 || posts > 100_000) {
      throw new Arguments.Wrong("--posts: " + posts + " is not between 100 and 100000 (fewer posts leave some of its menu's categories empty)");
    }
    Path blog = dir.resolve("blog");
    try {
      CorpusGenerator.write(blog, (int) posts, CorpusGenerator.TRAINING_SEED);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the training blog into " + dir, e);
    }
    return InkstoneCommand.commandLine(console.invocation()).setOut(console.out()).setErr(console.err())
        .execute("build", "--source", blog.toString(), "--out", dir.resolve("site").toString());
  }
}
