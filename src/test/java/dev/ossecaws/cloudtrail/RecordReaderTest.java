package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordReaderTest {
  private static final String FILE = "{\"Records\":[{\"eventName\":\"A\",\"n\":1.50},{\"eventName\":\"B\"}]}";
  /** A valid file of 200,000 records on its one line, without its closing "]}". */
  private static final String HUGE_LINE_HEAD = "{\"Records\":[" + String.join(",", java.util.Collections.nCopies(200_000, "{\"a\":1}"));
  /** What a parser's or the JDK's own message would bring; none may reach a user. */
  static final List<String> LIBRARY_WORDING =
      List.of("Unexpected character", "Source:", "REDACTED", "code 60", "java.", "Exception", "Jackson", "ZLIB");

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String content) {
    return content.getBytes(ISO_8859_1); // byte for byte, so a test can hold invalid UTF-8
  }

  private static List<ObjectNode> readAll(byte[] bytes) throws IOException {
    List<ObjectNode> records = new ArrayList<>();
    try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(bytes))) {
      for (ObjectNode record = reader.next(); record != null; record = reader.next()) records.add(record);
    }
    return records;
  }

  /** The file read as flatten reads it: lines straight from the parser. */
  private static long readAllAsLines(byte[] bytes) throws IOException {
    return LineFormat.OSSEC.copy(new ByteArrayInputStream(bytes), RecordLine.DEFAULT_MAX_BYTES, new ByteArrayOutputStream());
  }

  static Stream<Arguments> badFiles() throws IOException {
    byte[] gzipped = gzip(bytes(FILE));
    byte[] badCrc = gzipped.clone();
    badCrc[badCrc.length - 8] ^= 0xff;
    return Stream.of(
        Arguments.of("an HTML error page",
            bytes("<html><body><h1>403 Forbidden</h1></body></html>\n"), "invalid JSON at line 1, column 1"),
        Arguments.of("a gzip cut in half", Arrays.copyOf(gzipped, gzipped.length / 2), "truncated gzip"),
        Arguments.of("a gzip without its trailer", Arrays.copyOf(gzipped, gzipped.length - 4), "truncated gzip"),
        Arguments.of("gzip's magic bytes alone", new byte[] {0x1f, (byte) 0x8b}, "truncated gzip"),
        Arguments.of("a gzip whose checksum is wrong", badCrc, "corrupt gzip"),
        Arguments.of("gzip's magic bytes then no gzip header",
            new byte[] {0x1f, (byte) 0x8b, 7, 0, 0, 0, 0, 0, 0, 0}, "not gzip data"),
        Arguments.of("gzip of garbage", gzip(bytes("%garbage%")), "invalid JSON at line 1, column 1"),
        Arguments.of("an empty file", new byte[0], "empty file"),
        Arguments.of("a file of white space", bytes(" \n\t\n"), "empty file"),
        Arguments.of("gzip of nothing", gzip(new byte[0]), "empty file"),
        Arguments.of("an array", bytes("[]"), "no Records array: the file holds an array, not a JSON object"),
        Arguments.of("a string", bytes("\"Records\""), "no Records array: the file holds a string, not a JSON object"),
        Arguments.of("an object without Records", bytes("{\"other\":[]}"), "no Records array"),
        Arguments.of("Records as an object", bytes("{\"Records\":{}}"), "Records is an object, not an array"),
        Arguments.of("Records as null", bytes("{\"Records\":null}"), "Records is null, not an array"),
        Arguments.of("a record that is a string",
            bytes("{\"Records\":[{},\"x\"]}"), "record 2 is not a JSON object but a string"),
        Arguments.of("a record that is a number", bytes("{\"Records\":[1]}"), "record 1 is not a JSON object but a number"),
        Arguments.of("a second document after the first",
            bytes("{\"Records\":[]} {}"), "content after the JSON document at line 1, column 16"),
        Arguments.of("an HTML page after the document",
            bytes("{\"Records\":[]}\n<html>"), "content after the JSON document at line 2, column 1"),
        Arguments.of("a missing value on line 3",
            bytes("{\"Records\":[\n{\"a\":1},\n{\"a\":}]}"), "invalid JSON at line 3, column 6"),
        Arguments.of("a NUL byte inside a string",
            bytes("{\"Records\":[{\"a\":\"b\0c\"}]}"), "invalid JSON at line 1, column 20"),
        Arguments.of("a file of NUL bytes", new byte[16], "invalid JSON at line 1, column 2"),
        Arguments.of("invalid UTF-8 inside a string",
            bytes("{\"Records\":[{\"a\":\"b\u00ff\u00fec\"}]}"), "invalid UTF-8 at line 1, column 21"),
        Arguments.of("a file cut inside the document", bytes("{\"Records\":[{\"a\":1}"),
            "truncated JSON: the file ends at line 1, column 20"),
        Arguments.of("nesting beyond the parser's limit",
            bytes("{\"Records\":[{\"a\":" + "[".repeat(1200) + "]".repeat(1200) + "}]}"),
            "value too long or too deeply nested at line 1, column 1016"),
        Arguments.of("a huge single line broken at its end",
            bytes(HUGE_LINE_HEAD + ",]}"), "invalid JSON at line 1, column " + (HUGE_LINE_HEAD.length() + 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadFileGivesOnePlainReasonWithWhereTheReaderStopped(String what, byte[] content, String reason) {
    String message = assertThrows(CloudTrailFormatException.class, () -> readAll(content)).getMessage();

    assertEquals(reason, message);
    for (String wording : LIBRARY_WORDING) assertFalse(message.contains(wording), message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadFileReadAsLinesFailsWhereItsTreesDo(String what, byte[] content, String reason) {
    assertEquals(reason, assertThrows(CloudTrailFormatException.class, () -> readAllAsLines(content)).getMessage());
  }

  @Test
  void aHugeSingleLineIsReadRecordByRecord() throws IOException {
    assertEquals(200_000, readAll(bytes(HUGE_LINE_HEAD + "]}")).size());
    assertEquals(200_000, readAllAsLines(bytes(HUGE_LINE_HEAD + "]}")));
  }

  @Test
  void plainAndGzippedFilesGiveTheSameRecordsWithNumbersAsWritten() throws IOException {
    List<ObjectNode> plain = readAll(FILE.getBytes(UTF_8));
    assertEquals(plain, readAll(gzip(FILE.getBytes(UTF_8))));
    assertEquals(2, plain.size());
    assertEquals("\"AmazonAWS\":\"eventName\":\"A\",\"n\":1.50", RecordLine.of(plain.get(0)));
  }

  @Test
  void fieldsAroundTheRecordsArrayAreSkipped() throws IOException {
    assertEquals(1, readAll("{\"x\":{\"y\":[1]},\"Records\":[{}],\"z\":2}".getBytes(UTF_8)).size());
  }

  @Test
  void recordsBeforeABadOneAreReturnedAndTheEndIsCheckedBeforeNullIsReturned() throws IOException {
    try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(bytes("{\"Records\":[{\"a\":1}]} {}")))) {
      assertEquals(1, reader.next().get("a").intValue());
      assertThrows(CloudTrailFormatException.class, reader::next);
      assertEquals(1, reader.recordsRead());
    }
    try (RecordReader reader = RecordReader.open(new ByteArrayInputStream("{\"Records\":[]}\n".getBytes(UTF_8)))) {
      assertNull(reader.next());
      assertNull(reader.next());
    }
  }
}
