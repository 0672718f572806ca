package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossecaws.lock.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import software.amazon.awssdk.services.s3.S3Client;

class FetcherTest {
  @RegisterExtension static final S3MockExtension S3_MOCK = S3MockServer.extension();

  static final LocalDate TODAY = LocalDate.of(2024, 3, 10);
  static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static S3Client s3;
  private static int buckets;

  @TempDir Path dir;

  @BeforeAll
  static void connect() {
    s3 = S3MockServer.client(S3_MOCK);
  }

  @AfterAll
  static void disconnect() {
    s3.close();
  }

  private static TrailBucket newBucket() {
    return new TrailBucket(s3, "trail-" + (++buckets));
  }

  private FetchSettings settings(TrailBucket bucket) {
    return new FetchSettings(bucket.name, "", Set.of(), Set.of(), null, 2, dir.resolve("amazon.log"),
        dir.resolve("amazon.log.state"), LineFormat.OSSEC, RecordLine.DEFAULT_MAX_BYTES, false, false);
  }

  static class Recording implements FetchListener {
    final List<String> failures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    List<String> listed = List.of();

    @Override
    public void listed(List<String> keys, long totalBytes) {
      listed = keys;
    }

    @Override
    public void failed(String where, String why) {
      failures.add(where + ": " + why);
    }

    @Override
    public void note(String message) {
      notes.add(message);
    }
  }

  private FetchSummary fetch(FetchSettings settings, Recording listener) throws IOException {
    return new Fetcher(s3, settings, listener, CLOCK).run();
  }

  /** The eventIDs of the log's lines, in order, each line checked to parse back. */
  static List<String> eventIds(Path log) throws Exception {
    List<String> ids = new ArrayList<>();
    if (!Files.exists(log)) return ids;
    for (String line : Files.readAllLines(log, US_ASCII)) {
      ids.add(RecordLineTest.parseLine(line).get("eventID").textValue());
    }
    return ids;
  }

  @Test
  void fetchesEveryAccountRegionAndDayOfTheWindowOnceAndIgnoresDigests() throws Exception {
    TrailBucket bucket = newBucket();
    List<String> expected = new ArrayList<>();
    int sequence = 0;
    for (String account : List.of("111122223333", "444455556666")) {
      for (String region : List.of("us-east-1", "eu-west-3")) {
        for (LocalDate day = TODAY.minusDays(2); !day.isAfter(TODAY); day = day.plusDays(1)) {
          expected.addAll(bucket.putLogFile(TrailBucket.logKey(account, region, day, sequence++), 3));
          bucket.put(TrailBucket.digestKey(account, region, day), "{\"digest\":true}");
        }
        bucket.putLogFile(TrailBucket.logKey(account, region, TODAY.minusDays(3), sequence++), 3);
      }
    }
    expected.addAll(bucket.putLogFile(TrailBucket.logKey("o-a1b2c3d4e5/777788889999", "ap-south-1", TODAY, sequence++), 2));
    bucket.put("AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/10/ConfigWritabilityCheckFile", "x");

    Recording listener = new Recording();
    FetchSummary first = fetch(settings(bucket), listener);
    FetchSummary second = fetch(settings(bucket), new Recording());

    assertEquals(List.of(), listener.failures);
    assertEquals(new HashSet<>(expected), new HashSet<>(eventIds(dir.resolve("amazon.log"))));
    assertEquals(expected.size(), eventIds(dir.resolve("amazon.log")).size());
    assertEquals(13, first.objects());
    assertEquals(expected.size(), first.records());
    assertEquals(0, second.objects());
    assertEquals(13, second.alreadyDone());
  }

