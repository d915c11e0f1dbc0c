package dev.inkstone.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * When each file under {@code content/} was last committed, read from one
 * {@code git log --name-only} pass over the history (per-file lookups take seconds on a real
 * blog; one pass takes tens of milliseconds). A folder that is not in a git repository, or a
 * machine without git, simply has no dates.
 */
public final class GitHistory {
  private GitHistory() {}

  /** Blog-relative path with forward slashes → time of the newest commit that touched it. */
  public static Map<String, Instant> lastCommits(Path root) {
    return lastCommits(root, java.util.List.of("content"));
  }

  /** The same, for the files under the given folders of the blog (a Hexo blog keeps its posts in source/). */
  public static Map<String, Instant> lastCommits(Path root, java.util.List<String> folders) {
    if (!isInsideGitRepository(root)) {
      return Map.of();
    }
    try {
      java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git", "-c", "core.quotepath=off", "log", "--format=%x01%ct",
          "--name-only", "--no-renames", "--relative", "--"));
      command.addAll(folders);
      Process p = new ProcessBuilder(command)
          .directory(root.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      String text;
      try (InputStream in = p.getInputStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Map.of();
      }
      return parse(text);
    } catch (IOException e) {
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    }
  }

  /** Newest commits come first in git log, so the first time a path is seen is its last change. */
  static Map<String, Instant> parse(String log) {
    Map<String, Instant> out = new HashMap<>();
    Instant current = null;
    for (String line : log.split("\n")) {
      if (line.startsWith("\u0001")) {
        current = Instant.ofEpochSecond(Long.parseLong(line.substring(1).trim()));
      } else if (!line.isBlank() && current != null) {
        out.putIfAbsent(line.trim(), current);
      }
    }
    return Map.copyOf(out);
  }

  private static boolean isInsideGitRepository(Path root) {
    for (Path p = root.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return true;
      }
    }
    return false;
  }
}
