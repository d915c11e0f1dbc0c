package dev.inkstone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.cli.InkstoneCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.inkstone.cli.CommandLine;

class BenchmarkTest {

  @Test
  void what_build_v_prints_gives_the_post_count_and_every_stage_time(@TempDir Path dir) throws Exception {
    CorpusGenerator.write(dir.resolve("blog"), 12, 5);
    StringWriter out = new StringWriter();
    CommandLine cl = InkstoneCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    int code = cl.execute("build", "--source", dir.resolve("blog").toString(), "--out", dir.resolve("site").toString(), "-v");
    assertThat(code).isZero();

    Benchmark.Parsed p = Benchmark.parse(out.toString());
    assertThat(p.posts()).isEqualTo(12);
    assertThat(p.stages()).containsKeys("parse", "render", "write");
    assertThat(p.stages().values()).allMatch(ms -> ms >= 0);
    long[] files = Benchmark.countFiles(dir.resolve("site"));
    assertThat(files[0]).isEqualTo(p.files());
    assertThat(files[1]).isGreaterThan(12).isLessThan(files[0]);
  }

  @Test
  void the_median_is_a_measured_value_and_ignores_one_outlier() {
    assertThat(Benchmark.median(new long[] {900, 100, 120})).isEqualTo(120);
    assertThat(Benchmark.median(new long[] {5, 1, 9, 3})).isEqualTo(3);
    assertThat(Benchmark.median(new long[] {7})).isEqualTo(7);
  }

  @Test
  void the_table_has_one_row_per_size_with_a_column_per_stage_and_the_reload_time(@TempDir Path dir) {
    Benchmark b = new Benchmark(dir, dir, 3, 1, 20, false, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    List<Benchmark.Run> runs = List.of(
        new Benchmark.Run(1000, 5000, 4000, 2100, OptionalLong.of(400 * 1024), stages(800, 500)),
        new Benchmark.Run(1000, 5000, 4000, 1900, OptionalLong.of(420 * 1024), stages(700, 600)),
        new Benchmark.Run(1000, 5000, 4000, 2000, OptionalLong.of(380 * 1024), stages(900, 550)));
    String table = b.table(List.of(Benchmark.Row.of(1000, runs, "n/a (no serve)")));

    List<String> lines = table.lines().filter(l -> l.startsWith("|")).toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("posts", "output files", "wall s", "pages/s", "peak RSS MiB", "parse ms", "render ms", "edit→reload ms");
    assertThat(lines.get(2).split("\\|\\s*")).extracting(String::strip)
        .containsSubsequence("1,000", "5,000", "2.00", "2,000", "400", "800", "550", "n/a (no serve)");
  }

  private static Map<String, Long> stages(long parse, long render) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("parse", parse);
    m.put("render", render);
    return m;
  }

  @Test
  void a_cached_blog_is_reused_and_a_blog_from_another_generator_version_is_made_again(@TempDir Path dir) throws Exception {
    Benchmark b = new Benchmark(dir, dir, 1, CorpusGenerator.DEFAULT_SEED, 1, false,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    Path blog = b.blog(5);
    Path first = blog.resolve(CorpusGenerator.post(CorpusGenerator.DEFAULT_SEED, 1).path());
    Files.writeString(first, "edited");
    assertThat(b.blog(5)).isEqualTo(blog);
    assertThat(first).hasContent("edited");

    Files.writeString(blog.resolve(".inkstone-bench"), "generator 0, seed 1, posts 5\n");
    b.blog(5);
    assertThat(Files.readString(first)).startsWith("---\ntitle:");
  }
}
