package dev.inkstone.content;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/** Bytes on disk to the one text form every later stage can rely on. */
final class Text {
  private Text() {}

  /**
   * Strict UTF-8, BOM removed, CRLF and CR turned to LF, Unicode NFC (so that é typed two ways
   * is one tag, one slug).
   */
  static String decode(byte[] bytes, Path file) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never yields more UTF-16 chars than it has bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      throw new ProblemsException(notUtf8(out, bytes, in.position(), file));
    }
    out.flip();
    String text = out.toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.indexOf('\r') >= 0) {
      text = text.replace("\r\n", "\n").replace('\r', '\n');
    }
    if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
      text = Normalizer.normalize(text, Normalizer.Form.NFC);
    }
    return text;
  }

  private static Problem notUtf8(CharSequence before, byte[] bytes, int byteOffset, Path file) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= before.length() || before.charAt(i + 1) != '\n')) {
        line++;
        lineStart = i + 1;
      }
    }
    String lineText = before.subSequence(lineStart, before.length()).toString();
    if (line == 1 && lineText.startsWith("\uFEFF")) {
      lineText = lineText.substring(1);
    }
    int column = lineText.codePointCount(0, lineText.length()) + 1;
    return Problem.at(
        file,
        line,
        column,
        "the file is not valid UTF-8 (bad byte 0x"
            + String.format(Locale.ROOT, "%02X", Byte.toUnsignedInt(bytes[byteOffset]))
            + " at byte offset "
            + byteOffset
            + ")",
        "save the file as UTF-8");
  }
}
