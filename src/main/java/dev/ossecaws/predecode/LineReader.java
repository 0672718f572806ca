package dev.ossecaws.predecode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads input the way ossec-logtest does (spec/predecoding.md §1, limits.md §1): chunks of at most
 * {@value #CHUNK} bytes up to and including a newline; one trailing newline removed; a NUL ends the
 * chunk's text; chunks left with fewer than 2 bytes are skipped. Lines are byte strings.
 */
public final class LineReader {
  /** OSSEC's 6144-byte message buffer minus {@code "1:stdin:"} and the terminating NUL. */
  static final int CHUNK = 6135;

  private final InputStream in;
  private final byte[] chunk = new byte[CHUNK];
  private final byte[] buffer = new byte[64 * 1024];
  private int bufferPos;
  private int bufferEnd;

  public LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line to process, or null at the end of the input. */
  public String next() throws IOException {
    while (true) {
      int length = readChunk();
      if (length < 0) return null;
      if (length > 0 && chunk[length - 1] == '\n') length--;
      for (int i = 0; i < length; i++) {
        if (chunk[i] == 0) {
          length = i;
          break;
        }
      }
      if (length >= 2) return new String(chunk, 0, length, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Fills {@link #chunk} like fgets: up to a newline (kept) or {@value #CHUNK} bytes; -1 at end.
   * Each buffered run is scanned for its newline and copied at once: a byte-by-byte copy through
   * the buffer's fields was 4% of a long CloudTrail logtest.
   */
  private int readChunk() throws IOException {
    int length = 0;
    while (length < CHUNK) {
      if (bufferPos == bufferEnd) {
        bufferEnd = in.read(buffer);
        bufferPos = 0;
        if (bufferEnd <= 0) {
          bufferEnd = 0;
          return length == 0 ? -1 : length;
        }
      }
      int start = bufferPos;
      int limit = Math.min(bufferEnd, start + CHUNK - length);
      int end = start;
      while (end < limit && buffer[end] != '\n') end++;
      boolean newline = end < limit;
      if (newline) end++;
      System.arraycopy(buffer, start, chunk, length, end - start);
      length += end - start;
      bufferPos = end;
      if (newline) break;
    }
    return length;
  }
}
