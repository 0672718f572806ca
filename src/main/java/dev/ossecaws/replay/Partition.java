package dev.ossecaws.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;

/**
 * The records one engine session sees when a replay is partitioned: those of one account
 * ({@code recipientAccountId}) and one region ({@code awsRegion}). Correlation (frequency,
 * {@code if_matched_sid}, ignore timers) then works within an account and region, never across.
 * A record lacking either field shares a partition with the others lacking it (null parts).
 */
public record Partition(String account, String region) implements Serializable {
  /** The partition of a CloudTrail record. */
  public static Partition keyOf(JsonNode record) {
    return new Partition(text(record, "recipientAccountId"), text(record, "awsRegion"));
  }

  private static String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  @Override
  public String toString() {
    return account + "/" + region;
  }
}
