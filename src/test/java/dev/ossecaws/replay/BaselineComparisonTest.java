package dev.ossecaws.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.ProjectCopy;
import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.report.RuleChange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineComparisonTest {
  @TempDir Path dir;

  @Test
  void anAlertTurnedOffIsLostOneTurnedOnIsGainedAndTheGateCountsTheirLevel() throws Exception {
    ProjectCopy copy = ProjectCopy.into(dir);
    copy.replaceOnce(copy.rulesFile(), "<rule id=\"80020\" level=\"5\">", "<rule id=\"80020\" level=\"0\">");
    Engine original = SampleRecords.engine().load(message -> {});
    Engine silenced = Engine.builder().config(ManagerConfig.defaults(copy.ruleset()).addRuleset(copy.ruleset()).build())
        .hostname("ossec-aws").load(message -> {});
    List<ObjectNode> denied = SampleRecords.ofCase("unauthorized/describe-snapshots-unauthorized");

    BaselineComparison turnedOff = compare(original, silenced, denied);
    assertEquals(List.of("lost"), turnedOff.changes().stream().map(BaselineComparison.RecordChange::kind).toList());
    assertEquals(new BaselineComparison.Alert(80020, 5), turnedOff.changes().get(0).before());
    assertEquals(List.of(new RuleChange(80020, "Amazon: Unauthorized API call", 5, 0, 1, 0)),
        turnedOff.rules());
    assertTrue(turnedOff.changedAtOrAbove(5));
    assertFalse(turnedOff.changedAtOrAbove(6));

    BaselineComparison turnedOn = compare(silenced, original, denied);
    assertEquals(List.of("gained"), turnedOn.changes().stream().map(BaselineComparison.RecordChange::kind).toList());
    assertEquals("{\"rules\":[{\"id\":80020,\"description\":\"Amazon: Unauthorized API call\",\"levelBefore\":0,"
        + "\"levelAfter\":5,\"alertsBefore\":0,\"alertsAfter\":1}],\"records\":[{\"change\":\"gained\",\"source\":"
        + "{\"path\":\"denied.json\",\"record\":0},\"eventTime\":\"" + denied.get(0).get("eventTime").textValue()
        + "\",\"before\":null,\"after\":{\"rule\":80020,\"level\":5}}]}", turnedOn.json().toString());
  }

  /** The records through {@code before} and {@code after}, one session each, as a replay does. */
  private static BaselineComparison compare(Engine before, Engine after, List<ObjectNode> records) {
    BaselineComparison comparison = new BaselineComparison(before, after);
    PartitionReplay now = new PartitionReplay(after, RecordLine.DEFAULT_MAX_BYTES);
    PartitionReplay then = new PartitionReplay(before, RecordLine.DEFAULT_MAX_BYTES);
    for (int i = 0; i < records.size(); i++) {
      ReplayRecord record = new ReplayRecord("denied.json", i, records.get(i));
      comparison.evaluated(record, List.of(now.evaluate(record), then.evaluate(record)));
    }
    return comparison;
  }
}
