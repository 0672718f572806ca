package dev.ossecaws.output;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable run of bytes that reports are written into and that goes to its stream as it is: no
 * StringBuilder, String or encoder between an event's byte strings and the output. Reused from
 * event to event, it makes no garbage once it has grown to the largest report.
 *
 * <p>Strings appended are byte strings (one {@code char} per byte, as events' strings are).
 */
public final class ReportBuffer {
  private byte[] bytes;
  private int length;

  public ReportBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  public int length() {
    return length;
  }

  /** Appends the bytes of {@code byteString}. */
  public ReportBuffer append(String byteString) {
    return append(byteString, 0, byteString.length());
  }

  /**
   * Appends the bytes {@code [from, to)} of {@code byteString}. String.getBytes(int, int, byte[],
   * int) is deprecated because it keeps only the low byte of each char: a byte string's byte, and
   * for a Latin-1 string one array copy.
   */
  @SuppressWarnings("deprecation")
  ReportBuffer append(String byteString, int from, int to) {
    ensure(to - from);
    byteString.getBytes(from, to, bytes, length);
    length += to - from;
    return this;
  }

  /** Appends the byte {@code c} stands for. */
  public ReportBuffer append(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  public ReportBuffer append(byte[] source) {
    ensure(source.length);
    System.arraycopy(source, 0, bytes, length, source.length);
    length += source.length;
    return this;
  }

  /** Appends a copy of the bytes {@code [from, to)} already written. */
  ReportBuffer appendWritten(int from, int to) {
    ensure(to - from);
    System.arraycopy(bytes, from, bytes, length, to - from);
    length += to - from;
    return this;
  }

  /** Appends {@code number} in decimal, as Long.toString writes it. */
  public ReportBuffer append(long number) {
    long rest = number < 0 ? number : -number; // negative, which Long.MIN_VALUE is too
    int digits = 1;
    for (long left = rest; left <= -10; left /= 10) digits++;
    ensure(digits + 1);
    if (number < 0) bytes[length++] = '-';
    for (int at = length + digits - 1; at >= length; at--) {
      bytes[at] = (byte) ('0' - rest % 10);
      rest /= 10;
    }
    length += digits;
    return this;
  }

  /** Makes room for {@code more} bytes; returns the array, to be written from {@link #length()} on. */
  byte[] room(int more) {
    ensure(more);
    return bytes;
  }

  /** Ends the bytes at {@code newLength}: those written into {@link #room}'s array, or fewer. */
  void setLength(int newLength) {
    length = newLength;
  }

  /** Writes the bytes to {@code out} and empties the buffer. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
    length = 0;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  /** The bytes as a byte string. */
  @Override
  public String toString() {
    return new String(bytes, 0, length, ISO_8859_1);
  }

  private void ensure(int more) {
    if (bytes.length - length < more) bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
  }
}
