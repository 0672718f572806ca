package dev.ossecaws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RecordLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode parse(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  /** The record a line parses back to. */
  static JsonNode parseLine(String line) throws Exception {
    assertTrue(line.startsWith(RecordLine.PREFIX), line);
    return JSON.readTree("{" + line.substring(RecordLine.PREFIX.length()) + "}");
  }

  @Test
  void userIdentityKeepsCloudTrailsOrderAndOtherObjectsSortTheirKeysAtAnyDepth() throws Exception {
    ObjectNode record = parse("{\"zeta\":1,\"requestParameters\":{\"b\":{\"y\":1,\"x\":[{\"d\":1,\"c\":2}]},\"a\":0},"
        + "\"userIdentity\":{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"false\","
        + "\"creationDate\":\"t\"},\"sessionIssuer\":{\"userName\":\"r\",\"type\":\"Role\"}},"
        + "\"invokedBy\":\"s\",\"arn\":\"a\",\"type\":\"AssumedRole\",\"custom\":\"c\"},\"alpha\":2}");

    assertEquals("\"AmazonAWS\":\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"a\",\"invokedBy\":\"s\","
        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"userName\":\"r\"},"
        + "\"attributes\":{\"creationDate\":\"t\",\"mfaAuthenticated\":\"false\"}},\"custom\":\"c\"},"
        + "\"requestParameters\":{\"a\":0,\"b\":{\"x\":[{\"c\":2,\"d\":1}],\"y\":1}},\"alpha\":2,\"zeta\":1",
        RecordLine.of(record));
  }

  @Test
  void leadingFieldsComeFirstThenTheRestInCloudTrailsDocumentedOrder() throws Exception {
    ObjectNode record = parse("{\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"alice\"},"
        + "\"requestID\":\"r-1\",\"eventTime\":\"2024-03-01T10:00:00Z\",\"eventVersion\":\"1.08\","
        + "\"eventName\":\"CreateUser\",\"readOnly\":false,\"eventSource\":\"iam.amazonaws.com\","
        + "\"errorCode\":\"AccessDenied\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.7\","
        + "\"userAgent\":\"aws-cli/2.15.0\",\"requestParameters\":{\"userName\":\"bob\"}}");

    assertEquals("\"AmazonAWS\":\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-01T10:00:00Z\","
        + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"awsRegion\":\"us-east-1\","
        + "\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.15.0\",\"errorCode\":\"AccessDenied\","
        + "\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"alice\"},"
        + "\"requestParameters\":{\"userName\":\"bob\"},\"requestID\":\"r-1\",\"readOnly\":false",
        RecordLine.of(record));
  }

  @Test
  void nonAsciiAndControlCharactersAreEscapedSoTheLineIsPrintableAscii() throws Exception {
    ObjectNode record = JSON.createObjectNode();
    record.put("eventName", "Jos\u00e9\u0007\u007f\uD83D\uDE00\uD800\n");
    record.put("caf\u00e9", 1);

    String line = RecordLine.of(record);

    assertEquals("\"AmazonAWS\":\"eventName\":\"Jos\\u00E9\\u0007\\u007F\\uD83D\\uDE00\\uD800\\n\","
        + "\"caf\\u00E9\":1", line);
    assertEquals(record, parseLine(line));
  }

  @Test
  void aLongRecordLosesItsBulkiestFieldFirstAndKeepsTheOthers() throws Exception {
    ObjectNode record = parse("{\"eventVersion\":\"1.08\",\"eventName\":\"PutBucketPolicy\"}");
    record.putObject("requestParameters").put("policy", "p".repeat(9000));
    record.putObject("responseElements").put("x", "r".repeat(3000));
    record.put("requestID", "r-1");

    String line = RecordLine.of(record);

    assertTrue(line.length() <= RecordLine.DEFAULT_MAX_BYTES, "length " + line.length());
    JsonNode back = parseLine(line);
    assertEquals("[cut: 9013 bytes]", back.get("requestParameters").textValue());
    assertEquals(record.get("responseElements"), back.get("responseElements"));
    assertEquals("r-1", back.get("requestID").textValue());
    assertEquals("PutBucketPolicy", back.get("eventName").textValue());
  }

  @Test
  void otherFieldsAreCutOnlyAfterTheBulkyOnes() throws Exception {
    ObjectNode record = parse("{\"eventName\":\"RunInstances\",\"requestParameters\":{}}");
    record.putArray("resources").add("x".repeat(7000));
    record.putObject("responseElements").put("y", "y".repeat(2000));

    JsonNode back = parseLine(RecordLine.of(record));

    assertEquals("[cut: 2008 bytes]", back.get("responseElements").textValue());
    assertEquals("[cut: 7004 bytes]", back.get("resources").textValue());
    assertEquals(JSON.createObjectNode(), back.get("requestParameters"));
  }

  @Test
  void aLeadingStringIsShortenedOnlyWhenTheLeadingFieldsAloneDoNotFit() throws Exception {
    ObjectNode record = parse("{\"eventName\":\"RunInstances\",\"errorCode\":\"Client.UnauthorizedOperation\"}");
    record.put("errorMessage", "Encoded authorization failure message: " + "A".repeat(6000));

    String line = RecordLine.of(record, 2000);

    assertTrue(line.length() <= 2000, "length " + line.length());
    JsonNode back = parseLine(line);
    assertEquals("Client.UnauthorizedOperation", back.get("errorCode").textValue());
    String message = back.get("errorMessage").textValue();
    assertTrue(message.startsWith("Encoded authorization failure message: AAAA"), message);
    assertTrue(message.endsWith("[cut: 6041 bytes]"), message);
  }

  @Test
  void aRecordOfHundredsOfFieldsDropsTheLastOnesAndKeepsTheLeadingOnes() throws Exception {
    ObjectNode record = parse("{\"eventName\":\"GetObject\",\"eventSource\":\"s3.amazonaws.com\"}");
    for (int i = 0; i < 1000; i++) record.put("field" + i, i);

    String line = RecordLine.of(record);

    assertTrue(line.length() <= RecordLine.DEFAULT_MAX_BYTES, "length " + line.length());
    JsonNode back = parseLine(line);
    assertEquals("GetObject", back.get("eventName").textValue());
    assertEquals(0, back.get("field0").intValue());
    assertTrue(!back.has("field999"));
  }

  @Test
  void aLimitBelowTheMinimumIsRefused() throws Exception {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RecordLine.of(parse("{}"), 100));
    assertEquals("maxBytes < 1024: 100", e.getMessage());
  }

  @Test
  void anEmptyRecordIsThePrefixAlone() throws Exception {
    assertEquals("\"AmazonAWS\":", RecordLine.of(parse("{}")));
  }
}
