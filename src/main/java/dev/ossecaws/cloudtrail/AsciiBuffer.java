package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable run of ASCII bytes that JSON text is written into as {@link AsciiJson} writes it
 * (the same escapes), for lines that go to a stream as bytes: no StringBuilder, String or
 * charset encoding between the parser's characters and the output.
 */
final class AsciiBuffer {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(ISO_8859_1);

  private byte[] bytes;
  private int length;

  AsciiBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  int length() {
    return length;
  }

  /** Forgets everything from {@code newLength} on. */
  void truncate(int newLength) {
    length = newLength;
  }

  /** Empties the buffer, and gives back the memory a huge line made it take. */
  void clear(int capacity) {
    length = 0;
    if (bytes.length > 4 * capacity) bytes = new byte[capacity];
  }

  void append(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
  }

  /** Appends {@code s}, which must be ASCII, as it is: numbers, literals. */
  void appendAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) bytes[length + i] = (byte) s.charAt(i);
    length += n;
  }

  /** Appends bytes {@code [from, to)} of {@code source}. */
  void append(byte[] source, int from, int to) {
    ensure(to - from);
    System.arraycopy(source, from, bytes, length, to - from);
    length += to - from;
  }

  /** Copies bytes {@code [from, to)} into {@code into} at 0, growing it if need be; returns it. */
  byte[] copy(int from, int to, byte[] into) {
    byte[] target = into.length >= to - from ? into : new byte[Math.max(to - from, 2 * into.length)];
    System.arraycopy(bytes, from, target, 0, to - from);
    return target;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  String substring(int from, int to) {
    return new String(bytes, from, to - from, ISO_8859_1); // ASCII: each byte is its character
  }

  /** Appends {@code s} as a quoted JSON string, ASCII only (names, once each: see LineWriter's cache). */
  void appendString(String s) {
    appendString(s.toCharArray(), 0, s.length());
  }

  /** Appends {@code chars[offset, offset + count)} as a quoted JSON string, ASCII only. */
  void appendString(char[] chars, int offset, int count) {
    ensure(count + 2);
    byte[] b = bytes;
    int at = length;
    b[at++] = '"';
    for (int i = offset, end = offset + count; i < end; i++) {
      char c = chars[i];
      if (c < 0x80 && AsciiJson.ESCAPES[c] == 0) {
        b[at++] = (byte) c;
      } else {
        length = at;
        escape(c, end - i);
        b = bytes;
        at = length;
      }
    }
    b[at++] = '"';
    length = at;
  }

  /** Appends the escape of {@code c}, with room left for the {@code left - 1} characters after it and a quote. */
  private void escape(char c, int left) {
    ensure(6 + left);
    int letter = c < 0x80 ? AsciiJson.ESCAPES[c] : -1;
    bytes[length++] = '\\';
    if (letter > 0) {
      bytes[length++] = (byte) letter;
    } else {
      bytes[length++] = 'u';
      bytes[length++] = HEX[c >> 12];
      bytes[length++] = HEX[(c >> 8) & 0xf];
      bytes[length++] = HEX[(c >> 4) & 0xf];
      bytes[length++] = HEX[c & 0xf];
    }
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  private void ensure(int more) {
    if (bytes.length - length < more) bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
  }
}
