package dev.inkstone.check;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What to check and how.
 *
 * @param blogRoot the blog folder
 * @param external also request links to other sites
 * @param maxImageBytes an image larger than this is reported
 * @param timeout how long one external request may take
 * @param cacheFile where external results are kept between runs, or null for no cache
 * @param cacheFor how long a good external result is trusted
 */
public record CheckRequest(Path blogRoot, boolean external, long maxImageBytes, Duration timeout, Path cacheFile, Duration cacheFor) {

  /** The defaults of {@code inkstone check}: images up to 500 KiB, 10 s timeouts, results kept for a day. */
  public static CheckRequest of(Path blogRoot, boolean external) {
    return new CheckRequest(blogRoot, external, 500 * 1024, Duration.ofSeconds(10),
        blogRoot.resolve(".inkstone").resolve("cache").resolve("external-links.tsv"), Duration.ofHours(24));
  }

  public CheckRequest withTimeout(Duration t) {
    return new CheckRequest(blogRoot, external, maxImageBytes, t, cacheFile, cacheFor);
  }

  public CheckRequest withMaxImageBytes(long bytes) {
    return new CheckRequest(blogRoot, external, bytes, timeout, cacheFile, cacheFor);
  }
}
