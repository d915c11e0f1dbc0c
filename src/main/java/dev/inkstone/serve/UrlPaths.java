package dev.inkstone.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a request's raw path into a site path, refusing anything that could climb out of the site. */
final class UrlPaths {
  private UrlPaths() {}

  /**
   * The decoded path, or {@code null} when it is malformed or unsafe: not absolute, a backslash
   * (raw or encoded), a NUL, a {@code .} or {@code ..} segment (raw or encoded), a drive letter.
   */
  static String decode(String raw) {
    if (raw == null || !raw.startsWith("/") || raw.indexOf('\\') >= 0) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    String path;
    try {
      path = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.contains("//") || path.contains(":")) {
      return null;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return null;
      }
    }
    return path;
  }
}
