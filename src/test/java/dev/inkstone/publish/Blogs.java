package dev.inkstone.publish;

import dev.inkstone.build.TestSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A small blog to publish, and helpers to compare folders and to ask the real git. */
final class Blogs {
  private Blogs() {}

  static TestSite blog(Path root, String siteYamlExtra) {
    return TestSite.write(root, """
        -- content/site.yaml --
        title: Pub
        baseUrl: https://example.org/
        """ + siteYamlExtra + """

        -- content/posts/first.md --
        ---
        title: First
        date: 2024-01-01
        ---
        Hello.
        -- content/posts/second.md --
        ---
        title: Second
        date: 2024-02-01
        ---
        World.
        -- content/static/logo.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        -- content/static/css/app.3f2a9c1b.css --
        body { color: black }
        """);
  }

  /** Every file under a folder with its bytes as text, by slashed path; {@code .git} left out. */
  static Map<String, String> tree(Path dir) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (!rel.startsWith(".git/")) {
          out.put(rel, Files.readString(p, StandardCharsets.ISO_8859_1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static String git(Path dir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
