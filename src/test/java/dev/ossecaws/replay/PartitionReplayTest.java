package dev.ossecaws.replay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.cloudtrail.LineFormat;
import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.output.JsonReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartitionReplayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Engine loaded;

  @BeforeAll
  static void load() throws Exception {
    loaded = SampleRecords.engine().load(message -> {});
  }

  @Test
  void verdictsEqualOneLogtestSessionOverTheFlattenedLinesWithTheSameClock() throws Exception {
    List<ObjectNode> records = SampleRecords.all();
    ByteArrayOutputStream flattened = new ByteArrayOutputStream();
    LineFormat.OSSEC.copy(new ByteArrayInputStream(SampleRecords.logFile(records)), RecordLine.DEFAULT_MAX_BYTES, flattened);
    String[] lines = flattened.toString(UTF_8).split("\n");
    assertEquals(records.size(), lines.length);

    Engine logtest = SampleRecords.engine().clock(new EventTimeClock()).load(message -> {});
    PartitionReplay replay = new PartitionReplay(loaded, RecordLine.DEFAULT_MAX_BYTES);
    int alerts = 0;
    for (int i = 0; i < lines.length; i++) {
      var expected = logtest.process(lines[i]);
      var actual = replay.evaluate(new ReplayRecord("samples.json", i, records.get(i)));
      assertEquals(new String(JsonReport.of(expected), UTF_8), new String(JsonReport.of(actual), UTF_8), "record " + i);
      if (AlertLine.isAlert(actual)) alerts++;
    }
    // The samples are detections: most of their records alert, and correlations among them too.
    assertEquals(true, alerts > records.size() / 2, alerts + " alerts of " + records.size());
  }

  @Test
  void frequencyWindowFollowsEventTime() throws Exception {
    // Six failed sign-ins: 80803 (frequency 4, timeframe 360 s) fires on the sixth when the six
    // lie within 360 s of eventTime, and not when the sixth comes 361 s after the first five.
    assertEquals(80803, ruleIds(failedSignIns(0, 10, 20, 30, 40, 50)).get(5));
    assertEquals(80802, ruleIds(failedSignIns(0, 1, 2, 3, 4, 362)).get(5));
  }

  /** The sample's failed console sign-in at the given seconds after 2026-01-15T04:10:00Z. */
  private static List<ObjectNode> failedSignIns(int... seconds) throws Exception {
    ObjectNode failure = SampleRecords.ofCase("signin/console-login-failures-at-the-timeframe-edge").get(0);
    List<ObjectNode> records = new ArrayList<>();
    for (int second : seconds) {
      records.add(failure.deepCopy().put("eventTime",
          java.time.Instant.parse("2026-01-15T04:10:00Z").plusSeconds(second).toString()));
    }
    return records;
  }

  @Test
  void alertLineAddsTheRecordsTimeIdAccountRegionAndSourceToTheJsonReport() throws Exception {
    ObjectNode record = SampleRecords.ofCase("iam/create-user").get(0);
    PartitionReplay replay = new PartitionReplay(loaded, RecordLine.DEFAULT_MAX_BYTES);
    var verdict = replay.evaluate(new ReplayRecord("AWSLogs/x.json.gz", 3, record));
    JsonNode line = AlertLine.of(verdict, new ReplayRecord("AWSLogs/x.json.gz", 3, record));
    List<String> keys = new ArrayList<>();
    line.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("full_log", "hostname", "program_name", "log", "decoder", "fields", "assignments", "rule",
        "eventTime", "eventID", "account", "region", "source"), keys);
    JsonNode report = JSON.readTree(JsonReport.of(verdict));
    report.fieldNames().forEachRemaining(key -> assertEquals(report.get(key), line.get(key), key));
    assertEquals(record.get("eventTime").textValue(), line.get("eventTime").textValue());
    assertEquals(record.get("eventID").textValue(), line.get("eventID").textValue());
    assertEquals(record.get("recipientAccountId").textValue(), line.get("account").textValue());
    assertEquals(record.get("awsRegion").textValue(), line.get("region").textValue());
    assertEquals("{\"path\":\"AWSLogs/x.json.gz\",\"record\":3}", line.get("source").toString());
  }

  @Test
  void alertLinesSkipEventsWithoutAnAlert() throws Exception {
    List<ReplayRecord> records = new ArrayList<>();
    List<ObjectNode> all = SampleRecords.all();
    for (int i = 0; i < all.size(); i++) records.add(new ReplayRecord("samples.json", i, all.get(i)));
    PartitionReplay replay = new PartitionReplay(loaded, RecordLine.DEFAULT_MAX_BYTES);
    List<Long> alerting = new ArrayList<>();
    for (ReplayRecord record : records) {
      if (AlertLine.isAlert(replay.evaluate(record))) alerting.add(record.index());
    }
    List<Long> lines = new ArrayList<>();
    for (Iterator<ObjectNode> it = PartitionReplay.alertLines(loaded, RecordLine.DEFAULT_MAX_BYTES, records.iterator()); it.hasNext(); ) {
      JsonNode line = it.next();
      assertEquals(true, line.get("rule").get("alert").booleanValue());
      lines.add(line.get("source").get("record").longValue());
    }
    assertEquals(alerting, lines);
  }

  @Test
  void aRecordWithoutEventTimeIsNotCloudTrail() throws Exception {
    ObjectNode record = SampleRecords.ofCase("iam/create-user").get(0).deepCopy();
    assertNull(new ReplayRecord("f", 0, record).problem());
    record.remove("eventTime");
    assertEquals("not a CloudTrail record: no eventTime", new ReplayRecord("f", 0, record).problem());
  }

  private static List<Integer> ruleIds(List<ObjectNode> records) {
    PartitionReplay replay = new PartitionReplay(loaded, RecordLine.DEFAULT_MAX_BYTES);
    List<Integer> ids = new ArrayList<>();
    for (ObjectNode record : records) {
      var firing = replay.evaluate(new ReplayRecord("f", ids.size(), record)).ruled().firing();
      ids.add(firing == null ? null : firing.rule().id());
    }
    return ids;
  }
}
