package dev.ossecaws.cloudtrail;

import static dev.ossecaws.cloudtrail.LineWriterProperties.streamedLines;
import static dev.ossecaws.cloudtrail.LineWriterProperties.treeLines;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class LineWriterTest {
  private static String line(String record, int maxBytes) throws IOException {
    String lines = streamedLines(("{\"Records\":[" + record + "]}").getBytes(UTF_8), maxBytes);
    assertTrue(lines.endsWith("\n") && lines.indexOf('\n') == lines.length() - 1, lines);
    return lines.substring(0, lines.length() - 1);
  }

  @Test
  void objectsAreWrittenInCanonicalOrderAtAnyDepth() throws IOException {
    String record = "{\"zeta\":1,\"requestParameters\":{\"b\":{\"y\":1,\"x\":[{\"d\":1,\"c\":2}]},\"a\":0},"
        + "\"userIdentity\":{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"false\","
        + "\"creationDate\":\"t\"},\"sessionIssuer\":{\"userName\":\"r\",\"type\":\"Role\"}},"
        + "\"invokedBy\":\"s\",\"arn\":\"a\",\"type\":\"AssumedRole\",\"custom\":\"c\"},\"alpha\":2}";

    assertEquals("\"AmazonAWS\":\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"a\",\"invokedBy\":\"s\","
        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"userName\":\"r\"},"
        + "\"attributes\":{\"creationDate\":\"t\",\"mfaAuthenticated\":\"false\"}},\"custom\":\"c\"},"
        + "\"requestParameters\":{\"a\":0,\"b\":{\"x\":[{\"c\":2,\"d\":1}],\"y\":1}},\"alpha\":2,\"zeta\":1",
        line(record, RecordLine.DEFAULT_MAX_BYTES));
  }

  @Test
  void aKeyGivenTwiceKeepsItsLastValueAsInATree() throws IOException {
    assertEquals("\"AmazonAWS\":\"eventName\":\"y\",\"a\":{\"k\":[2]},\"b\":3",
        line("{\"b\":1,\"a\":{\"k\":1,\"k\":[2]},\"b\":3,\"eventName\":\"x\",\"eventName\":\"y\"}", RecordLine.DEFAULT_MAX_BYTES));
  }

  @Test
  void numbersAreWrittenAsTheRecordsTreeHoldsThem() throws IOException {
    assertEquals("\"AmazonAWS\":\"big\":-123456789012345678901234567890,\"d\":1.50,\"e\":1E+2,\"f\":0.0,\"i\":0,"
        + "\"l\":9223372036854775807,\"small\":1E-7",
        line("{\"i\":-0,\"f\":-0.0,\"e\":1e2,\"d\":1.50,\"big\":-123456789012345678901234567890,"
            + "\"small\":0.0000001,\"l\":9223372036854775807}", RecordLine.DEFAULT_MAX_BYTES));
  }

  @Test
  void stringsAreEscapedToPrintableAscii() throws IOException {
    assertEquals("\"AmazonAWS\":\"eventName\":\"Jos\\u00E9\\u0007\\u007F\\uD83D\\uDE00\\uD800\\n/\",\"caf\\u00E9\":1",
        line("{\"eventName\":\"Jos\u00e9\\u0007\u007f\uD83D\uDE00\\ud800\\n\\/\",\"caf\\u00e9\":1}", RecordLine.DEFAULT_MAX_BYTES));
  }

  @Test
  void aLongRecordIsCutAsItsTreeIs() throws IOException {
    byte[] file = ("{\"Records\":[{\"eventName\":\"RunInstances\",\"errorCode\":\"Client.UnauthorizedOperation\","
        + "\"errorMessage\":\"Encoded authorization failure message: " + "A".repeat(6000) + "\","
        + "\"requestParameters\":{\"p\":\"" + "p".repeat(3000) + "\"},\"resources\":[\"" + "r".repeat(900) + "\"]}]}")
        .getBytes(UTF_8);

    String lines = streamedLines(file, 2000);

    assertEquals(treeLines(file, 2000), lines);
    assertTrue(lines.length() <= 2001, "length " + lines.length());
    assertTrue(lines.contains("\"requestParameters\":\"[cut: 3008 bytes]\""), lines);
  }

  @Test
  void aLimitBelowTheMinimumIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LineWriter(100));
    assertEquals("maxBytes < 1024: 100", e.getMessage());
  }
}
