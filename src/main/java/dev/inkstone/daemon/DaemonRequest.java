package dev.inkstone.daemon;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One request from the launcher: what to do ({@code run} a command, {@code stop}), where it was
 * typed, whether a terminal watches, and the command's arguments.
 *
 * <p>On the wire every field ends in a NUL byte, as bash writes them with {@code printf '%s\0'}:
 * the token, the verb, the working folder, {@code 1} or {@code 0} for a terminal, the number of
 * arguments, then the arguments. Text is UTF-8.
 */
public record DaemonRequest(String verb, Path workingDir, boolean terminal, List<String> args, BooleanSupplier clientGone) {
  /** A field longer than this is not from the launcher. */
  private static final int MAX_FIELD = 1 << 16;
  private static final int MAX_ARGS = 1000;

  public DaemonRequest {
    args = List.copyOf(args);
  }

  /** A request whose client, as far as anyone knows, waits for the answer. */
  public DaemonRequest(String verb, Path workingDir, boolean terminal, List<String> args) {
    this(verb, workingDir, terminal, args, () -> false);
  }

  /** This request, its client gone once {@code gone} says so. */
  DaemonRequest withClientGone(BooleanSupplier gone) {
    return new DaemonRequest(verb, workingDir, terminal, args, gone);
  }

  /** A request the daemon turns away: wrong token, or not the launcher's format. */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /** Reads one request; {@code token} must come first, or nothing else is read. */
  static DaemonRequest read(InputStream in, String token) throws IOException, Refused {
    byte[] given = field(in);
    if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
      throw new Refused("wrong token");
    }
    String verb = text(in);
    String dir = text(in);
    boolean terminal = "1".equals(text(in));
    int count;
    try {
      count = Integer.parseInt(text(in));
    } catch (NumberFormatException e) {
      throw new Refused("argument count is not a number");
    }
    if (count < 0 || count > MAX_ARGS) {
      throw new Refused("argument count out of range: " + count);
    }
    List<String> args = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      args.add(text(in));
    }
    try {
      return new DaemonRequest(verb, Path.of(dir), terminal, args);
    } catch (InvalidPathException e) {
      throw new Refused("working folder is not a path: " + dir);
    }
  }

  private static String text(InputStream in) throws IOException, Refused {
    return new String(field(in), StandardCharsets.UTF_8);
  }

  private static byte[] field(InputStream in) throws IOException, Refused {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != 0; c = in.read()) {
      if (c < 0) {
        throw new EOFException("request ended early");
      }
      if (b.size() == MAX_FIELD) {
        throw new Refused("field longer than " + MAX_FIELD + " bytes");
      }
      b.write(c);
    }
    return b.toByteArray();
  }
}
