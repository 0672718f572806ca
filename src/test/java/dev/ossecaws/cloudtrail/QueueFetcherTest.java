package dev.ossecaws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class QueueFetcherTest {
  @RegisterExtension static final S3MockExtension S3_MOCK = S3MockServer.extension();
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static S3Client s3;
  private static SqsServer sqsServer;
  private static SqsClient sqs;
  private static int queues;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    s3 = S3MockServer.client(S3_MOCK);
    sqsServer = SqsServer.start();
    sqs = sqsServer.client();
  }

  @AfterAll
  static void stop() {
    sqs.close();
    sqsServer.close();
    s3.close();
  }

  /** A trail bucket and its queue (dead letters after two receives). */
  private static final class Trail {
    final TrailBucket bucket = new TrailBucket(s3, "queued-" + (++queues));
    final String queueUrl = SqsServer.createQueueWithDeadLetters(sqs, "trail-" + queues, 2);
    final String deadLetters = sqs.getQueueUrl(b -> b.queueName("trail-" + queues + "-dlq")).queueUrl();

    void send(String body) {
      sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    HeadObjectResponse head(String key) {
      return s3.headObject(b -> b.bucket(bucket.name).key(key));
    }
  }

  private FetchSummary fetch(Trail trail, String log, FetcherTest.Recording listener) throws Exception {
    return fetch(s3, trail, log, listener);
  }

  private FetchSummary fetch(S3Client s3, Trail trail, String log, FetcherTest.Recording listener) throws Exception {
    Path file = dir.resolve(log);
    FetchSettings settings = new FetchSettings(trail.bucket.name, "", Set.of(), Set.of(), null, 2, file,
        FetchSettings.defaultState(file), LineFormat.OSSEC, RecordLine.DEFAULT_MAX_BYTES, false, false);
    QueueSettings queue = new QueueSettings(trail.queueUrl, trail.bucket.name, QueueSettings.DEFAULT_CLAIMS_PREFIX, LEASE, 0);
    return new QueueFetcher(s3, sqs, settings, queue, listener, Clock.systemUTC()).run();
  }

  private static String key(int sequence) {
    return TrailBucket.logKey("111122223333", "us-east-1", TODAY, sequence);
  }

  @Test
  void notificationsOfEveryShapeAreFetchedOnceAndTheirMessagesDeleted() throws Exception {
    Trail trail = new Trail();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) expected.addAll(trail.bucket.putLogFile(key(i), 3));
    String plus = key(4).replace(".json.gz", "+retry.json.gz");
    expected.addAll(trail.bucket.putLogFile(plus, 2));
    String name = trail.bucket.name;
    trail.send(S3Notifications.s3Event(name, key(0), trail.head(key(0)).contentLength(), trail.head(key(0)).eTag()));
    trail.send(S3Notifications.s3Event(name, key(1), trail.head(key(1)).contentLength(), trail.head(key(1)).eTag()));
    trail.send(S3Notifications.snsEnvelope(S3Notifications.s3Event(name, key(2), trail.head(key(2)).contentLength(), trail.head(key(2)).eTag())));
    trail.send(S3Notifications.eventBridgeObjectCreated(name, key(3), trail.head(key(3)).contentLength(), trail.head(key(3)).eTag()));
    trail.send(S3Notifications.s3Event(name, plus, trail.head(plus).contentLength(), trail.head(plus).eTag()));
    trail.send(S3Notifications.s3Event(name, key(1), trail.head(key(1)).contentLength(), trail.head(key(1)).eTag())); // S3 sends one twice
    FetcherTest.Recording listener = new FetcherTest.Recording();

    FetchSummary summary = fetch(trail, "amazon.log", listener);

    assertEquals(List.of(), listener.failures);
    assertEquals(new HashSet<>(expected), new HashSet<>(FetcherTest.eventIds(dir.resolve("amazon.log"))));
    assertEquals(expected.size(), FetcherTest.eventIds(dir.resolve("amazon.log")).size());
    assertEquals(5, summary.objects());
    assertEquals(1, summary.alreadyDone(), "the duplicate notification");
    assertEquals(0, SqsServer.messagesIn(sqs, trail.queueUrl));
    String claim = s3.getObjectAsBytes(b -> b.bucket(name).key(QueueSettings.DEFAULT_CLAIMS_PREFIX + key(0))).asUtf8String();
    assertEquals("done", new ObjectMapper().readTree(claim).get("state").asText());
    assertTrue(new ObjectMapper().readTree(claim).get("log").asText().endsWith(":" + dir.resolve("amazon.log")), claim);
  }

  @Test
  void theTestEventAndDigestFilesAreAcknowledgedAndSkipped() throws Exception {
    Trail trail = new Trail();
    String digest = TrailBucket.digestKey("111122223333", "us-east-1", TODAY);
    trail.bucket.put(digest, "{}");
    trail.send(S3Notifications.testEvent(trail.bucket.name));
    trail.send(S3Notifications.snsEnvelope(S3Notifications.testEvent(trail.bucket.name)));
    trail.send(S3Notifications.s3Event(trail.bucket.name, digest, 2, trail.head(digest).eTag()));
    FetcherTest.Recording listener = new FetcherTest.Recording();

    FetchSummary summary = fetch(trail, "amazon.log", listener);

    assertEquals(List.of(), listener.failures);
    assertEquals(0, summary.objects() + summary.failed());
    assertEquals(0, SqsServer.messagesIn(sqs, trail.queueUrl));
    assertEquals(List.of(), FetcherTest.eventIds(dir.resolve("amazon.log")));
  }

  @Test
  void anotherBucketsKeyAStrayKeyAndAnUnreadableMessageAreReportedAndLeftForTheDeadLetterQueue() throws Exception {
    Trail trail = new Trail();
    List<String> expected = trail.bucket.putLogFile(key(1), 2);
    String stray = "AWSLogs/111122223333/CloudTrail/us-east-1/" + TODAY.toString().replace('-', '/') + "/notes.txt";
    trail.bucket.put(stray, "x");
    trail.send(S3Notifications.s3Event("someone-elses-bucket", key(1), 10, "abc"));
    trail.send(S3Notifications.s3Event(trail.bucket.name, stray, 1, trail.head(stray).eTag()));
    trail.send("<xml/>");
    trail.send(S3Notifications.s3Event(trail.bucket.name, key(1), trail.head(key(1)).contentLength(), trail.head(key(1)).eTag()));
    FetcherTest.Recording listener = new FetcherTest.Recording();

    FetchSummary summary = fetch(trail, "amazon.log", listener);

    assertEquals(3, summary.failed());
    assertEquals(Set.of(
        "s3://someone-elses-bucket/" + key(1) + ": in bucket someone-elses-bucket, not the trail's bucket "
            + trail.bucket.name + "; left on the queue for its dead-letter queue",
        stray + ": not a CloudTrail log file (no _CloudTrail_ in a .json.gz name); left on the queue for its dead-letter queue"),
        Set.copyOf(listener.failures.subList(0, 3)).stream().filter(f -> !f.startsWith("message ")).collect(java.util.stream.Collectors.toSet()));
    assertTrue(listener.failures.stream().anyMatch(f -> f.matches("message [-0-9a-f]+: invalid JSON at line 1, column 1;"
        + " left on the queue for its dead-letter queue")), listener.failures.toString());
    assertEquals(expected, FetcherTest.eventIds(dir.resolve("amazon.log")));

    // Received again once visible (the second receive), they then go to the dead-letter queue.
    Thread.sleep(LEASE.toMillis() + 500);
    assertEquals(3, fetch(trail, "amazon.log", new FetcherTest.Recording()).failed());
    Thread.sleep(LEASE.toMillis() + 500);
    fetch(trail, "amazon.log", new FetcherTest.Recording());
    List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(trail.deadLetters).maxNumberOfMessages(10)).messages();
    assertEquals(3, dead.size());
    assertEquals(0, SqsServer.messagesIn(sqs, trail.queueUrl));
  }

  @Test
  void aFileClaimedByAWorkerWhoseLeaseRunsIsLeftToItAndTakenOverOnceTheLeaseEnds() throws Exception {
    Trail trail = new Trail();
    List<String> expected = trail.bucket.putLogFile(key(1), 2);
    ObjectClaims other = new ObjectClaims(s3, trail.bucket.name, QueueSettings.DEFAULT_CLAIMS_PREFIX,
        "another-worker", "host:/var/ossec/logs/amazon.log", LEASE, Clock.systemUTC());
    assertTrue(other.tryClaim(key(1)).claim() != null);
    trail.send(S3Notifications.s3Event(trail.bucket.name, key(1), trail.head(key(1)).contentLength(), trail.head(key(1)).eTag()));

    FetchSummary whileHeld = fetch(trail, "amazon.log", new FetcherTest.Recording());
    assertEquals(0, whileHeld.objects() + whileHeld.failed());
    assertEquals(1, SqsServer.messagesIn(sqs, trail.queueUrl), "left on the queue until the lease ends");

    Thread.sleep(LEASE.toMillis() + 1200);
    FetchSummary afterLease = fetch(trail, "amazon.log", new FetcherTest.Recording());
    assertEquals(1, afterLease.objects());
    assertEquals(expected, FetcherTest.eventIds(dir.resolve("amazon.log")));
    assertNull(other.own(key(1)), "the claim is no longer the other worker's");
  }

  @Test
  void aFileAnotherWorkerCompletedIsAcknowledgedWithoutFetchingIt() throws Exception {
    Trail trail = new Trail();
    trail.bucket.putLogFile(key(1), 2);
    ObjectClaims other = new ObjectClaims(s3, trail.bucket.name, QueueSettings.DEFAULT_CLAIMS_PREFIX,
        "another-worker", "host:/var/ossec/logs/amazon.log", LEASE, Clock.systemUTC());
    assertTrue(other.complete(other.tryClaim(key(1)).claim()));
    trail.send(S3Notifications.s3Event(trail.bucket.name, key(1), trail.head(key(1)).contentLength(), trail.head(key(1)).eTag()));

    FetchSummary summary = fetch(trail, "amazon.log", new FetcherTest.Recording());

    assertEquals(0, summary.objects());
    assertEquals(1, summary.alreadyDone());
    assertEquals(0, SqsServer.messagesIn(sqs, trail.queueUrl));
    assertTrue(!Files.exists(dir.resolve("amazon.log")) || Files.size(dir.resolve("amazon.log")) == 0);
  }

  @Test
  void aWorkerThatStoppedAfterMarkingItsClaimsDoneWritesTheirLinesWhenItRestarts() throws Exception {
    Trail trail = new Trail();
    List<String> expected = trail.bucket.putLogFile(key(1), 3);
    Path log = stoppedBetweenCommitPointAndWrite(trail, key(1));
    FetcherTest.Recording listener = new FetcherTest.Recording();

    fetch(trail, "amazon.log", listener);

    assertEquals(expected, FetcherTest.eventIds(log));
    assertEquals(List.of("appended the 1 claimed objects an earlier run stopped before writing"), listener.notes);
  }

  @Test
  void aBatchWhoseClaimsAreDoneStaysPendingUntilARestartCanFetchItAgain() throws Exception {
    Trail trail = new Trail();
    List<String> expected = trail.bucket.putLogFile(key(1), 3);
    Path log = stoppedBetweenCommitPointAndWrite(trail, key(1));
    HeadObjectResponse head = trail.head(key(1));
    trail.send(S3Notifications.s3Event(trail.bucket.name, key(1), head.contentLength(), head.eTag()));

    try (FaultyS3Proxy proxy = new FaultyS3Proxy(S3MockServer.endpoint(S3_MOCK));
        S3Client viaProxy = S3MockServer.client(proxy.endpoint())) {
      proxy.failFirst(key(1), List.of(new FaultyS3Proxy.Fault(403, "AccessDenied")));
      FetcherTest.Recording refused = new FetcherTest.Recording();
      assertEquals(1, fetch(viaProxy, trail, "amazon.log", refused).failed());
      assertEquals(1, refused.failures.size(), refused.failures.toString());
      assertTrue(refused.failures.get(0).startsWith(key(1) + ": cannot finish the batch an earlier run began, retrying next run: "),
          refused.failures.get(0));

      // Its claim is done, so its message is acknowledged without a fetch: the restart must write it.
      FetchSummary restart = fetch(viaProxy, trail, "amazon.log", new FetcherTest.Recording());
      assertEquals(1, restart.objects());
      assertEquals(1, restart.alreadyDone(), "the message, back, names a file now done");
    }
    assertEquals(expected, FetcherTest.eventIds(log));
    assertEquals(0, SqsServer.messagesIn(sqs, trail.queueUrl));
  }

  /** What a worker killed between the commit point and its write leaves: a pending batch, a done claim; its log. */
  private Path stoppedBetweenCommitPointAndWrite(Trail trail, String key) throws Exception {
    Path log = dir.resolve("amazon.log");
    FetchState state = FetchState.load(FetchSettings.defaultState(log));
    ObjectClaims mine = new ObjectClaims(s3, trail.bucket.name, QueueSettings.DEFAULT_CLAIMS_PREFIX,
        state.worker(), "host:" + log, LEASE, Clock.systemUTC());
    HeadObjectResponse head = trail.head(key);
    FetchState.ObjectId id = new FetchState.ObjectId(key, head.eTag(), head.contentLength());
    state.begin(new FetchState.Pending(0, 1, LineFormat.OSSEC, RecordLine.DEFAULT_MAX_BYTES, List.of(id)));
    assertTrue(mine.complete(mine.tryClaim(key).claim()));
    return log;
  }

  @Test
  void aKeyOfAnUnusualNameIsFetchedUnderItsDecodedName() throws Exception {
    Trail trail = new Trail();
    String spaced = key(7).replace(".json.gz", " copy.json.gz");
    List<String> expected = trail.bucket.putLogFile(spaced, 1);
    s3.putObject(b -> b.bucket(trail.bucket.name).key("unrelated"), RequestBody.fromString("x"));
    trail.send(S3Notifications.s3Event(trail.bucket.name, spaced, trail.head(spaced).contentLength(), trail.head(spaced).eTag()));

    fetch(trail, "amazon.log", new FetcherTest.Recording());

    assertEquals(expected, FetcherTest.eventIds(dir.resolve("amazon.log")));
  }
}
