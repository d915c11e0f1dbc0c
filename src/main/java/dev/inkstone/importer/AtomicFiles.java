package dev.inkstone.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/** Writes files whole or not at all: to a temporary file beside the target, then one atomic move. */
final class AtomicFiles {
  private AtomicFiles() {}

  /** @return true when the file was written, false when it already held these bytes */
  static boolean write(Path target, byte[] bytes) {
    try {
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
        return false;
      }
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".inkstone-", ".tmp");
      try {
        Files.write(tmp, bytes);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean write(Path target, String text) {
    return write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  static boolean copy(Path from, Path target) {
    try {
      return write(target, Files.readAllBytes(from));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
