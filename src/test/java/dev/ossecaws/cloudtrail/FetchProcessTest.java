package dev.ossecaws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ossec-aws cloudtrail fetch} in child JVMs, as cron runs it: killed with SIGKILL at random
 * moments while new objects keep arriving, then run to completion, the log must hold every record
 * exactly once.
 */
class FetchProcessTest {
  @RegisterExtension static final S3MockExtension S3_MOCK = S3MockServer.extension();
  private static final int KILLS = 50;
  private static final int OBJECTS_PER_ROUND = 6;
  private static final int RECORDS_PER_OBJECT = 40;

  @TempDir Path dir;

  @Test
  void killedAtRandomMomentsTheFetcherStillWritesEachRecordExactlyOnce() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path log = dir.resolve("amazon.log");
    Path state = dir.resolve("amazon.log.state");
    List<String> expected = new ArrayList<>();
    int kills = 0;
    int pendingAtKill = 0;
    int completedRuns = 0;
    int sequence = 0;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try (S3Client s3 = S3MockServer.client(S3_MOCK)) {
      TrailBucket bucket = new TrailBucket(s3, "crash");
      while (kills < KILLS) {
        for (int i = 0; i < OBJECTS_PER_ROUND; i++) {
          String region = i % 2 == 0 ? "us-east-1" : "eu-central-1";
          expected.addAll(bucket.putLogFile(TrailBucket.logKey("111122223333", region, today, sequence++), RECORDS_PER_OBJECT));
        }
        Process child = fetch(bucket.name, log);
        // A third of the kills at any moment; the others just as the child starts appending, the
        // window between writing a batch and committing it.
        if (random.nextInt(3) > 0) awaitAppending(child, log, state);
        if (child.waitFor(random.nextInt(kills % 3 == 0 ? 4000 : 40), TimeUnit.MILLISECONDS)) {
          assertEquals(0, child.exitValue(), Files.readString(dir.resolve("child.err")));
          completedRuns++;
        } else {
          child.destroyForcibly().waitFor();
          kills++;
          if (Files.exists(state) && Files.readString(state).contains("\"pending\"")) pendingAtKill++;
        }
      }
      Process last = fetch(bucket.name, log);
      assertEquals(0, last.waitFor(), Files.readString(dir.resolve("child.err")));
    }

    Map<String, Integer> seen = new HashMap<>();
    for (String id : FetcherTest.eventIds(log)) seen.merge(id, 1, Integer::sum);
    Set<String> expectedIds = new HashSet<>(expected);
    long lost = expectedIds.stream().filter(id -> !seen.containsKey(id)).count();
    long duplicated = seen.values().stream().filter(n -> n > 1).count();
    long unexpected = seen.keySet().stream().filter(id -> !expectedIds.contains(id)).count();
    System.out.printf("crash test (seed %d): %d kills (%d with a batch pending), %d runs completed, %d records,"
        + " %d lost, %d duplicated%n", seed, kills, pendingAtKill, completedRuns, expected.size(), lost, duplicated);
    assertEquals(0, lost, "records lost");
    assertEquals(0, duplicated, "records duplicated");
    assertEquals(0, unexpected);
    assertFalse(Files.readString(dir.resolve("child.err")).contains(S3MockServer.SECRET_KEY));
  }

  /** Returns once the log grows or the state holds a pending batch (or the child is done). */
  private static void awaitAppending(Process child, Path log, Path state) throws Exception {
    long size = Files.exists(log) ? Files.size(log) : 0;
    while (child.isAlive()) {
      if (Files.exists(log) && Files.size(log) != size) return;
      try {
        if (Files.exists(state) && Files.readString(state).contains("\"pending\"")) return;
      } catch (IOException e) {
        // replaced while read: look again
      }
      Thread.sleep(2);
    }
  }

  @Test
  void aFailedObjectMakesTheCommandExitOneNamingItsKeyAndNeverTheCredentials() throws Exception {
    Path log = dir.resolve("amazon.log");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String bad = TrailBucket.logKey("111122223333", "us-east-1", today, 2);
    try (S3Client s3 = S3MockServer.client(S3_MOCK)) {
      TrailBucket bucket = new TrailBucket(s3, "failing");
      bucket.putLogFile(TrailBucket.logKey("111122223333", "us-east-1", today, 1), 3);
      // An HTML error page stored as a log file, as a proxy or a misdirected upload leaves one.
      bucket.put(bad, "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1></body>\n</html>\n");
      Process child = fetch(bucket.name, log);
      assertEquals(1, child.waitFor());
    }
    // The test class path holds S3Mock's Logback beside the tool's slf4j-nop: SLF4J says so first.
    String err = String.join("\n", Files.readAllLines(dir.resolve("child.err")).stream()
        .filter(line -> !line.startsWith("SLF4J")).toList());
    assertEquals("ossec-aws: " + bad + ": invalid JSON at line 1, column 1", err.lines().findFirst().orElse(""));
    assertTrue(err.lines().skip(1).findFirst().orElse("").matches(
        "ossec-aws: 1 objects, 3 records, .* 1 failed, 0 already done, 0 deleted"), err);
    assertFalse(err.contains(S3MockServer.SECRET_KEY) || err.contains(S3MockServer.ACCESS_KEY), err);
    for (String wording : RecordReaderTest.LIBRARY_WORDING) assertFalse(err.contains(wording), err);
    assertEquals(3, FetcherTest.eventIds(log).size());
  }

  private Process fetch(String bucket, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"),
        "dev.ossecaws.cli.Main", "cloudtrail", "fetch", "-b", bucket, "-l", log.toString(),
        "--endpoint-url", S3MockServer.endpoint(S3_MOCK).toString(), "--path-style", "--region", "us-east-1");
    builder.environment().put("AWS_ACCESS_KEY_ID", S3MockServer.ACCESS_KEY);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", S3MockServer.SECRET_KEY);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectError(dir.resolve("child.err").toFile());
    return builder.start();
  }
}
