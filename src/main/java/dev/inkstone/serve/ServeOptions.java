package dev.inkstone.serve;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How to serve.
 *
 * @param source the blog folder
 * @param host the address to listen on; {@code 127.0.0.1} keeps the preview on this machine
 * @param port the port; 0 picks a free one
 * @param drafts include drafts (on by default when serving)
 * @param future include posts dated in the future
 * @param clock the build clock
 */
public record ServeOptions(Path source, String host, int port, boolean drafts, boolean future, Clock clock) {

  public static ServeOptions of(Path source) {
    return new ServeOptions(source, "127.0.0.1", 0, true, false, Clock.systemUTC());
  }

  public ServeOptions withPort(int p) {
    return new ServeOptions(source, host, p, drafts, future, clock);
  }

  public ServeOptions withClock(Clock c) {
    return new ServeOptions(source, host, port, drafts, future, c);
  }
}
