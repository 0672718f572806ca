package dev.ossecaws.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.replay.AlertLine;
import dev.ossecaws.replay.ReplayListener;
import dev.ossecaws.replay.ReplayRecord;
import dev.ossecaws.replay.ReplaySummary;
import dev.ossecaws.replay.Replayer;
import dev.ossecaws.replay.SampleRecords;
import dev.ossecaws.replay.SampleTrail;
import dev.ossecaws.replay.TrailFile;
import dev.ossecaws.replay.TrailFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The job in Spark's local mode on replay's own sample trail, against replay itself. */
class ReplayJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOST = "ossec-aws";
  private static SparkSession spark;
  private static Engine loaded;

  @TempDir Path dir;
  @TempDir static Path warehouse;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("ReplayJobTest")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.warehouse.dir", warehouse.toString())
        .getOrCreate();
    loaded = SampleRecords.engine().load(message -> {});
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** What the job printed and returned. */
  private record Run(int exit, String out, String err) {}

  private static Run job(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new ReplayJob()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int exit = command.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** What replay gives on the same files: its alert lines, summary and problems. */
  private static final class Replayed implements ReplayListener {
    final List<String> alerts = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final ReplaySummary summary = new ReplaySummary();

    @Override
    public void evaluated(ReplayRecord record, List<Verdict> verdicts) {
      summary.evaluated(record, verdicts);
      if (!AlertLine.isAlert(verdicts.get(0))) return;
      try {
        alerts.add(JSON.writeValueAsString(AlertLine.of(verdicts.get(0), record)));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public void recordSkipped(ReplayRecord record, String why) {
      summary.recordSkipped(record, why);
      problems.add("replay: " + record + ": " + why);
    }

    @Override
    public void fileFinished(TrailFile file, String fault) {
      summary.fileFinished(file, fault);
      if (fault != null) problems.add("replay: " + file.name() + ": " + fault);
    }
  }

  private static Replayed replay(Path trail, int threads) throws Exception {
    List<TrailFile> files = new TrailFiles(() -> fail("no S3 here"), null, null, (where, why) -> fail(where + ": " + why))
        .list(List.of(trail.toString()));
    Replayed replayed = new Replayed();
    new Replayer(List.of(loaded), threads, RecordLine.DEFAULT_MAX_BYTES).run(files, replayed);
    return replayed;
  }

  /** The job's JSON lines, every part file's, sorted: a multiset to compare. */
  private static List<String> alertLines(Path alerts) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(alerts)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        lines.addAll(Files.readAllLines(part, UTF_8));
      }
    }
    return sorted(lines);
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(null);
    return copy;
  }

  /** The summary as read back from text (so numbers compare alike), without its time. */
  private static JsonNode withoutSeconds(JsonNode summary) throws IOException {
    ObjectNode copy = (ObjectNode) JSON.readTree(JSON.writeValueAsString(summary));
    copy.remove("seconds");
    return copy;
  }

  @Test
  void alertsAreReplaysOnTwoThreadsLineForLine() throws Exception {
    Path trail = dir.resolve("trail");
    SampleTrail.write(trail);
    Path alerts = dir.resolve("alerts");
    Run run = job("--input", trail.toString(), "--ruleset", "ruleset", "--alerts", alerts.toString(), "--hostname", HOST);
    assertEquals(0, run.exit(), run.err());

    List<String> expected = sorted(replay(trail, 2).alerts);
    assertTrue(expected.size() > 100, expected.size() + " alerts");
    assertEquals(expected, alertLines(alerts));
    // Sessions really are per account and region: one session over everything correlates otherwise.
    assertNotEquals(sorted(replay(trail, 1).alerts), alertLines(alerts));
  }

  @Test
  void summaryIsReplaysJsonSummary() throws Exception {
    Path trail = dir.resolve("trail");
    SampleTrail.write(trail);
    Path summary = dir.resolve("summary.json");
    Run run = job("--input", trail.toString(), "--ruleset", "ruleset", "--alerts", dir.resolve("alerts").toString(),
        "--summary", summary.toString(), "--hostname", HOST);
    assertEquals(0, run.exit(), run.err());

    JsonNode written = JSON.readTree(summary.toFile());
    assertEquals(JSON.readTree(run.out()), written);
    assertEquals(withoutSeconds(replay(trail, 2).summary.json(0)), withoutSeconds(written));
    assertEquals(562, written.get("records").asLong());
  }

  @Test
  void badFilesAndRecordsAreReportedWithPathAndIndexAndTheRunGoesOn() throws Exception {
    Path trail = dir.resolve("trail");
    SampleTrail sample = SampleTrail.write(trail);
    Path folder = sample.files.get(0).getParent();
    Files.write(folder.resolve("123456789012_CloudTrail_us-east-1_20260116T0000Z_corrupt.json.gz"),
        new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    ObjectNode good = sample.records.get(0).deepCopy();
    ObjectNode notCloudTrail = JSON.createObjectNode().put("hello", "world");
    Files.write(folder.resolve("123456789012_CloudTrail_us-east-1_20260116T0005Z_mixed.json"),
        SampleRecords.logFile(List.of(good, notCloudTrail)));
    byte[] whole = SampleTrail.gzip(SampleRecords.logFile(sample.records.subList(0, 5)));
    Files.write(folder.resolve("123456789012_CloudTrail_us-east-1_20260116T0010Z_truncated.json.gz"),
        java.util.Arrays.copyOf(whole, whole.length / 2));

    Path summary = dir.resolve("summary.json");
    Run run = job("--input", trail.toString(), "--ruleset", "ruleset", "--alerts", dir.resolve("alerts").toString(),
        "--summary", summary.toString(), "--hostname", HOST);
    assertEquals(ReplayJob.EXIT_SKIPPED, run.exit(), run.err());

    Replayed replayed = replay(trail, 2);
    assertEquals(3, replayed.problems.size(), replayed.problems.toString());
    assertEquals(sorted(replayed.problems), sorted(List.of(run.err().split("\n"))));
    assertTrue(run.err().contains("_mixed.json record 1: not a CloudTrail record: no eventVersion"), run.err());
    JsonNode written = JSON.readTree(summary.toFile());
    assertEquals(2, written.get("filesIncomplete").asLong());
    assertEquals(1, written.get("recordsSkipped").asLong());
    assertEquals(withoutSeconds(replayed.summary.json(0)), withoutSeconds(written));
    assertEquals(sorted(replayed.alerts), alertLines(dir.resolve("alerts")));
  }

  @Test
  void parquetHoldsTheSameAlerts() throws Exception {
    Path trail = dir.resolve("trail");
    SampleTrail.write(trail);
    Path alerts = dir.resolve("alerts.parquet");
    Run run = job("--input", trail.toString(), "--ruleset", "ruleset", "--alerts", alerts.toString(), "--format", "parquet",
        "--hostname", HOST);
    assertEquals(0, run.exit(), run.err());

    List<String> expected = new ArrayList<>();
    for (String line : replay(trail, 2).alerts) {
      JsonNode alert = JSON.readTree(line);
      expected.add(alert.get("source").get("path").textValue() + " " + alert.get("source").get("record").asLong()
          + " " + alert.get("rule").get("id").asInt() + " " + alert.get("eventID").textValue()
          + " " + alert.get("fields").get("user"));
    }
    List<String> actual = new ArrayList<>();
    for (Row row : spark.read().parquet(alerts.toString()).collectAsList()) {
      Row source = row.getStruct(row.fieldIndex("source"));
      Row rule = row.getStruct(row.fieldIndex("rule"));
      scala.collection.Map<String, String> fields = row.getMap(row.fieldIndex("fields"));
      scala.Option<String> user = fields.get("user");
      actual.add(source.getString(0) + " " + source.getLong(1) + " " + rule.getInt(0) + " " + row.getAs("eventID")
          + " " + (user.isDefined() ? JSON.writeValueAsString(user.get()) : "null"));
    }
    assertEquals(sorted(expected), sorted(actual));
  }

  @Test
  void anExistingOutputIsRefusedAndLeftAlone() throws Exception {
    Path trail = dir.resolve("trail");
    SampleTrail.write(trail);
    Path alerts = Files.createDirectories(dir.resolve("alerts"));
    Files.writeString(alerts.resolve("mine.txt"), "keep me");
    Run run = job("--input", trail.toString(), "--ruleset", "ruleset", "--alerts", alerts.toString());
    assertEquals(ReplayJob.EXIT_USAGE, run.exit());
    assertEquals("ossec-aws-spark: " + alerts + " already exists: name a new path, so that nothing is overwritten\n", run.err());
    assertEquals(List.of(alerts.resolve("mine.txt")), Files.list(alerts).toList());
    assertFalse(run.out().contains("records"));
  }

  @Test
  void aMissingInputIsABadUsageAndNothingIsWritten() {
    Path alerts = dir.resolve("alerts");
    Run run = job("--input", dir.resolve("nowhere").toString(), "--ruleset", "ruleset", "--alerts", alerts.toString());
    assertEquals(ReplayJob.EXIT_USAGE, run.exit());
    assertEquals("ossec-aws-spark: no such file or directory: " + dir.resolve("nowhere") + "\n", run.err());
    assertFalse(Files.exists(alerts));
  }

  @Test
  void partitionsFollowTheInputsSizeAboveTheDefaultParallelism() {
    long mib = 1L << 20;
    List<InputFile> small = List.of(new InputFile(0, "a", "a", 3 * mib), new InputFile(1, "b", "b", 5 * mib));
    List<InputFile> big = new ArrayList<>();
    for (int i = 0; i < 20; i++) big.add(new InputFile(i, "f" + i, "f" + i, 100 * mib));

    assertEquals(2, ReplayJob.defaultPartitions(small, 2));
    assertEquals(2, ReplayJob.defaultPartitions(List.of(), 2));
    assertEquals(32, ReplayJob.defaultPartitions(big, 2)); // 2,000 MiB at 64 MiB a partition, rounded up
  }
}
