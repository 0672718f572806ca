package dev.ossecaws.output;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A byte string read as UTF-8, written as a quoted JSON string byte for byte as Jackson's UTF-8
 * generator writes that text: {@code \" \\ \b \t \n \f \r}, other control characters as a
 * backslash and {@code u00XX}, U+007F and {@code /} as they are, characters beyond U+FFFF as their
 * two surrogates so escaped ({@code uD83D}, {@code uDE00}), everything else as its UTF-8 (so
 * well-formed UTF-8 is copied). A string with an ill-formed sequence is read as String(bytes,
 * UTF_8) reads it (U+FFFD for each bad sequence), then written.
 *
 * <p>Measured on CloudTrail lines, under load: the generator and its copies took 14 us an event,
 * this 5-6.
 */
final class JsonString {
  /** For each ASCII character, what follows its backslash: a letter, 'u' for {@code u00XX}, or 0 (none). */
  private static final byte[] ESCAPES = new byte[0x80];
  /** The bytes written as they are without a look at what follows: ASCII that needs no escape. */
  private static final boolean[] PLAIN = new boolean[0x100];
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(ISO_8859_1);

  static {
    for (int c = 0; c < 0x80; c++) PLAIN[c] = c >= 0x20 && c != '"' && c != '\\';
    for (int c = 0; c < 0x20; c++) ESCAPES[c] = 'u';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
  }

  private JsonString() {}

  /** Writes {@code byteString}, or {@code null}. */
  static void write(ReportBuffer out, String byteString) {
    if (byteString == null) {
      out.append("null");
    } else {
      write(out, byteString, 0, byteString.length());
    }
  }

  /**
   * Writes the bytes {@code [from, to)} of {@code byteString}: copied at once, as most strings need
   * no escape, then, from the first byte that is not plain ASCII if there is one, escaped in place.
   */
  static void write(ReportBuffer out, String byteString, int from, int to) {
    int start = out.length();
    out.append('"').append(byteString, from, to);
    byte[] bytes = out.room(0);
    int end = out.length();
    int plainEnd = start + 1;
    while (plainEnd < end && PLAIN[bytes[plainEnd] & 0xff]) plainEnd++;
    if (plainEnd < end && !escapeTail(out, plainEnd)) {
      out.setLength(start);
      write(out, asRead(byteString.substring(from, to))); // well-formed now
      return;
    }
    out.append('"');
  }

  /**
   * Escapes the bytes written from {@code from} on, in the buffer's own array: they are moved out of
   * the way first, to where the escapes (six bytes at most for each) can never overtake them, and
   * read from there (CloudTrail's lines hold a quote every few bytes). False, the buffer's length
   * left to be reset, if they hold ill-formed UTF-8.
   */
  private static boolean escapeTail(ReportBuffer out, int from) {
    int rest = out.length() - from;
    byte[] bytes = out.room(5 * rest);
    int read = from + 5 * rest;
    int end = read + rest;
    System.arraycopy(bytes, from, bytes, read, rest);
    int at = from;
    while (read < end) {
      int c = bytes[read] & 0xff;
      if (PLAIN[c]) {
        bytes[at++] = (byte) c;
        read++;
      } else if (c < 0x80) {
        byte letter = ESCAPES[c];
        if (letter != 'u') {
          bytes[at++] = '\\';
          bytes[at++] = letter;
        } else {
          at = unicodeEscape(bytes, at, (char) c);
        }
        read++;
      } else {
        int length = sequenceLength(bytes, read, end);
        if (length == 0) return false;
        if (length == 4) {
          at = surrogates(bytes, at, bytes, read);
        } else {
          for (int k = read; k < read + length; k++) bytes[at++] = bytes[k];
        }
        read += length;
      }
    }
    out.setLength(at);
    return true;
  }

  /** The UTF-8 bytes, as a byte string, of the text String(bytes, UTF_8) reads {@code byteString} as. */
  static String asRead(String byteString) {
    String text = new String(byteString.getBytes(ISO_8859_1), UTF_8);
    return new String(text.getBytes(UTF_8), ISO_8859_1);
  }

  /** The character of the 4-byte sequence at {@code at}, as Jackson writes it: two escaped surrogates. */
  private static int surrogates(byte[] bytes, int at, byte[] source, int from) {
    int codePoint = (source[from] & 0x07) << 18 | (source[from + 1] & 0x3f) << 12
        | (source[from + 2] & 0x3f) << 6 | source[from + 3] & 0x3f;
    return unicodeEscape(bytes, unicodeEscape(bytes, at, Character.highSurrogate(codePoint)),
        Character.lowSurrogate(codePoint));
  }

  /** Writes the six bytes of {@code c}'s escape (backslash, u, four hex digits) at {@code at}; returns where they end. */
  private static int unicodeEscape(byte[] bytes, int at, char c) {
    bytes[at] = '\\';
    bytes[at + 1] = 'u';
    bytes[at + 2] = HEX[c >> 12];
    bytes[at + 3] = HEX[(c >> 8) & 0xf];
    bytes[at + 4] = HEX[(c >> 4) & 0xf];
    bytes[at + 5] = HEX[c & 0xf];
    return at + 6;
  }

  /**
   * The length of the well-formed UTF-8 sequence at {@code at} (before {@code to}), 0 if there is
   * none (Unicode's table 3-7: no overlong forms, no surrogates, nothing beyond U+10FFFF).
   */
  private static int sequenceLength(byte[] bytes, int at, int to) {
    int lead = bytes[at] & 0xff;
    int length;
    int secondMin = 0x80;
    int secondMax = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead == 0xe0) secondMin = 0xa0;
      if (lead == 0xed) secondMax = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead == 0xf0) secondMin = 0x90;
      if (lead == 0xf4) secondMax = 0x8f;
    } else {
      return 0;
    }
    if (to - at < length) return 0;
    int second = bytes[at + 1] & 0xff;
    if (second < secondMin || second > secondMax) return 0;
    for (int i = at + 2; i < at + length; i++) {
      int next = bytes[i] & 0xff;
      if (next < 0x80 || next > 0xbf) return 0;
    }
    return length;
  }
}
