package dev.ossecaws.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.Clock;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.harness.CaseFile;
import dev.ossecaws.harness.EngineReplay;
import dev.ossecaws.harness.SampleCase;
import dev.ossecaws.output.JsonReport;
import dev.ossecaws.rule.Firing;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudTrail records through the real engine, each file one session as the harness replays a
 * case, written as the replay's alert lines: {@code JsonReport}'s object plus eventTime, eventID,
 * account, region and source, for events whose rule fired with an alert.
 */
final class SampleAlerts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Engine engine;
  private final MovingClock clock;
  private final List<JsonNode> alerts = new ArrayList<>();
  private long records;

  private SampleAlerts(Engine engine, MovingClock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  /** An engine with {@code ruleset} alone on OSSEC's defaults, as {@code --ruleset}. */
  static SampleAlerts withRuleset(Path ruleset) throws Exception {
    MovingClock clock = new MovingClock();
    Engine engine = Engine.builder().config(ManagerConfig.defaults(ruleset).addRuleset(ruleset).build())
        .hostname(EngineReplay.HOSTNAME).clock(clock).load(message -> {});
    return new SampleAlerts(engine, clock);
  }

  /** Every sample case under {@code samples}, one session each. */
  SampleAlerts samples(Path samples) throws Exception {
    for (Path file : CaseFile.list(samples)) {
      SampleCase sample = CaseFile.read(file);
      Engine session = engine.newSession();
      clock.now = EngineReplay.TIME;
      for (int i = 0; i < sample.events().size(); i++) {
        SampleCase.Event event = sample.events().get(i);
        clock.now = clock.now.plusSeconds(event.secondsLater());
        evaluate(session, event.record(), file.toString(), i);
      }
    }
    return this;
  }

  /** {@code records} as one file called {@code path}, in one session. */
  SampleAlerts file(String path, List<ObjectNode> fileRecords) {
    Engine session = engine.newSession();
    clock.now = EngineReplay.TIME;
    for (int i = 0; i < fileRecords.size(); i++) evaluate(session, fileRecords.get(i), path, i);
    return this;
  }

  long records() {
    return records;
  }

  List<JsonNode> alerts() {
    return alerts;
  }

  private void evaluate(Engine session, ObjectNode record, String path, int index) {
    records++;
    Verdict verdict = session.process(RecordLine.of(record));
    Firing firing = verdict.ruled().firing();
    if (firing == null || !firing.alert()) return;
    try {
      ObjectNode line = (ObjectNode) JSON.readTree(JsonReport.of(verdict));
      line.set("eventTime", record.get("eventTime"));
      line.set("eventID", record.get("eventID"));
      line.set("account", record.get("recipientAccountId"));
      line.set("region", record.get("awsRegion"));
      line.putObject("source").put("path", path).put("record", index);
      alerts.add(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("JsonReport wrote JSON that does not parse", e);
    }
  }

  /** The replay's clock: where the session is, moved by each case's secondsLater. */
  private static final class MovingClock implements Clock {
    ZonedDateTime now = EngineReplay.TIME;

    @Override
    public ZonedDateTime timeOf(String fullLog) {
      return now;
    }
  }
}
