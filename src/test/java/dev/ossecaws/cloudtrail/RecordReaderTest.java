package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class RecordReaderTest {
  private static final String FILE = "{\"Records\":[{\"eventName\":\"A\",\"n\":1.50},{\"eventName\":\"B\"}]}";

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static List<ObjectNode> readAll(byte[] bytes) throws IOException {
    List<ObjectNode> records = new ArrayList<>();
    try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(bytes))) {
      for (ObjectNode record = reader.next(); record != null; record = reader.next()) records.add(record);
    }
    return records;
  }

  private static String failure(String content) {
    return assertThrows(CloudTrailFormatException.class, () -> readAll(content.getBytes(UTF_8))).getMessage();
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
  void aTruncatedGzipIsReportedBeforeTheEnd() throws IOException {
    byte[] whole = gzip(FILE.getBytes(UTF_8));
    byte[] withoutTrailer = Arrays.copyOf(whole, whole.length - 4);
    assertEquals("truncated or corrupt gzip",
        assertThrows(CloudTrailFormatException.class, () -> readAll(withoutTrailer)).getMessage());
    byte[] halved = Arrays.copyOf(whole, whole.length / 2);
    assertEquals("truncated or corrupt gzip: Unexpected end of ZLIB input stream",
        assertThrows(CloudTrailFormatException.class, () -> readAll(halved)).getMessage());
  }

  @Test
  void invalidJsonNamesWhereItIs() {
    assertEquals("invalid JSON: Unexpected character ('}' (code 125)): expected a value (line 1, column 26)",
        failure("{\"Records\":[{\"eventName\":}]}"));
  }

  @Test
  void aFileWithoutRecordsIsRefused() {
    assertEquals("no \"Records\" array (line 1, column 12)", failure("{\"other\":[]}"));
    assertEquals("not a JSON object (line 1, column 1)", failure("[]"));
    assertEquals("\"Records\" is not an array but 'null' (line 1, column 12)", failure("{\"Records\":null}"));
  }

  @Test
  void aRecordThatIsNotAnObjectIsRefused() {
    assertEquals("record 2 is not a JSON object but VALUE_NUMBER_INT (line 1, column 16)",
        failure("{\"Records\":[{},1]}"));
  }

  @Test
  void contentAfterTheDocumentIsRefused() throws IOException {
    try (RecordReader reader = RecordReader.open(new ByteArrayInputStream("{\"Records\":[]} {}".getBytes(UTF_8)))) {
      CloudTrailFormatException e = assertThrows(CloudTrailFormatException.class, reader::next);
      assertEquals("content after the end of the document: '{' (line 1, column 16)", e.getMessage());
    }
    try (RecordReader reader = RecordReader.open(new ByteArrayInputStream("{\"Records\":[]}\n".getBytes(UTF_8)))) {
      assertNull(reader.next());
    }
  }
}
