package dev.ossecaws.predecode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * However the input arrives (a pipe hands over a few bytes at a time, a file 64 KB), the lines are
 * what fgets into OSSEC's buffer makes of the whole input at once, written here byte by byte.
 */
class LineReaderProperties {
  @Property(tries = 300)
  void linesDoNotDependOnHowTheInputIsRead(
      @ForAll("inputs") String input, @ForAll @IntRange(min = 1, max = 9000) int readSize) throws IOException {
    byte[] bytes = input.getBytes(ISO_8859_1);
    InputStream trickle = new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] into, int offset, int length) {
        return super.read(into, offset, Math.min(length, readSize));
      }
    };
    LineReader reader = new LineReader(trickle);
    List<String> lines = new ArrayList<>();
    for (String line = reader.next(); line != null; line = reader.next()) lines.add(line);
    assertEquals(fgetsLines(bytes), lines);
  }

  /** Short and long lines of a few bytes, NULs and newlines among them; some longer than a chunk. */
  @Provide
  Arbitrary<String> inputs() {
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.strings().withChars('a', '\0', '\u00e9', '\n').ofMaxLength(12),
        Arbitraries.strings().withChars('b', '\0', '\n').ofMinLength(6000).ofMaxLength(14000));
    return line.list().ofMaxSize(6).map(pieces -> String.join("\n", pieces));
  }

  /** spec/predecoding.md §1: chunks of 6135 bytes up to a newline, the newline cut, a NUL ends the text, under 2 bytes skipped. */
  private static List<String> fgetsLines(byte[] bytes) {
    List<String> lines = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int end = at;
      while (end < bytes.length && end - at < LineReader.CHUNK && bytes[end] != '\n') end++;
      boolean newline = end < bytes.length && end - at < LineReader.CHUNK;
      int text = at;
      while (text < end && bytes[text] != 0) text++;
      if (text - at >= 2) lines.add(new String(bytes, at, text - at, ISO_8859_1));
      at = newline ? end + 1 : end;
    }
    return lines;
  }
}
