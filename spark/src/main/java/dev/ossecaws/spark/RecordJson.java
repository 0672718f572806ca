package dev.ossecaws.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A record as text through Spark's shuffle and back, exactly: numbers stay the decimals the file
 * wrote, as {@link dev.ossecaws.cloudtrail.RecordReader} reads them, so the flattened line is the
 * one replay evaluates.
 */
final class RecordJson {
  @SuppressWarnings("deprecation") // RecordReader's own configuration, to the letter
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private RecordJson() {}

  static String write(ObjectNode record) {
    try {
      return JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed record always serialises", e);
    }
  }

  static ObjectNode read(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a record written by write() always parses", e);
    }
  }
}
