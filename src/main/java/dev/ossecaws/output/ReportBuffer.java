package dev.ossecaws.output;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable run of bytes that reports are written into, reused from one event to the next and
 * handed to the output stream as it is. Reports are byte strings (one {@code char} per byte), so a
 * string goes in by a copy of its bytes: no StringBuilder, String and charset encoding per event
 * (a CloudTrail event's report is 4 KB, three copies of which made a gigabyte of garbage per
 * hundred thousand events).
 */
public final class ReportBuffer {
  private byte[] bytes = new byte[8192];
  private int length;

  public int length() {
    return length;
  }

  /** Empties the buffer, and gives back the memory a huge report made it take. */
  public void clear() {
    length = 0;
    if (bytes.length > 1 << 20) bytes = new byte[8192];
  }

  /** Appends the byte string {@code s}: each char is one byte; null as "null", as StringBuilder has it. */
  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) keeps each char's low byte: a byte string's bytes
  public ReportBuffer append(String s) {
    if (s == null) s = "null";
    int n = s.length();
    ensure(n);
    s.getBytes(0, n, bytes, length);
    length += n;
    return this;
  }

  public ReportBuffer append(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  /** Appends {@code value} in decimal. */
  public ReportBuffer append(long value) {
    return append(Long.toString(value));
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, ISO_8859_1);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(length + more, 2 * bytes.length));
  }
}
