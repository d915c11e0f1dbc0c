package dev.inkstone.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark: for each size, generates the blog once (cached), builds it from clean several
 * times with {@code ./inkstone build -v} as a child process (JVM start included, as a user sees
 * it), and prints one table of medians: posts, output files, wall seconds, pages per second, peak
 * RSS, the time of each pipeline stage, and the edit-to-reload time of a warm {@code serve}.
 *
 * <p>Run it with {@code bench/run} from the project root; {@code bench/run --help} lists options.
 */
public final class Benchmark {
  private static final Pattern BUILT = Pattern.compile("Built (\\d+) posts?, (\\d+) files");
  private static final Pattern STAGE = Pattern.compile("^\\s+(\\S+)\\s+(\\d+) ms\\s*$");

  private final Path project;
  private final Path work;
  private final int runs;
  private final long seed;
  private final int edits;
  private final boolean serve;
  private final PrintStream log;
  private final Path timeTool;

  Benchmark(Path project, Path work, int runs, long seed, int edits, boolean serve, PrintStream log) {
    this.project = project;
    this.work = work;
    this.runs = runs;
    this.seed = seed;
    this.edits = edits;
    this.serve = serve;
    this.log = log;
    this.timeTool = gnuTime();
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    int runs = 3;
    int edits = 20;
    long seed = CorpusGenerator.DEFAULT_SEED;
    boolean serve = true;
    String env = System.getenv("INKSTONE_BENCH_WORK");
    Path project = Path.of(System.getProperty("inkstone.project", ".")).toAbsolutePath().normalize();
    Path work = env == null || env.isBlank() ? project.resolve("target/bench") : Path.of(env).toAbsolutePath();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--runs" -> runs = positive(args[++i], "--runs");
          case "--edits" -> edits = positive(args[++i], "--edits");
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--no-serve" -> serve = false;
          case "-h", "--help" -> {
            usage(System.out);
            return;
          }
          default -> sizes.add(positive(args[i].replace("_", "").replace(",", ""), "a size"));
        }
      }
    } catch (RuntimeException e) {
      System.err.println("bench: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value" : e.getMessage()));
      usage(System.err);
      System.exit(2);
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1_000, 10_000);
    }
    if (!Files.isExecutable(project.resolve("inkstone"))) {
      System.err.println("bench: no ./inkstone launcher in " + project + "; run bench/run from the project root");
      System.exit(2);
    }
    Benchmark b = new Benchmark(project, work, runs, seed, edits, serve, System.err);
    try {
      List<Row> rows = new ArrayList<>();
      b.prepareLauncher();
      for (int size : sizes) {
        rows.add(b.measure(size));
      }
      System.out.print(b.table(rows));
    } catch (BenchException | IOException | UncheckedIOException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void usage(PrintStream out) {
    out.println("""
        usage: bench/run [--runs N] [--edits N] [--seed S] [--no-serve] [SIZES...]
          SIZES      numbers of posts (default: 1000 10000; 100000 on request)
          --runs     clean builds per size; the table shows medians (default 3)
          --edits    post edits timed in a warm `serve` (default 20)
          --seed     corpus seed (default %d)
          --no-serve skip the serve edit-to-reload measurement
        Blogs are generated once and kept in $INKSTONE_BENCH_WORK (default target/bench).""".formatted(CorpusGenerator.DEFAULT_SEED));
  }

  private static int positive(String s, String what) {
    int n;
    try {
      n = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a whole number, not `" + s + "`");
    }
    if (n <= 0) {
      throw new IllegalArgumentException(what + " must be at least 1, not " + n);
    }
    return n;
  }

  // ---------------------------------------------------------------------------------------------

  /** Lets the launcher build the jar now, so no timed run includes a Maven build. */
  void prepareLauncher() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(project.resolve("inkstone").toString(), "--version")
        .directory(project.toFile()).inheritIO().redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (p.waitFor() != 0) {
      throw new BenchException("./inkstone --version failed (exit " + p.exitValue() + ")");
    }
  }

  /** Generates (or reuses) the blog of {@code size} posts and measures it. */
  Row measure(int size) throws IOException, InterruptedException {
    Path blog = blog(size);
    Path out = work.resolve("out-" + size);
    List<Run> results = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Run run = build(blog, out);
      if (run.posts() != size) {
        throw new BenchException("the build of " + size + " posts reported " + run.posts() + " posts");
      }
      log.printf(Locale.ROOT, "bench: %,d posts, run %d/%d: %.2f s, %s MiB, %s%n", size, i, runs, run.wallMillis() / 1000.0,
          run.peakKib().isPresent() ? run.peakKib().getAsLong() / 1024 : "?", run.stages());
      results.add(run);
    }
    String reload = serve ? new ReloadProbe(project, blog, CorpusGenerator.post(seed, 1).path(), edits, log).measure() : "skipped";
    return Row.of(size, results, reload);
  }

  /** The cached blog of {@code size} posts, generated when missing or made by another generator version. */
  Path blog(int size) throws IOException {
    String key = "generator " + CorpusGenerator.VERSION + ", seed " + seed + ", posts " + size;
    Path blog = work.resolve(seed == CorpusGenerator.DEFAULT_SEED ? "blog-" + size : "blog-" + size + "-seed" + seed);
    Path marker = blog.resolve(".inkstone-bench");
    if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(key)) {
      log.printf(Locale.ROOT, "bench: reusing %s%n", blog);
      return blog;
    }
    log.printf(Locale.ROOT, "bench: generating %,d posts into %s ...%n", size, blog);
    long t = System.nanoTime();
    deleteTree(blog);
    CorpusGenerator.write(blog, size, seed);
    Files.writeString(marker, key + "\n");
    log.printf(Locale.ROOT, "bench: generated in %.1f s%n", (System.nanoTime() - t) / 1e9);
    return blog;
  }

  /** One clean build as a child process. */
  Run build(Path blog, Path out) throws IOException, InterruptedException {
    deleteTree(out);
    Files.createDirectories(work);
    Path stdout = work.resolve("build.out");
    Path stderr = work.resolve("build.err");
    Path timeFile = work.resolve("build.time");
    Files.deleteIfExists(timeFile);
    List<String> cmd = new ArrayList<>();
    if (timeTool != null) {
      cmd.addAll(List.of(timeTool.toString(), "-f", "%e %M", "-o", timeFile.toString()));
    }
    cmd.addAll(List.of(project.resolve("inkstone").toString(), "build", "--source", blog.toString(), "--out", out.toString(), "-v"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    outsideGit(pb, blog);
    // a clean build with JVM start, as the table says; a build daemon's memory is not the child's
    pb.environment().put("INKSTONE_DAEMON", "off");
    long start = System.nanoTime();
    Process p = pb.start();
    RssSampler sampler = timeTool == null ? RssSampler.start(p.pid()) : null;
    int exit = p.waitFor();
    long wallMillis = (System.nanoTime() - start) / 1_000_000;
    OptionalLong peak = sampler != null ? sampler.stop() : timePeak(timeFile);
    if (exit != 0) {
      throw new BenchException("`" + String.join(" ", cmd) + "` failed with exit code " + exit + ":\n"
          + Files.readString(stdout) + Files.readString(stderr));
    }
    Parsed parsed = parse(Files.readString(stdout));
    long[] files = countFiles(out);
    return new Run(parsed.posts(), files[0], files[1], wallMillis, peak, parsed.stages());
  }

  /**
   * Makes git see no repository around the blog, so a blog cached inside the project's own
   * checkout (target/bench) builds as one in a plain folder would, as the peers' blogs do.
   */
  static void outsideGit(ProcessBuilder pb, Path blog) {
    pb.environment().put("GIT_CEILING_DIRECTORIES", blog.toAbsolutePath().getParent().toString());
  }

  /** What {@code inkstone build -v} printed: the post count and each stage's milliseconds. */
  record Parsed(int posts, int files, Map<String, Long> stages) {}

  static Parsed parse(String stdout) {
    int posts = -1;
    int files = -1;
    Map<String, Long> stages = new LinkedHashMap<>();
    for (String line : stdout.split("\\R")) {
      Matcher b = BUILT.matcher(line);
      if (b.find()) {
        posts = Integer.parseInt(b.group(1));
        files = Integer.parseInt(b.group(2));
        continue;
      }
      Matcher s = STAGE.matcher(line);
      if (s.matches()) {
        stages.put(s.group(1), Long.parseLong(s.group(2)));
      }
    }
    return new Parsed(posts, files, stages);
  }

  /** {all files, HTML files} under the site folder. */
  static long[] countFiles(Path out) throws IOException {
    long[] n = new long[2];
    try (Stream<Path> s = Files.walk(out)) {
      s.filter(Files::isRegularFile).forEach(f -> {
        n[0]++;
        if (f.getFileName().toString().endsWith(".html")) {
          n[1]++;
        }
      });
    }
    return n;
  }

  private static OptionalLong timePeak(Path timeFile) throws IOException {
    if (!Files.isRegularFile(timeFile)) {
      return OptionalLong.empty();
    }
    // The last line is ours; GNU time writes "Command exited with non-zero status" above it.
    List<String> lines = Files.readAllLines(timeFile);
    String[] parts = lines.isEmpty() ? new String[0] : lines.get(lines.size() - 1).trim().split("\\s+");
    return parts.length == 2 && parts[1].matches("\\d+") ? OptionalLong.of(Long.parseLong(parts[1])) : OptionalLong.empty();
  }

  /** GNU time, when installed and it understands {@code -f ... -o ...}; else null. */
  private static Path gnuTime() {
    Path t = Path.of("/usr/bin/time");
    if (!Files.isExecutable(t)) {
      return null;
    }
    try {
      Path probe = Files.createTempFile("inkstone-bench", ".time");
      try {
        Process p = new ProcessBuilder(t.toString(), "-f", "%e %M", "-o", probe.toString(), "true")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && timePeak(probe).isPresent();
        return ok ? t : null;
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** One clean build. */
  record Run(int posts, long files, long htmlFiles, long wallMillis, OptionalLong peakKib, Map<String, Long> stages) {}

  /** One size: medians over its runs. */
  record Row(int posts, long files, long htmlFiles, double wallSeconds, OptionalLong peakKib, Map<String, Long> stages, String reload) {

    static Row of(int posts, List<Run> runs, String reload) {
      Set<String> names = new LinkedHashSet<>();
      runs.forEach(r -> names.addAll(r.stages().keySet()));
      Map<String, Long> stages = new LinkedHashMap<>();
      for (String name : names) {
        stages.put(name, median(runs.stream().filter(r -> r.stages().containsKey(name)).mapToLong(r -> r.stages().get(name)).toArray()));
      }
      long[] peaks = runs.stream().filter(r -> r.peakKib().isPresent()).mapToLong(r -> r.peakKib().getAsLong()).toArray();
      return new Row(posts, runs.get(runs.size() - 1).files(), runs.get(runs.size() - 1).htmlFiles(),
          median(runs.stream().mapToLong(Run::wallMillis).toArray()) / 1000.0,
          peaks.length == 0 ? OptionalLong.empty() : OptionalLong.of(median(peaks)), stages, reload);
    }
  }

  /** The median; of an even count, the lower middle (a value that was measured). */
  static long median(long[] values) {
    long[] v = values.clone();
    java.util.Arrays.sort(v);
    return v[(v.length - 1) / 2];
  }

  /** The table, in Markdown, so it can be pasted as is. */
  String table(List<Row> rows) {
    Set<String> stageNames = new LinkedHashSet<>();
    rows.forEach(r -> stageNames.addAll(r.stages().keySet()));
    List<String> header = new ArrayList<>(List.of("posts", "output files", "wall s", "pages/s", "peak RSS MiB"));
    stageNames.forEach(s -> header.add(s + " ms"));
    header.add("edit→reload ms");
    List<List<String>> cells = new ArrayList<>();
    for (Row r : rows) {
      List<String> c = new ArrayList<>();
      c.add(String.format(Locale.ROOT, "%,d", r.posts()));
      c.add(String.format(Locale.ROOT, "%,d", r.files()));
      c.add(String.format(Locale.ROOT, "%.2f", r.wallSeconds()));
      c.add(String.format(Locale.ROOT, "%,.0f", r.htmlFiles() / r.wallSeconds()));
      c.add(r.peakKib().isPresent() ? String.format(Locale.ROOT, "%,d", r.peakKib().getAsLong() / 1024) : "n/a");
      stageNames.forEach(s -> c.add(r.stages().containsKey(s) ? String.format(Locale.ROOT, "%,d", r.stages().get(s)) : "–"));
      c.add(r.reload());
      cells.add(c);
    }
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> c : cells) {
        width[i] = Math.max(width[i], c.get(i).length());
      }
    }
    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT, "%nInkstone benchmark, %s: clean `./inkstone build -v`, median of %d run%s; %d cores, builds on Java %s (the launcher's), edits on Java %s%s%n%n",
        LocalDate.now(), runs, runs == 1 ? "" : "s", Runtime.getRuntime().availableProcessors(), launcherJava(),
        System.getProperty("java.specification.version"),
        System.getenv("INKSTONE_JAVA_OPTS") == null ? "" : ", INKSTONE_JAVA_OPTS=" + System.getenv("INKSTONE_JAVA_OPTS")));
    line(t, header, width, false);
    StringBuilder rule = new StringBuilder("|");
    for (int i = 0; i < width.length; i++) {
      rule.append(' ').append("-".repeat(Math.max(1, width[i] - 1))).append(": |");
    }
    t.append(rule).append('\n');
    for (List<String> c : cells) {
      line(t, c, width, true);
    }
    t.append(String.format(Locale.ROOT, "%npages/s: HTML files written per wall second. Peak RSS: %s.%n"
            + "Stages: as `inkstone build -v` prints them, inside the JVM; wall time adds JVM start and exit.%n"
            + "edit→reload: median time from saving one post to the reload event of a warm `inkstone serve` (%d edits).%n",
        timeTool != null ? "GNU time's maximum resident set size" : "VmHWM sampled from /proc", edits));
    return t.toString();
  }

  /** The JDK major version the launcher chose, as it remembers it in target/java-version. */
  private String launcherJava() {
    try {
      List<String> lines = java.nio.file.Files.readAllLines(project.resolve("target/java-version"));
      return lines.size() > 1 ? lines.get(1).strip() : "?";
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static void line(StringBuilder t, List<String> cells, int[] width, boolean right) {
    t.append('|');
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      t.append(' ').append(right ? pad + c : c + pad).append(" |");
    }
    t.append('\n');
  }

  /** A failure that ends the benchmark with a message, not a stack trace. */
  static final class BenchException extends RuntimeException {
    BenchException(String message) {
      super(message);
    }
  }
}
