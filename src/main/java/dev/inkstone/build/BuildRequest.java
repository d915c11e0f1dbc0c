package dev.inkstone.build;

import java.nio.file.Path;
import dev.inkstone.progress.Progress;
import java.time.Clock;

/**
 * What to build and how.
 *
 * @param source the blog folder
 * @param out the site folder to write
 * @param drafts include drafts
 * @param future include posts dated in the future
 * @param baseUrl overrides site.yaml's baseUrl when not null
 * @param clock the build clock: future posts and the copyright year are judged by it
 * @param liveReload tell templates that the preview server will inject its script
 * @param progress told how far parsing and rendering are, for a progress bar
 */
public record BuildRequest(Path source, Path out, boolean drafts, boolean future, String baseUrl, Clock clock, boolean liveReload,
    Progress progress) {

  public BuildRequest(Path source, Path out, boolean drafts, boolean future, String baseUrl, Clock clock, boolean liveReload) {
    this(source, out, drafts, future, baseUrl, clock, liveReload, Progress.NONE);
  }

  public static BuildRequest of(Path source, Path out) {
    return new BuildRequest(source, out, false, false, null, Clock.systemUTC(), false);
  }

  public BuildRequest withDrafts(boolean d) {
    return new BuildRequest(source, out, d, future, baseUrl, clock, liveReload, progress);
  }

  public BuildRequest withProgress(Progress p) {
    return new BuildRequest(source, out, drafts, future, baseUrl, clock, liveReload, p);
  }

  public BuildRequest withClock(Clock c) {
    return new BuildRequest(source, out, drafts, future, baseUrl, c, liveReload, progress);
  }
}
