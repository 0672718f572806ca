package dev.ossecaws.replay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.cloudtrail.LineFormat;
import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.output.JsonReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayerTest {
  private static Engine loaded;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    loaded = SampleRecords.engine().load(message -> {});
  }

  /** Everything a replay tells, as text, in the order told. */
  static final class Recording implements ReplayListener {
    final List<String> reports = new ArrayList<>();
    final List<String> alerts = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final List<String> rules = new ArrayList<>();

    @Override
    public void evaluated(ReplayRecord record, List<Verdict> verdicts) {
      reports.add(record + ": " + new String(JsonReport.of(verdicts.get(0)), UTF_8));
      var firing = verdicts.get(0).ruled().firing();
      rules.add(record + ": " + (firing == null ? null : firing.rule().id()));
      if (AlertLine.isAlert(verdicts.get(0))) {
        alerts.add(record + ": " + verdicts.get(0).ruled().firing().rule().id());
      }
    }

    @Override
    public void recordSkipped(ReplayRecord record, String why) {
      problems.add(record + ": " + why);
    }

    @Override
    public void fileFinished(TrailFile file, String fault) {
      if (fault != null) problems.add(file.name() + ": " + fault);
    }
  }

  private List<TrailFile> list(Path... paths) throws IOException {
    List<String> names = new ArrayList<>();
    for (Path path : paths) names.add(path.toString());
    return new TrailFiles(() -> fail("no S3 here"), null, null, (where, why) -> fail(where + ": " + why)).list(names);
  }

  private static Recording replay(List<TrailFile> files, int threads) throws InterruptedException {
    Recording recording = new Recording();
    new Replayer(List.of(loaded), threads, RecordLine.DEFAULT_MAX_BYTES).run(files, recording);
    return recording;
  }

  @Test
  void oneThreadGivesOneSessionsVerdictsOverTheFlattenedFilesInTimeOrder() throws Exception {
    SampleTrail trail = SampleTrail.write(dir);
    List<TrailFile> files = list(dir);
    assertEquals(trail.files.stream().map(Path::toString).toList(), files.stream().map(TrailFile::name).toList());

    Engine logtest = SampleRecords.engine().clock(new EventTimeClock()).load(message -> {});
    List<String> expected = new ArrayList<>();
    for (Path file : trail.files) {
      ByteArrayOutputStream lines = new ByteArrayOutputStream();
      try (InputStream in = Files.newInputStream(file)) {
        LineFormat.OSSEC.copy(in, RecordLine.DEFAULT_MAX_BYTES, lines);
      }
      String[] split = lines.toString(UTF_8).split("\n");
      for (int i = 0; i < split.length; i++) {
        expected.add(file + " record " + i + ": " + new String(JsonReport.of(logtest.process(split[i])), UTF_8));
      }
    }
    Recording replayed = replay(files, 1);
    assertEquals(562, expected.size());
    assertEquals(expected, replayed.reports);
    assertEquals(List.of(), replayed.problems);
  }

  @Test
  void twoThreadsTellEveryRecordInOrderAndDifferOnlyWhereARuleCorrelates() throws Exception {
    SampleTrail.write(dir);
    Recording one = replay(list(dir), 1);
    Recording two = replay(list(dir), 2);
    assertEquals(562, two.rules.size());
    Set<Integer> correlating = correlatingRules();
    int differing = 0;
    for (int i = 0; i < one.rules.size(); i++) {
      String single = one.rules.get(i);
      String partitioned = two.rules.get(i);
      assertEquals(single.substring(0, single.lastIndexOf(':')), partitioned.substring(0, partitioned.lastIndexOf(':')));
      if (single.equals(partitioned)) continue;
      differing++;
      assertTrue(correlating.contains(ruleOf(single)) || correlating.contains(ruleOf(partitioned)), single + " / " + partitioned);
    }
    // The sample cases were written for one session each; replayed back to back, some correlate
    // across cases of different regions, which a partitioned replay keeps apart.
    assertTrue(differing > 0 && differing < 40, differing + " records differ");
  }

  private static int ruleOf(String told) {
    String id = told.substring(told.lastIndexOf(':') + 2);
    return id.equals("null") ? -1 : Integer.parseInt(id);
  }

  /** Rules whose verdict depends on earlier events: frequency or if_matched_*. */
  private static Set<Integer> correlatingRules() throws IOException {
    Set<Integer> ids = new HashSet<>();
    Matcher rule = Pattern.compile("(?s)<rule id=\"(\\d+)\"([^>]*)>(.*?)</rule>")
        .matcher(Files.readString(SampleRecords.RULESET.resolve("rules/amazon_rules.xml")));
    while (rule.find()) {
      if (rule.group(2).contains("frequency=") || rule.group(3).contains("<if_matched_")) ids.add(Integer.parseInt(rule.group(1)));
    }
    return ids;
  }

  @Test
  void aPartitionedReplayDoesNotCorrelateAcrossRegions() throws Exception {
    ObjectNode failure = SampleRecords.ofCase("signin/console-login-failures-at-the-timeframe-edge").get(0);
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      records.add(failure.deepCopy().put("awsRegion", i % 2 == 0 ? "us-east-1" : "us-west-2")
          .put("eventTime", "2026-01-15T04:10:0" + i + "Z"));
    }
    Path file = Files.write(dir.resolve("failures.json"), SampleRecords.logFile(records));
    assertEquals("failures.json record 5: 80803", last(replay(list(file), 1).alerts, dir));
    assertEquals("failures.json record 5: 80802", last(replay(list(file), 2).alerts, dir));
  }

  private static String last(List<String> alerts, Path dir) {
    return alerts.get(alerts.size() - 1).replace(dir + "/", "");
  }

  @Test
  void badInputIsToldWithItsFileAndRecordAndTheRunGoesOn() throws Exception {
    List<ObjectNode> records = SampleRecords.ofCase("iam/create-user");
    ObjectNode noTime = records.get(0).deepCopy();
    noTime.remove("eventTime");
    Path good = Files.write(dir.resolve("a-good.json"), SampleRecords.logFile(List.of(records.get(0), noTime, records.get(0))));
    String three = new String(SampleRecords.logFile(List.of(records.get(0), records.get(0), records.get(0))), UTF_8);
    Path cut = Files.writeString(dir.resolve("b-cut.json"), three.substring(0, three.length() - 40));
    byte[] gzip = SampleTrail.gzip(SampleRecords.logFile(List.of(records.get(0))));
    Path truncated = Files.write(dir.resolve("c-truncated.json.gz"), java.util.Arrays.copyOf(gzip, gzip.length - 30));
    Path notJson = Files.writeString(dir.resolve("d-not-json.json"), "<html>no</html>");
    Path noRecords = Files.writeString(dir.resolve("e-no-records.json"), "{\"awsAccountId\":\"1\"}");
    Recording recording = replay(list(good, cut, truncated, notJson, noRecords), 1);

    assertEquals(List.of(
        good + " record 1: not a CloudTrail record: no eventTime",
        cut + ": not a CloudTrail log file: truncated JSON: the file ends at line 1, column " + (three.length() - 39)
            + " (after record 1; the records before it were replayed)",
        truncated + ": not a CloudTrail log file: truncated gzip",
        notJson + ": not a CloudTrail log file: invalid JSON at line 1, column 1",
        noRecords + ": not a CloudTrail log file: no Records array"),
        recording.problems);
    assertEquals(List.of(good + " record 0", good + " record 2", cut + " record 0", cut + " record 1"),
        recording.reports.stream().map(r -> r.substring(0, r.indexOf(": "))).toList());
  }
}
