package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  static final class Recording implements FetchListener {
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
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 1005; i++) {
      expected.addAll(bucket.putLogFile(TrailBucket.logKey("111122223333", "us-east-1", TODAY, i), 1));
    }

    FetchSummary summary = fetch(settings(bucket), new Recording());

    assertEquals(1005, summary.objects());
    assertEquals(expected, new HashSet<>(eventIds(dir.resolve("amazon.log"))));
  }
}
