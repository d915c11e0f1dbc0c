package dev.inkstone.publish;

import dev.inkstone.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Commits the site to a branch and pushes it, with the user's own {@code git}: their SSH keys,
 * credential helpers and proxy settings work as for any push. The branch is fetched, its tree
 * replaced by the site, and a commit made only when something changed, on top of the branch's
 * history. A push is all or nothing, so the served branch is always one whole version.
 */
final class GitPublisher {
  private static final long TIMEOUT_MINUTES = 15;

  private GitPublisher() {}

  static PublishResult publish(Map<String, SiteFiles.Entry> site, Target.Git target, boolean dryRun, Progress progress) {
    Map<String, SiteFiles.Entry> files = new LinkedHashMap<>(site);
    if (target.cname() != null && !target.cname().isBlank()) {
      files.put("CNAME", SiteFiles.Entry.of("CNAME", (target.cname().trim() + "\n").getBytes(StandardCharsets.UTF_8)));
    }
    if (target.nojekyll()) {
      files.put(".nojekyll", SiteFiles.Entry.of(".nojekyll", new byte[0]));
    }
    Path work;
    try {
      work = Files.createTempDirectory("inkstone-publish-git");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      progress.begin("fetching " + target.branch(), 1);
      boolean exists = branchExists(target, work);
      if (exists) {
        List<String> clone = new ArrayList<>(List.of("git", "clone", "--quiet", "--single-branch", "--branch", target.branch()));
        if (isRemote(target.repo())) {
          clone.addAll(List.of("--depth", "1"));
        }
        clone.addAll(List.of("--", target.repo(), work.resolve("w").toString()));
        run(work, "cannot fetch branch " + target.branch() + " of " + target.repo(), clone);
      } else {
        run(work, "cannot start a git repository", List.of("git", "init", "--quiet", work.resolve("w").toString()));
        run(work.resolve("w"), "cannot name the branch", List.of("git", "symbolic-ref", "HEAD", "refs/heads/" + target.branch()));
      }
      progress.advance(target.branch());
      progress.end();
      Path w = work.resolve("w");
      Plan plan = DirPublisher.mirror(files, w, p -> p.equals(".git") || p.startsWith(".git/"), dryRun, progress);
      if (dryRun || plan.added().isEmpty() && plan.changed().isEmpty() && plan.deleted().isEmpty()) {
        String note = plan.added().isEmpty() && plan.changed().isEmpty() && plan.deleted().isEmpty()
            ? "branch " + target.branch() + " already has this site; no commit made" : "";
        return plan.result(target.name(), dryRun, note);
      }
      run(w, "cannot stage the site", List.of("git", "add", "--all", "."));
      List<String> commit = new ArrayList<>(List.of("git"));
      if (run(w, "", List.of("git", "config", "user.email"), true).isBlank()) {
        commit.addAll(List.of("-c", "user.name=Inkstone", "-c", "user.email=inkstone@localhost"));
      }
      commit.addAll(List.of("commit", "--quiet", "--no-verify", "-m", target.message()));
      run(w, "cannot commit the site", commit);
      String sha = run(w, "cannot read the commit", List.of("git", "rev-parse", "--short", "HEAD")).trim();
      progress.begin("pushing " + target.branch(), 1);
      run(w, "cannot push to " + target.repo(), List.of("git", "push", "--quiet", "--", target.repo(), "HEAD:refs/heads/" + target.branch()));
      progress.advance(target.branch());
      progress.end();
      return plan.result(target.name(), false, "committed " + sha + " to " + target.branch() + " and pushed");
    } finally {
      deleteQuietly(work);
    }
  }

  private static boolean branchExists(Target.Git target, Path work) {
    Result r = exec(work, List.of("git", "ls-remote", "--exit-code", "--heads", "--", target.repo(), "refs/heads/" + target.branch()));
    if (r.code == 0) {
      return true;
    }
    if (r.code == 2) {
      return false;
    }
    throw failure("cannot reach " + target.repo(), r);
  }

  /**
   * Where a repository given as {@code repo} is: a URL or scp-like address as it is, a path made
   * absolute against {@code relativeTo}; null stays null.
   */
  public static String address(String repo, Path relativeTo) {
    if (repo == null || isRemote(repo) || repo.startsWith("file://")) {
      return repo;
    }
    return relativeTo.resolve(repo).toAbsolutePath().normalize().toString();
  }

  /** A URL or scp-like address, as opposed to a path on this machine. */
  static boolean isRemote(String repo) {
    return repo.contains("://") && !repo.startsWith("file://") || repo.matches("^[^/\\\\]+@[^:]+:.*");
  }

  private static String run(Path dir, String what, List<String> command) {
    return run(dir, what, command, false);
  }

  private static String run(Path dir, String what, List<String> command, boolean mayFail) {
    Result r = exec(dir, command);
    if (r.code != 0 && !mayFail) {
      throw failure(what, r);
    }
    return r.code == 0 ? r.out : "";
  }

  private static PublishException failure(String what, Result r) {
    String detail = r.err.isBlank() ? r.out.trim() : r.err.trim();
    String hint = detail.contains("Permission denied") || detail.contains("Authentication failed")
        || detail.contains("could not read Username") || detail.contains("terminal prompts disabled")
        ? "git could not log in: check that `git push` to this repository works in a terminal (SSH key, credential helper or token)"
        : "check the repository address and that `git` can reach it; nothing was changed on the branch";
    return new PublishException(what + ": " + detail, hint);
  }

  private record Result(int code, String out, String err) {}

  private static Result exec(Path dir, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    // never wait for a password on a terminal the user may not be watching
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.environment().put("LC_ALL", "C");
    try {
      Path errFile = Files.createTempFile("inkstone-git", ".err");
      try {
        pb.redirectError(errFile.toFile());
        Process p;
        try {
          p = pb.start();
        } catch (IOException e) {
          throw new PublishException("cannot run git: " + e.getMessage(), "install git and make sure it is on the PATH");
        }
        p.getOutputStream().close();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
          out = in.readAllBytes();
        }
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new PublishException("git did not finish in " + TIMEOUT_MINUTES + " minutes: " + String.join(" ", command),
              "check the network and the repository; run publish again");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(errFile, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(errFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while running git", "run publish again");
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary folder is harmless
    }
  }
}
