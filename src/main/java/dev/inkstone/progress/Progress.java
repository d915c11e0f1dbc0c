package dev.inkstone.progress;

import java.util.function.BooleanSupplier;

/**
 * Receives progress of long work. The command line shows a bar on a terminal and plain lines in
 * a log; tests pass {@link #NONE}. Implementations must accept calls from several threads.
 */
public interface Progress {
  Progress NONE = new Progress() {
    @Override
    public void begin(String task, int total) {}

    @Override
    public void advance(String item) {}

    @Override
    public void end() {}
  };

  /** A task of {@code total} steps starts, e.g. "uploading" with 120 files. */
  void begin(String task, int total);

  /** One step is done; {@code item} names it (a file, a URL). */
  void advance(String item);

  /** The task is over. */
  void end();

  /** Thrown by a progress that {@link #stoppedWhen} says the work is no longer wanted. */
  final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped: no one waits for it any more", null, false, false);
    }
  }

  /**
   * {@code shown}, except that every call first asks {@code stop}, and throws {@link Stopped}
   * once it says yes: the work stops at its next step, as a command in this process stops at
   * Ctrl-C. For the build daemon, whose client can go away in the middle of a build.
   */
  static Progress stoppedWhen(BooleanSupplier stop, Progress shown) {
    return new Progress() {
      @Override
      public void begin(String task, int total) {
        check();
        shown.begin(task, total);
      }

      @Override
      public void advance(String item) {
        check();
        shown.advance(item);
      }

      @Override
      public void end() {
        shown.end();
      }

      private void check() {
        if (stop.getAsBoolean()) {
          throw new Stopped();
        }
      }
    };
  }
}
