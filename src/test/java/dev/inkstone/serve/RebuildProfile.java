package dev.inkstone.serve;

import dev.inkstone.build.BuildCache;
import dev.inkstone.build.BuildRequest;
import dev.inkstone.build.BuildResult;
import dev.inkstone.build.SiteBuild;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/** Profiling aid, not a test: rebuilds after one post edit in a loop and prints stage times. */
public final class RebuildProfile {
  public static void main(String[] args) throws Exception {
    Path blog = Path.of(args[0]).toAbsolutePath().normalize();
    int n = Integer.parseInt(args[1]);
    BuildRequest request = new BuildRequest(blog, null, true, false, "http://127.0.0.1:1313/", Clock.systemUTC(), true);
    BuildCache cache = new BuildCache();
    SiteBuild.rebuild(request, cache, List.of());
    Path post;
    try (Stream<Path> s = Files.walk(blog.resolve("content/posts"))) {
      post = s.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
    byte[] original = Files.readAllBytes(post);
    try {
      for (int i = 0; i < n; i++) {
        Files.writeString(post, new String(original, StandardCharsets.UTF_8) + "\n\nEdit " + i + ": " + "more ".repeat(i % 7 + 1) + "\n", StandardCharsets.UTF_8);
        long t = System.nanoTime();
        BuildResult r = SiteBuild.rebuild(request, cache, List.of(post));
        System.out.println((System.nanoTime() - t) / 1_000_000 + " ms " + r.stageMillis() + " rendered " + cache.rendered());
      }
    } finally {
      Files.write(post, original);
    }
  }
}
