package dev.ossecaws.pattern;

import java.nio.charset.StandardCharsets;

/**
 * Strict RFC 3629 UTF-8 over byte strings (spec/regex.md §2.8): no overlong forms, no surrogates,
 * nothing above U+10FFFF. PCRE2 in UTF mode refuses any other subject.
 */
final class Utf8 {
  private Utf8() {}

  /** Whether {@code bytes} from {@code from} on is plain ASCII: valid UTF-8, and already its own decoding. */
  static boolean isAscii(String bytes, int from) {
    for (int i = from, n = bytes.length(); i < n; i++) {
      if (bytes.charAt(i) >= 0x80) return false;
    }
    return true;
  }

  /** The text {@code bytes} from {@code from} on decodes to, with its byte offsets; null if invalid. */
  static Decoded decode(String bytes, int from) {
    int n = bytes.length();
    char[] text = new char[n - from];
    int[] byteOffsets = new int[n - from + 1];
    int length = 0;
    int i = from;
    while (i < n) {
      int b0 = bytes.charAt(i);
      int size;
      int codePoint;
      if (b0 < 0x80) {
        size = 1;
        codePoint = b0;
      } else if (b0 >= 0xC2 && b0 <= 0xDF) {
        size = 2;
        codePoint = b0 & 0x1F;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        size = 3;
        codePoint = b0 & 0x0F;
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        size = 4;
        codePoint = b0 & 0x07;
      } else {
        return null;
      }
      if (i + size > n) return null;
      for (int k = 1; k < size; k++) {
        int b = bytes.charAt(i + k);
        if ((b & 0xC0) != 0x80) return null;
        codePoint = (codePoint << 6) | (b & 0x3F);
      }
      if (size == 3 && (codePoint < 0x800 || (codePoint >= 0xD800 && codePoint <= 0xDFFF))) return null;
      if (size == 4 && (codePoint < 0x10000 || codePoint > 0x10FFFF)) return null;
      byteOffsets[length] = i - from;
      if (codePoint < 0x10000) {
        text[length++] = (char) codePoint;
      } else {
        text[length++] = Character.highSurrogate(codePoint);
        byteOffsets[length] = i - from;
        text[length++] = Character.lowSurrogate(codePoint);
      }
      i += size;
    }
    byteOffsets[length] = n - from;
    return new Decoded(new String(text, 0, length), byteOffsets);
  }

  /**
   * A pattern's bytes as text. PCRE2 is told not to check patterns, so invalid UTF-8 in one is
   * undefined there; here each invalid sequence becomes U+FFFD.
   */
  static String decodeLeniently(String bytes) {
    if (isAscii(bytes, 0)) return bytes;
    return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /**
   * A decoded subject. {@code byteOffsets[c]} is the byte offset of char {@code c}, relative to
   * where decoding started; matches never end inside a surrogate pair.
   */
  record Decoded(String text, int[] byteOffsets) {}
}
