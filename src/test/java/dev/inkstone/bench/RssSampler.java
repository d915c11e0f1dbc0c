package dev.inkstone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak resident memory of a running process when GNU time is not installed: reads {@code VmHWM}
 * (the kernel's own high-water mark) from {@code /proc/PID/status} every few milliseconds until
 * the process ends. The last reading before exit can miss a final rise of a few milliseconds.
 */
final class RssSampler {
  private final Path status;
  private final AtomicLong peakKib = new AtomicLong(-1);
  private final Thread thread;
  private volatile boolean running = true;

  private RssSampler(long pid) {
    this.status = Path.of("/proc", Long.toString(pid), "status");
    this.thread = new Thread(this::loop, "rss-sampler-" + pid);
    thread.setDaemon(true);
  }

  static RssSampler start(long pid) {
    RssSampler s = new RssSampler(pid);
    s.thread.start();
    return s;
  }

  private void loop() {
    while (running) {
      long kib = read(status);
      if (kib > peakKib.get()) {
        peakKib.set(kib);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops sampling; the highest VmHWM seen, if any was readable (no /proc: empty). */
  OptionalLong stop() throws InterruptedException {
    running = false;
    thread.join();
    long kib = peakKib.get();
    return kib < 0 ? OptionalLong.empty() : OptionalLong.of(kib);
  }

  /** VmHWM in KiB from a {@code /proc/PID/status} file, or -1. */
  static long read(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process has ended, or there is no /proc
    }
    return -1;
  }
}