  @Test
  void aFolderOfMoreThanAThousandObjectsIsListedPageByPage() throws Exception {
    TrailBucket bucket = newBucket();
    Set<String> expected = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.stream.IntStream.range(0, 1005).parallel().forEach(i -> {
      try {
        expected.addAll(bucket.putLogFile(TrailBucket.logKey("111122223333", "us-east-1", TODAY, i), 1));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    FetchSummary summary = fetch(settings(bucket), new Recording());

    assertEquals(1005, summary.objects());
    assertEquals(expected, new HashSet<>(eventIds(dir.resolve("amazon.log"))));
  }

  @Test
  void badObjectsAreReportedWithTheirKeyLeftUnprocessedAndTheOthersGoOn() throws Exception {
    TrailBucket bucket = newBucket();
    String good = TrailBucket.logKey("111122223333", "us-east-1", TODAY, 1);
    List<String> expected = bucket.putLogFile(good, 2);
    byte[] whole = RecordReaderTest.gzip("{\"Records\":[{\"eventID\":\"x\"}]}".getBytes(US_ASCII));
    String truncated = TrailBucket.logKey("111122223333", "us-east-1", TODAY, 2);
    bucket.put(truncated, java.util.Arrays.copyOf(whole, whole.length - 10));
    String invalid = TrailBucket.logKey("111122223333", "us-east-1", TODAY, 3);
    bucket.put(invalid, "{\"Records\":[{\"eventID\":}]}");
    String noRecords = TrailBucket.logKey("111122223333", "us-east-1", TODAY, 4);
    bucket.put(noRecords, "{\"digest\":1}");
    String vanishing = TrailBucket.logKey("111122223333", "us-east-1", TODAY, 5);
    bucket.putLogFile(vanishing, 1);
    Recording listener = new Recording() {
      @Override
      public void listed(List<String> keys, long totalBytes) {
        super.listed(keys, totalBytes);
        s3.deleteObject(b -> b.bucket(bucket.name).key(vanishing));
      }
    };

    FetchSummary summary = fetch(settings(bucket), listener);

    assertEquals(List.of(
        truncated + ": truncated gzip",
        invalid + ": invalid JSON at line 1, column 24",
        noRecords + ": no Records array",
        vanishing + ": vanished between listing and download (NoSuchKey)"), listener.failures);
    assertEquals(4, summary.failed());
    assertEquals(expected, eventIds(dir.resolve("amazon.log")));

    bucket.putLogFile(invalid, 1);
    Recording retry = new Recording();
    FetchSummary second = fetch(settings(bucket), retry);
    assertEquals(1, second.objects(), "the repaired object is fetched by the next run");
    assertEquals(2, second.failed(), retry.failures.toString());
  }

  @Test
  void deleteRemovesOnlyObjectsWhoseLinesAreCommitted() throws Exception {
    TrailBucket bucket = newBucket();
    String good = TrailBucket.logKey("111122223333", "us-east-1", TODAY, 1);
    bucket.putLogFile(good, 2);
    String bad = TrailBucket.logKey("111122223333", "us-east-1", TODAY, 2);
    bucket.put(bad, "not json");
    String digest = TrailBucket.digestKey("111122223333", "us-east-1", TODAY);
    bucket.put(digest, "{}");
    FetchSettings s = settings(bucket);
    FetchSettings deleting = new FetchSettings(s.bucket(), s.prefix(), s.accounts(), s.regions(), s.since(),
        s.lookbackDays(), s.log(), s.state(), s.format(), s.maxLineBytes(), true, false);

    FetchSummary summary = fetch(deleting, new Recording());

    assertEquals(1, summary.deleted());
    Set<String> left = new HashSet<>();
    s3.listObjectsV2(b -> b.bucket(bucket.name)).contents().forEach(o -> left.add(o.key()));
    assertEquals(Set.of(bad, digest), left);
    assertEquals(2, eventIds(dir.resolve("amazon.log")).size());
  }

  @Test
  void accountRegionAndSinceFiltersNarrowTheListing() throws Exception {
    TrailBucket bucket = newBucket();
    List<String> expected = bucket.putLogFile(TrailBucket.logKey("111122223333", "eu-west-3", TODAY.minusDays(9), 1), 1);
    bucket.putLogFile(TrailBucket.logKey("111122223333", "us-east-1", TODAY, 2), 1);
    bucket.putLogFile(TrailBucket.logKey("444455556666", "eu-west-3", TODAY, 3), 1);
    FetchSettings s = settings(bucket);
    FetchSettings narrow = new FetchSettings(s.bucket(), s.prefix(), Set.of("111122223333"), Set.of("eu-west-3"),
        TODAY.minusDays(10), s.lookbackDays(), s.log(), s.state(), s.format(), s.maxLineBytes(), false, false);

    fetch(narrow, new Recording());

    assertEquals(expected, eventIds(dir.resolve("amazon.log")));
  }

  @Test
  void aDryRunListsWithoutWritingAnything() throws Exception {
    TrailBucket bucket = newBucket();
    String key = TrailBucket.logKey("111122223333", "us-east-1", TODAY, 1);
    bucket.putLogFile(key, 1);
    FetchSettings s = settings(bucket);
    FetchSettings dry = new FetchSettings(s.bucket(), s.prefix(), s.accounts(), s.regions(), s.since(),
        s.lookbackDays(), s.log(), s.state(), s.format(), s.maxLineBytes(), true, true);
    Recording listener = new Recording();

    fetch(dry, listener);

    assertEquals(List.of(key), listener.listed);
    assertTrue(!Files.exists(s.log()) && !Files.exists(s.state()));
    assertEquals(1, s3.listObjectsV2(b -> b.bucket(bucket.name)).contents().size());
  }

  @Test
  void aSecondRunWaitsForNoneWhileTheFirstHoldsTheLock() throws Exception {
    TrailBucket bucket = newBucket();
    bucket.putLogFile(TrailBucket.logKey("111122223333", "us-east-1", TODAY, 1), 1);
    FetchSettings s = settings(bucket);
    try (RunLock held = RunLock.tryAcquire(s.lockFile())) {
      assertTrue(fetch(s, new Recording()).locked());
    }
    assertEquals(1, fetch(s, new Recording()).objects());
  }

  @Test
  void throttlingAndServerErrorsAreRetriedAndPersistentOnesReportedWithTheKey() throws Exception {
    TrailBucket bucket = newBucket();
    List<String> keys = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      keys.add(TrailBucket.logKey("111122223333", "us-east-1", TODAY, i));
      expected.addAll(bucket.putLogFile(keys.get(i), 1));
    }
    System.setProperty("aws.accessKeyId", S3MockServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3MockServer.SECRET_KEY);
    try (FaultyS3Proxy proxy = new FaultyS3Proxy(S3MockServer.endpoint(S3_MOCK));
        S3Client viaProxy = S3Access.client("us-east-1", null, proxy.endpoint(), true)) {
      proxy.failFirst(keys.get(0), List.of(new FaultyS3Proxy.Fault(503, "SlowDown"), new FaultyS3Proxy.Fault(503, "SlowDown")));
      proxy.failFirst(keys.get(1), List.of(new FaultyS3Proxy.Fault(500, "InternalError")));
      proxy.failAlways(keys.get(2), new FaultyS3Proxy.Fault(403, "AccessDenied"));
      proxy.failAlways(keys.get(3), new FaultyS3Proxy.Fault(503, "SlowDown"));
      Recording listener = new Recording();

      FetchSummary summary = new Fetcher(viaProxy, settings(bucket), listener, CLOCK).run();

      assertEquals(List.of(
          keys.get(2) + ": access denied (AccessDenied, HTTP 403)",
          keys.get(3) + ": throttled, still after retries (SlowDown, HTTP 503)"), listener.failures);
      assertEquals(2, summary.objects());
      assertEquals(expected.subList(0, 2), eventIds(dir.resolve("amazon.log")));
      assertEquals(3, proxy.getsOf(keys.get(0)));
      assertEquals(2, proxy.getsOf(keys.get(1)));
      assertEquals(1, proxy.getsOf(keys.get(2)), "access denied is not retried");
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  @Test
  void aRunAfterAGapListsTheGapAndTheStateLaterForgetsWhatTheWindowLeft() throws Exception {
    TrailBucket bucket = newBucket();
    String old = TrailBucket.logKey("111122223333", "us-east-1", TODAY, 1);
    bucket.putLogFile(old, 1);
    FetchSettings s = settings(bucket);
    Clock fiveDaysLater = Clock.offset(CLOCK, java.time.Duration.ofDays(5));
    fetch(s, new Recording());
    List<String> gap = bucket.putLogFile(TrailBucket.logKey("111122223333", "us-east-1", TODAY.plusDays(2), 2), 1);

    FetchSummary afterGap = new Fetcher(s3, s, new Recording(), fiveDaysLater).run();
    assertEquals(1, afterGap.objects(), "the day between the runs is listed");
    assertEquals(1, afterGap.alreadyDone());
    assertTrue(Files.readString(s.state()).contains(old), "kept while the gap's window reaches it");

    FetchSummary next = new Fetcher(s3, s, new Recording(), fiveDaysLater).run();
    assertEquals(0, next.objects() + next.alreadyDone(), "days before the window are no longer listed");
    assertTrue(!Files.readString(s.state()).contains(old), "forgotten once outside the window");
    assertEquals(gap, eventIds(s.log()).subList(1, 2));
  }
}
