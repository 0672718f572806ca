package dev.ossecaws.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Objects;

/**
 * One CloudTrail record and where it came from.
 *
 * @param source the file as given or walked, or {@code s3://bucket/key}
 * @param index the record's 0-based index in that file's {@code Records} array
 * @param record the record as the file holds it
 */
public record ReplayRecord(String source, long index, ObjectNode record) implements Serializable {
  public ReplayRecord {
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(record, "record == null");
    if (index < 0) throw new IllegalArgumentException("index < 0: " + index);
  }

  /**
   * Why this is not a CloudTrail record, or null if it is one: CloudTrail documents {@code
   * eventVersion} and {@code eventTime} as present in every record, both strings.
   */
  public String problem() {
    for (String field : new String[] {"eventVersion", "eventTime"}) {
      JsonNode value = record.get(field);
      if (value == null) return "not a CloudTrail record: no " + field;
      if (!value.isTextual()) return "not a CloudTrail record: " + field + " is not a string but " + value;
    }
    return null;
  }

  /** The record's top-level string {@code field}, or null when it is absent or not a string. */
  String text(String field) {
    JsonNode value = record.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  @Override
  public String toString() {
    return source + " record " + index;
  }
}
