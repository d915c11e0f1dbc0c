package dev.inkstone.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A blog written inline in a test: sections headed {@code -- content/posts/a.md --} become files
 * in a temporary folder, which is then built and read back with jsoup.
 */
public final class TestSite {
  /** The clock every test build runs on: the build year is 2026. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  private final Path root;

  private TestSite(Path root) {
    this.root = root;
  }

  public static TestSite write(Path root, String files) {
    TestSite site = new TestSite(root);
    site.add(files);
    return site;
  }

  /** Adds or replaces files, in the same {@code -- path --} format. */
  public TestSite add(String files) {
    String current = null;
    StringBuilder body = new StringBuilder();
    for (String line : files.split("\n", -1)) {
      if (line.startsWith("-- ") && line.endsWith(" --")) {
        flush(current, body);
        current = line.substring(3, line.length() - 3).trim();
        body.setLength(0);
      } else if (current != null) {
        body.append(line).append('\n');
      }
    }
    flush(current, body);
    return this;
  }

  private void flush(String path, StringBuilder body) {
    if (path == null) {
      return;
    }
    try {
      Path p = root.resolve(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, body.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }

  public Path out() {
    return root.resolve("site");
  }

  public BuildRequest request() {
    return BuildRequest.of(root, out()).withClock(CLOCK);
  }

  public BuildResult build() {
    return SiteBuild.run(request());
  }

  /** Builds and fails the test with every problem if the build did not succeed. */
  public TestSite buildOk() {
    BuildResult r = build();
    if (!r.ok()) {
      StringBuilder sb = new StringBuilder("build failed:\n");
      r.problems().forEach(p -> sb.append(p.format()).append('\n'));
      throw new AssertionError(sb.toString());
    }
    return this;
  }

  public boolean exists(String sitePath) {
    return Files.exists(out().resolve(sitePath));
  }

  public String text(String sitePath) {
    try {
      return Files.readString(out().resolve(sitePath), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Document html(String sitePath) {
    return Jsoup.parse(text(sitePath), "https://example.org/");
  }
}
