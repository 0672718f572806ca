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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * N queue workers ({@code cloudtrail fetch --queue-url}) in child JVMs on one queue, each with its
 * own log, killed with SIGKILL at random moments (half of them while a batch is pending, the window
 * between the commit point and the write) and restarted: every record must end in exactly one log.
 *
 * <p>The CI run is short; {@code -Dossecaws.longCrash=true} runs 400 objects and 30 kills per N, and
 * {@code -Dossecaws.queueKills=0} measures the workers' throughput without kills.
 */
class QueueProcessTest {
  @RegisterExtension static final S3MockExtension S3_MOCK = S3MockServer.extension();
  private static final boolean LONG = Boolean.getBoolean("ossecaws.longCrash");
  private static final int OBJECTS = LONG ? 400 : 60;
  private static final int KILLS = Integer.getInteger("ossecaws.queueKills", LONG ? 30 : 4);
  private static final int RECORDS_PER_OBJECT = 20;
  /**
   * A liveness guard, not a measure: on this 2-core machine the short run of two workers took 9.5 s
   * to 72 s (6 to 17 worker runs) on a quiet machine, and once more than 120 s inside CI.
   */
  private static final long DEADLINE_MS = LONG ? 900_000 : 300_000;
  private static SqsServer sqsServer;
  private static FaultyS3Proxy proxy;

  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS) Path dir;

  @BeforeAll
  static void start() throws IOException {
    sqsServer = SqsServer.start();
    proxy = new FaultyS3Proxy(S3MockServer.endpoint(S3_MOCK)); // S3's atomic conditional writes
  }

  @AfterAll
  static void stop() {
    proxy.close();
    sqsServer.close();
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 4})
  void workersKilledAtRandomLeaveEveryRecordInExactlyOneLog(int workers) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Set<String> expected = new HashSet<>();
    String queueUrl;
    String bucketName;
    int duplicates = 0;
    try (S3Client s3 = S3MockServer.client(S3_MOCK); SqsClient sqs = sqsServer.client()) {
      TrailBucket bucket = new TrailBucket(s3, "crash-" + workers);
      bucketName = bucket.name;
      queueUrl = sqs.createQueue(b -> b.queueName("crash-" + workers)).queueUrl();
      for (int i = 0; i < OBJECTS; i++) {
        String key = TrailBucket.logKey(i % 3 == 0 ? "111122223333" : "444455556666", i % 2 == 0 ? "us-east-1" : "eu-west-3", today, i);
        expected.addAll(bucket.putLogFile(key, RECORDS_PER_OBJECT));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucketName).key(key));
        String s3Event = S3Notifications.s3Event(bucketName, key, head.contentLength(), head.eTag());
        String body = switch (i % 4) {
          case 0 -> s3Event;
          case 1 -> S3Notifications.snsEnvelope(s3Event);
          case 2 -> S3Notifications.eventBridgeObjectCreated(bucketName, key, head.contentLength(), head.eTag());
          default -> s3Event; // through SNS with raw message delivery: the same body
        };
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        if (random.nextInt(10) == 0) { // S3 delivers at least once: sometimes twice
          sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
          duplicates++;
        }
      }

      long start = System.nanoTime();
      Process[] running = new Process[workers];
      int[] runs = new int[workers];
      int kills = 0;
      int pendingAtKill = 0;
      for (int w = 0; w < workers; w++) running[w] = worker(w, runs[w]++, bucketName, queueUrl);
      // Kills stop when the queue is empty: a worker that finds nothing exits at once, and waiting
      // to find one alive only made the long run idle (it once ran past its deadline so).
      while (kills < KILLS && SqsServer.messagesIn(sqs, queueUrl) > 0) {
        Thread.sleep(500 + random.nextInt(2500));
        int victim = random.nextBoolean() ? random.nextInt(workers) : awaitPending(running, 10_000, random.nextInt(workers));
        if (running[victim].isAlive()) {
          if (hasPending(state(victim))) pendingAtKill++;
          running[victim].destroyForcibly().waitFor();
          kills++;
        } else {
          assertEquals(0, running[victim].exitValue(), err(victim, runs[victim] - 1));
        }
        running[victim] = worker(victim, runs[victim]++, bucketName, queueUrl);
      }
      // Then until the queue is empty: killed workers' messages come back once their lease ends.
      while (true) {
        assertTrue(System.nanoTime() - start < DEADLINE_MS * 1_000_000, "not drained in time");
        int left = SqsServer.messagesIn(sqs, queueUrl);
        boolean anyAlive = false;
        for (int w = 0; w < workers; w++) {
          if (running[w].waitFor(100, TimeUnit.MILLISECONDS)) {
            assertEquals(0, running[w].exitValue(), err(w, runs[w] - 1));
            if (left > 0) running[w] = worker(w, runs[w]++, bucketName, queueUrl);
          } else {
            anyAlive = true;
          }
        }
        if (left == 0 && !anyAlive) break;
      }
      double seconds = (System.nanoTime() - start) / 1e9;

      Map<String, Integer> seen = new HashMap<>();
      for (int w = 0; w < workers; w++) {
        for (String id : FetcherTest.eventIds(log(w))) seen.merge(id, 1, Integer::sum);
      }
      long lost = expected.stream().filter(id -> !seen.containsKey(id)).count();
      long duplicated = seen.values().stream().filter(n -> n > 1).count();
      long unexpected = seen.keySet().stream().filter(id -> !expected.contains(id)).count();
      System.out.printf("queue crash test, %d workers (seed %d): %d objects (%d notified twice), %d records,"
          + " %d kills (%d with a batch pending), %d runs, %.1f s, %.0f records/s; %d lost, %d duplicated%n",
          workers, seed, OBJECTS, duplicates, expected.size(), kills, pendingAtKill,
          java.util.Arrays.stream(runs).sum(), seconds, expected.size() / seconds, lost, duplicated);
      if (lost + duplicated > 0) System.out.println("kept for a look: " + dir);
      assertEquals(0, lost, "records lost");
      assertEquals(0, duplicated, "records in two logs, or twice in one");
      assertEquals(0, unexpected);
      for (int w = 0; w < workers; w++) {
        for (int run = 0; run < runs[w]; run++) assertFalse(err(w, run).contains(S3MockServer.SECRET_KEY));
      }
    }
  }

  private Path log(int worker) {
    return dir.resolve("worker-" + worker).resolve("amazon.log");
  }

  private Path state(int worker) {
    return FetchSettings.defaultState(log(worker));
  }

  private String err(int worker, int run) throws IOException {
    Path file = dir.resolve("worker-" + worker + "-run-" + run + ".err");
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private static boolean hasPending(Path state) {
    try {
      return Files.exists(state) && Files.readString(state).contains("\"pending\"");
    } catch (IOException e) {
      return false; // replaced while read
    }
  }

  /** The first worker seen with a batch pending (between its commit point and its write), or {@code otherwise}. */
  private int awaitPending(Process[] running, long maxMillis, int otherwise) throws InterruptedException {
    long until = System.currentTimeMillis() + maxMillis;
    while (System.currentTimeMillis() < until) {
      for (int w = 0; w < running.length; w++) {
        if (running[w].isAlive() && hasPending(state(w))) return w;
      }
      Thread.sleep(2);
    }
    return otherwise;
  }

  private Process worker(int worker, int run, String bucket, String queueUrl) throws IOException {
    Files.createDirectories(log(worker).getParent());
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"),
        "dev.ossecaws.cli.Main", "cloudtrail", "fetch", "-b", bucket, "-l", log(worker).toString(),
        "--queue-url", queueUrl, "--sqs-endpoint-url", sqsServer.endpoint.toString(),
        "--lease", "3s", "--wait-seconds", "1",
        "--endpoint-url", proxy.endpoint().toString(), "--path-style", "--region", "us-east-1");
    builder.environment().put("AWS_ACCESS_KEY_ID", S3MockServer.ACCESS_KEY);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", S3MockServer.SECRET_KEY);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectError(dir.resolve("worker-" + worker + "-run-" + run + ".err").toFile());
    return builder.start();
  }
}
