package dev.ossecaws.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.output.JsonReport;
import dev.ossecaws.rule.Firing;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One alert as one JSON object (the contract of {@code replay --alerts}): every key of {@link
 * JsonReport} for the event, then the record's {@code eventTime}, {@code eventID}, {@code account}
 * (recipientAccountId), {@code region} (awsRegion), each null when absent, and {@code source}:
 * {@code {"path": file or s3://bucket/key, "record": index in the file}}.
 */
public final class AlertLine {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertLine() {}

  /**
   * Whether the verdict is an alert: a rule fired and generates one (ossec-logtest's "**Alert to
   * be generated."), which a level-0 or {@code noalert} rule does not.
   */
  public static boolean isAlert(Verdict verdict) {
    Firing firing = verdict.ruled().firing();
    return firing != null && firing.alert();
  }

  /**
   * The alert line of {@code record}'s verdict; throws if the verdict is no alert. The report's
   * part is read back from what JsonReport writes, so that one writer makes it.
   */
  public static ObjectNode of(Verdict verdict, ReplayRecord record) {
    if (!isAlert(verdict)) throw new IllegalArgumentException("not an alert: " + record);
    ObjectNode line;
    try {
      line = (ObjectNode) JSON.readTree(JsonReport.of(verdict));
    } catch (IOException e) {
      throw new UncheckedIOException("JsonReport wrote JSON that does not parse", e);
    }
    line.put("eventTime", record.text("eventTime"));
    line.put("eventID", record.text("eventID"));
    line.put("account", record.text("recipientAccountId"));
    line.put("region", record.text("awsRegion"));
    line.putObject("source").put("path", record.source()).put("record", record.index());
    return line;
  }
}
