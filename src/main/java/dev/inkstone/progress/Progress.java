package dev.inkstone.progress;

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
}
