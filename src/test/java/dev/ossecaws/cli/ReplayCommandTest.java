package dev.ossecaws.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.ProjectCopy;
import dev.ossecaws.cloudtrail.FaultyS3Proxy;
import dev.ossecaws.cloudtrail.S3MockServer;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.output.JsonReport;
import dev.ossecaws.replay.AlertLine;
import dev.ossecaws.replay.EventTimeClock;
import dev.ossecaws.replay.SampleRecords;
import dev.ossecaws.replay.SampleTrail;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class ReplayCommandTest {
  @RegisterExtension static final S3MockExtension S3_MOCK = S3MockServer.extension();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private List<JsonNode> alertLines(Path file) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, UTF_8)) lines.add(JSON.readTree(line));
    return lines;
  }

  /** {@code cloudtrail flatten} of the files, as one string of lines. */
  private String flatten(List<Path> files) {
    List<String> args = new ArrayList<>(List.of("cloudtrail", "flatten"));
    files.forEach(f -> args.add(f.toString()));
    PrintStream saved = System.out;
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    System.setOut(new PrintStream(lines, true, US_ASCII));
    try {
      assertEquals(0, Main.commandLine().execute(args.toArray(String[]::new)));
    } finally {
      System.setOut(saved);
    }
    return lines.toString(US_ASCII);
  }

  @Test
  void oneThreadWritesTheAlertsOfOneLogtestSessionOverTheFlattenedFiles() throws Exception {
    SampleTrail trail = SampleTrail.write(dir.resolve("trail"));
    Path alerts = dir.resolve("alerts.jsonl");
    assertEquals(0, run("replay", "--threads", "1", "--hostname", "ossec-aws", "--alerts", alerts.toString(),
        "--format", "json", dir.resolve("trail").toString()));

    Engine logtest = SampleRecords.engine().clock(new EventTimeClock()).load(message -> {});
    List<JsonNode> expected = new ArrayList<>();
    String[] lines = flatten(trail.files).split("\n");
    assertEquals(562, lines.length);
    for (String line : lines) {
      Verdict verdict = logtest.process(line);
      if (AlertLine.isAlert(verdict)) expected.add(JSON.readTree(JsonReport.of(verdict)));
    }
    List<JsonNode> written = alertLines(alerts);
    assertEquals(expected.size(), written.size());
    for (int i = 0; i < written.size(); i++) {
      ObjectNode line = (ObjectNode) written.get(i).deepCopy();
      line.remove(List.of("eventTime", "eventID", "account", "region", "source"));
      assertEquals(expected.get(i), line, "alert " + i);
    }
    // Each line names its file and record, and carries that record's time and id.
    for (JsonNode line : written) {
      JsonNode source = line.get("source");
      int file = trail.files.indexOf(Path.of(source.get("path").textValue()));
      int before = 0;
      for (int f = 0; f < file; f++) before += recordsIn(trail, f);
      JsonNode record = trail.records.get(before + source.get("record").intValue());
      assertEquals(record.get("eventID"), line.get("eventID"));
      assertEquals(record.get("eventTime"), line.get("eventTime"));
    }

    JsonNode summary = JSON.readTree(out.toString());
    assertEquals(562, summary.get("records").intValue());
    assertEquals(trail.files.size(), summary.get("files").intValue());
    assertEquals(written.size(), summary.get("alerts").intValue());
    long perRule = 0;
    for (JsonNode rule : summary.get("rules")) perRule += rule.get("alerts").longValue();
    assertEquals(written.size(), perRule);
    assertEquals("", err.toString());
  }

  private static int recordsIn(SampleTrail trail, int file) throws Exception {
    String name = trail.files.get(file).toString();
    byte[] bytes = Files.readAllBytes(trail.files.get(file));
    if (name.endsWith(".gz")) bytes = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
    return JSON.readTree(bytes).get("Records").size();
  }

  @Test
  void textSummaryShowsRecordsAlertsPerLevelAndTopRules() throws Exception {
    SampleTrail.write(dir.resolve("trail"));
    assertEquals(0, run("replay", "--threads", "2", "--top", "3", dir.resolve("trail").toString()));
    String[] lines = out.toString().split("\n");
    assertTrue(lines[0].matches("562 records of \\d+ files in [0-9.]+ s \\(\\d+ records/s\\)"), lines[0]);
    assertTrue(lines[1].matches("\\d+ alerts: level 14 \\d+, level 13 \\d+, .*level 1 \\d+"), lines[1]);
    assertEquals("top rules:", lines[2]);
    assertEquals("   alerts  rule   level  description", lines[3]);
    assertTrue(lines[4].matches(" +\\d+  8\\d{4} +\\d+  Amazon.*"), lines[4]);
    assertEquals(7, lines.length);
  }

  @Test
  void badInputIsReportedWithItsFileAndRecordAndExitsOne() throws Exception {
    ObjectNode record = SampleRecords.ofCase("iam/create-user").get(0);
    ObjectNode noVersion = record.deepCopy();
    noVersion.remove("eventVersion");
    Path mixed = Files.write(dir.resolve("mixed.json"), SampleRecords.logFile(List.of(noVersion, record)));
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"Records\":[");
    Path alerts = dir.resolve("alerts.jsonl");

    assertEquals(1, run("replay", "--alerts", alerts.toString(), mixed.toString(), broken.toString()));

    assertEquals("replay: " + mixed + " record 0: not a CloudTrail record: no eventVersion\n"
        + "replay: " + broken + ": not a CloudTrail log file: truncated JSON: the file ends at line 1, column 13\n",
        err.toString());
    assertEquals(1, alertLines(alerts).size());
    assertEquals(1, alertLines(alerts).get(0).get("source").get("record").intValue());
    assertTrue(out.toString().contains("skipped: 1 files cut short or unreadable, 1 records not CloudTrail"), out.toString());
  }

  @Test
  void aMissingPathOrABadOptionIsAUsageError() {
    assertEquals(2, run("replay", dir.resolve("nowhere").toString()));
    assertEquals("replay: no such file or directory: " + dir.resolve("nowhere") + "\n", err.toString());
    assertEquals(2, run("replay", "--fail-on-change", "7", dir.toString()));
    assertTrue(err.toString().startsWith("--fail-on-change needs --baseline\n"), err.toString());
    assertEquals(2, run("replay", "--threads", "0", dir.toString()));
    assertTrue(err.toString().startsWith("--threads must be at least 1: 0\n"), err.toString());
  }

  @Test
  void s3ReplaysTheTrailsDayFoldersFromSinceThroughUntilAndReportsAnUnreadableKey() throws Exception {
    Path root = dir.resolve("trail");
    SampleTrail trail = SampleTrail.write(root);
    String bucket = "replay-trail";
    List<String> keys = new ArrayList<>();
    try (S3Client s3 = S3MockServer.client(S3_MOCK); Stream<Path> walk = Files.walk(root)) {
      s3.createBucket(b -> b.bucket(bucket));
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String key = "org-trail/" + root.relativize(file);
        keys.add(key);
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
      }
      // A day after --until: not listed.
      String later = "org-trail/AWSLogs/123456789012/CloudTrail/us-east-1/2026/01/17/"
          + "123456789012_CloudTrail_us-east-1_20260117T0000Z_later.json";
      s3.putObject(b -> b.bucket(bucket).key(later), RequestBody.fromString("not even JSON"));
    }
    Path local = dir.resolve("local.jsonl");
    Path fromS3 = dir.resolve("s3.jsonl");
    assertEquals(0, run("replay", "--threads", "1", "--alerts", local.toString(), root.toString()));
    System.setProperty("aws.accessKeyId", S3MockServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3MockServer.SECRET_KEY);
    String denied = "org-trail/" + root.relativize(trail.files.get(3));
    try (FaultyS3Proxy proxy = new FaultyS3Proxy(S3MockServer.endpoint(S3_MOCK))) {
      String[] s3Args = {"replay", "--threads", "1", "--alerts", fromS3.toString(), "--endpoint-url",
          proxy.endpoint().toString(), "--path-style", "--region", "us-east-1", "--since", "2026-01-14", "--until",
          "2026-01-16", "s3://" + bucket + "/org-trail"};
      assertEquals(0, run(s3Args));
      assertEquals(paths(local, root.toString()), paths(fromS3, "s3://" + bucket + "/org-trail"));
      assertTrue(!err.toString().contains(S3MockServer.SECRET_KEY));

      proxy.failAlways(denied, new FaultyS3Proxy.Fault(403, "AccessDenied"));
      assertEquals(1, run(s3Args));
      assertEquals("replay: s3://" + bucket + "/" + denied + ": access denied (AccessDenied, HTTP 403)\n", err.toString());
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  /** The alert lines with their source path relative to {@code root}, the rest unchanged. */
  private List<String> paths(Path alerts, String root) throws Exception {
    List<String> lines = new ArrayList<>();
    for (JsonNode line : alertLines(alerts)) {
      ObjectNode source = (ObjectNode) line.get("source");
      source.put("path", source.get("path").textValue().substring(root.length()));
      lines.add(line.toString());
    }
    return lines;
  }

  @Test
  void baselineListsExactlyTheRaisedRulesAlertsAsChangedAndFailOnChangeGatesOnTheirLevel() throws Exception {
    SampleTrail.write(dir.resolve("trail"));
    ProjectCopy copy = ProjectCopy.into(dir.resolve("work"));
    copy.replaceOnce(copy.rulesFile(), "<rule id=\"80020\" level=\"5\">", "<rule id=\"80020\" level=\"7\">");
    Path alerts = dir.resolve("alerts.jsonl");
    String trailDir = dir.resolve("trail").toString();

    Path page = dir.resolve("report.html");
    assertEquals(0, run("replay", "--ruleset", copy.ruleset().toString(), "--baseline", "ruleset", "--alerts",
        alerts.toString(), "--report", page.toString(), "--format", "json", trailDir));
    String html = Files.readString(page, UTF_8);
    assertTrue(html.contains("<title>ossec-aws replay of " + trailDir + "</title>"), html.substring(0, 300));
    assertTrue(html.contains("\"levelBefore\":5,\"levelAfter\":7"), "the page shows the comparison");

    Set<String> raised = new TreeSet<>();
    for (JsonNode line : alertLines(alerts)) {
      if (line.get("rule").get("id").intValue() == 80020) {
        assertEquals(7, line.get("rule").get("level").intValue());
        raised.add(line.get("source").toString());
      }
    }
    assertTrue(raised.size() > 10, raised.size() + " alerts of 80020");
    JsonNode baseline = JSON.readTree(out.toString()).get("baseline");
    Set<String> changed = new TreeSet<>();
    for (JsonNode record : baseline.get("records")) {
      assertEquals("changed", record.get("change").textValue());
      assertEquals("{\"rule\":80020,\"level\":5}", record.get("before").toString());
      assertEquals("{\"rule\":80020,\"level\":7}", record.get("after").toString());
      changed.add(record.get("source").toString());
    }
    assertEquals(raised, changed);
    List<String> differing = new ArrayList<>();
    for (JsonNode rule : baseline.get("rules")) {
      if (!rule.get("levelBefore").equals(rule.get("levelAfter")) || !rule.get("alertsBefore").equals(rule.get("alertsAfter"))) {
        differing.add(rule.toString());
      }
    }
    assertEquals(List.of("{\"id\":80020,\"description\":\"Amazon: Unauthorized API call\",\"levelBefore\":5,"
        + "\"levelAfter\":7,\"alertsBefore\":" + raised.size() + ",\"alertsAfter\":" + raised.size() + "}"), differing);

    String[] gate = {"replay", "--ruleset", copy.ruleset().toString(), "--baseline", "ruleset", "--fail-on-change", "", trailDir};
    gate[6] = "7";
    assertEquals(ReplayCommand.EXIT_CHANGED, run(gate));
    gate[6] = "5";
    assertEquals(ReplayCommand.EXIT_CHANGED, run(gate));
    gate[6] = "8";
    assertEquals(0, run(gate));
    assertTrue(out.toString().contains("baseline -> working tree: 1 rules differ, " + raised.size() + " records differ"
        + " (0 gained an alert, 0 lost one, " + raised.size() + " changed)"), out.toString());
  }

  @Test
  void baselineAtAGitRevisionIsReadFromTheCheckoutAndItsCopyRemoved() throws Exception {
    ProjectCopy copy = ProjectCopy.into(dir.resolve("repo"));
    Path repo = dir.resolve("repo");
    git(repo, "init", "-q");
    git(repo, "add", "ruleset");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "ruleset");
    copy.replaceOnce(copy.rulesFile(), "<rule id=\"80020\" level=\"5\">", "<rule id=\"80020\" level=\"7\">");
    Path record = Files.write(dir.resolve("denied.json"),
        SampleRecords.logFile(SampleRecords.ofCase("unauthorized/describe-snapshots-unauthorized")));
    Set<Path> tempBefore = baselineCopies();

    assertEquals(0, run("replay", "--ruleset", copy.ruleset().toString(), "--baseline", "HEAD", record.toString()));

    assertTrue(out.toString().contains("* 80020  5 -> 7"), out.toString());
    assertTrue(out.toString().contains("changed " + record + " record 0 ("), out.toString());
    assertEquals(tempBefore, baselineCopies());
    assertEquals(2, run("replay", "--ruleset", copy.ruleset().toString(), "--baseline", "no-such-ref", record.toString()));
    assertEquals("replay: --baseline 'no-such-ref' is neither a directory nor a revision of the git checkout "
        + repo.toRealPath() + "\n", err.toString());
  }

  private static Set<Path> baselineCopies() throws Exception {
    try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return new TreeSet<>(temp.filter(p -> p.getFileName().toString().startsWith("ossec-aws-baseline-")).toList());
    }
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), String.join(" ", command));
  }
}
