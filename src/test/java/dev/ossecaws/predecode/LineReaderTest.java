package dev.ossecaws.predecode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** spec/predecoding.md §1 and limits.md §1: how input becomes lines. */
class LineReaderTest {
  @Test
  void lineOfTheChunkSizeIsOneEvent() throws IOException {
    String line = "a".repeat(6135);
    assertEquals(List.of(line, "next line"), lines(line + "\nnext line\n"));
  }

  @Test
  void longerLineContinuesAsTheNextEvent() throws IOException {
    String line = "a".repeat(6135) + "bcd";
    assertEquals(List.of("a".repeat(6135), "bcd"), lines(line + "\n"));
  }

  @Test
  void remainderOfOneByteIsSkipped() throws IOException {
    assertEquals(List.of("a".repeat(6135)), lines("a".repeat(6136) + "\n"));
  }

  @Test
  void emptyAndOneByteLinesAreSkipped() throws IOException {
    assertEquals(List.of("ab"), lines("\n\nx\nab\n"));
  }

  @Test
  void nulEndsTheLine() throws IOException {
    assertEquals(List.of("abc", "next"), lines("abc\0def ghi\nnext\n"));
    assertEquals(List.of(), lines("a\0bcdef\n"));
  }

  @Test
  void lastLineNeedsNoNewline() throws IOException {
    assertEquals(List.of("ab", "cd"), lines("ab\ncd"));
  }

  @Test
  void controlBytesCountTowardsTheMinimumLength() throws IOException {
    assertEquals(List.of("\t\t"), lines("\t\t\n"));
  }

  @Test
  void bytesAboveAsciiAreKeptAsTheyAre() throws IOException {
    assertEquals(List.of("\u00ff\u00fe caf\u00c3\u00a9"), lines("\u00ff\u00fe caf\u00c3\u00a9\n"));
  }

  @Test
  void mebibyteLineBecomesChunks() throws IOException {
    List<String> lines = lines("x".repeat(1 << 20) + "\n");
    assertEquals(171, lines.size());
    assertEquals((1 << 20) - 170 * 6135, lines.get(170).length());
  }

  private static List<String> lines(String input) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(input.getBytes(ISO_8859_1)));
    List<String> lines = new ArrayList<>();
    for (String line = reader.next(); line != null; line = reader.next()) lines.add(line);
    return lines;
  }
}
