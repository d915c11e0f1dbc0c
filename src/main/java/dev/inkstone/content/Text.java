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
    // The String constructor is the JDK's fast path, but it turns bad bytes into U+FFFD: only a
    // text that holds U+FFFD (bad bytes, or the character itself) is decoded again strictly.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      text = strict(bytes, file);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.indexOf('\r') >= 0) {
      text = text.replace("\r\n", "\n").replace('\r', '\n');
    }
    if (!surelyNfc(text) && !Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
      text = Normalizer.normalize(text, Normalizer.Form.NFC);
    }
    return text;
  }

  private static String strict(byte[] bytes, Path file) {
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
    return out.toString();
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

  /**
   * A quick pass that answers for nearly every real post: text made only of characters below the
   * combining marks (U+0300), CJK punctuation, kana without the combining sound marks, unified
   * ideographs and full-width forms cannot change under NFC. The full check is slow on long
   * Chinese text.
   */
  static boolean surelyNfc(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x300 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x3098) || (c >= 0x309B && c <= 0x30FF)
          || (c >= 0xFF00 && c <= 0xFFEF) || c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2026) {
        continue;
      }
      return false;
    }
    return true;
  }
}
