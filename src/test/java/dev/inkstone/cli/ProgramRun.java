package dev.inkstone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One run of a program (the launcher, a JVM) in a folder, as a user would start it, and what it printed. */
record ProgramRun(int code, String out, String err) {

  /**
   * Runs {@code cmd} in {@code dir} with this process's environment as {@code environment} leaves
   * it; fails the test if it takes longer than {@code seconds}.
   */
  static ProgramRun of(Path dir, List<String> cmd, Consumer<Map<String, String>> environment, long seconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    environment.accept(pb.environment());
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("%s finished", cmd.get(0)).isTrue();
    return new ProgramRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
