package dev.ossecaws.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossecaws.cloudtrail.FetchListener;
import dev.ossecaws.cloudtrail.FetchSettings;
import dev.ossecaws.cloudtrail.FetchSummary;
import dev.ossecaws.cloudtrail.Fetcher;
import dev.ossecaws.cloudtrail.LineFormat;
import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.cloudtrail.S3MockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code fetch --verify}: the fetcher with a {@link DigestGate}, against a signed trail in S3Mock. */
class DigestGateTest {
  @RegisterExtension static final S3MockExtension S3_MOCK = S3MockServer.extension();
  static final String ACCOUNT = "444455556666";
  static final String REGION = "eu-west-3";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T12:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static S3Client s3;
  private static int buckets;

  @TempDir Path dir;
  private SignedTrail trail;
  private SignedTrail.LogFile[] logs;
  private SignedTrail.Digest first;

  @BeforeAll
  static void connect() {
    s3 = S3MockServer.client(S3_MOCK);
  }

  @AfterAll
  static void disconnect() {
    s3.close();
  }

  @BeforeEach
  void writeOneSignedHour() {
    trail = new SignedTrail(s3, "gate-" + (++buckets));
    logs = new SignedTrail.LogFile[] {
      trail.putLogFile(ACCOUNT, REGION, TrailVerifierTest.at("00:10:00"), 2),
      trail.putLogFile(ACCOUNT, REGION, TrailVerifierTest.at("00:30:00"), 3),
      trail.putLogFile(ACCOUNT, REGION, TrailVerifierTest.at("00:50:00"), 1),
    };
    first = trail.putDigest(ACCOUNT, REGION, TrailVerifierTest.at("00:01:31"), TrailVerifierTest.at("01:01:31"), null, logs);
  }

  static final class Recording implements FetchListener {
    final List<String> failures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    @Override
    public void failed(String where, String why) {
      failures.add(where + ": " + why);
    }

    @Override
    public void note(String message) {
      notes.add(message);
    }
  }

  private FetchSummary fetch(Recording listener) throws Exception {
    Path log = dir.resolve("amazon.log");
    FetchSettings settings = new FetchSettings(trail.bucket, "", Set.of(), Set.of(), null, 2, log,
        FetchSettings.defaultState(log), LineFormat.JSON, RecordLine.DEFAULT_MAX_BYTES, false, false);
    Path keys = SignedTrail.publicKeysFile(dir.resolve("keys.json"), trail.key);
    DigestGate gate = new DigestGate(s3, trail.bucket, PublicKeys.fromFiles(List.of(keys)));
    return new Fetcher(s3, settings, listener, CLOCK, gate).run();
  }

  private List<String> eventIdsInLog() throws Exception {
    Path log = dir.resolve("amazon.log");
    List<String> ids = new ArrayList<>();
    if (!Files.exists(log)) return ids;
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) ids.add(JSON.readTree(line).get("eventID").asText());
    return ids;
  }

  private static List<String> ids(SignedTrail.LogFile... files) {
    return Stream.of(files).flatMap(f -> f.eventIds().stream()).toList();
  }

  @Test
  void appendsTheFilesItsDigestVouchesForAndNeverTheTamperedOneWhichIsReportedOnEveryRun() throws Exception {
    trail.overwrite(logs[1].key(), "{\"Records\":[{\"eventName\":\"DeleteTrail\",\"eventID\":\"forged\"}]}");

    Recording firstRun = new Recording();
    FetchSummary summary = fetch(firstRun);
    Recording secondRun = new Recording();
    FetchSummary again = fetch(secondRun);

    assertEquals(ids(logs[0], logs[2]), eventIdsInLog());
    assertEquals(2, summary.objects());
    assertEquals(1, summary.failed());
    assertEquals(1, firstRun.failures.size());
    assertTrue(firstRun.failures.get(0).startsWith(logs[1].key() + ": modified since CloudTrail delivered it: its SHA-256 is "),
        firstRun.failures.toString());
    assertTrue(firstRun.failures.get(0).endsWith(first.key() + " lists " + logs[1].sha256() + "; not appended"), firstRun.failures.toString());
    // Not marked done: the next run reports it again, and still does not append it.
    assertEquals(0, again.objects());
    assertEquals(2, again.alreadyDone());
    assertEquals(firstRun.failures, secondRun.failures);
  }

  @Test
  void aFileNewerThanTheNewestDigestWaitsAndIsTakenOnTheRunAfterItsDigestAppears() throws Exception {
    SignedTrail.LogFile newer = trail.putLogFile(ACCOUNT, REGION, TrailVerifierTest.at("01:20:00"), 2);

    Recording beforeDigest = new Recording();
    FetchSummary waited = fetch(beforeDigest);
    assertEquals(ids(logs), eventIdsInLog());
    assertEquals(0, waited.failed());
    assertEquals(List.of(), beforeDigest.failures);
    assertEquals(List.of("1 log files wait for the digest that will list them"), beforeDigest.notes);

    trail.putDigest(ACCOUNT, REGION, TrailVerifierTest.at("01:01:31"), TrailVerifierTest.at("02:01:31"), first, newer);
    Recording afterDigest = new Recording();
    FetchSummary taken = fetch(afterDigest);

    assertEquals(ids(logs[0], logs[1], logs[2], newer), eventIdsInLog());
    assertEquals(1, taken.objects());
    assertEquals(List.of(), afterDigest.failures);
  }

  @Test
  void filesOfADigestWithAForgedSignatureAreRefusedAndTheDigestIsReported() throws Exception {
    trail.resign(first, SignedTrail.sign(SignedTrail.newKey(), "anything"));

    Recording listener = new Recording();
    FetchSummary summary = fetch(listener);

    assertEquals(List.of(), eventIdsInLog());
    assertEquals(4, summary.failed());
    assertTrue(listener.failures.contains(first.key()
        + ": digest invalid, its signature does not verify: the digest was changed, or not signed by CloudTrail"), listener.failures.toString());
    assertTrue(listener.failures.contains(logs[0].key()
        + ": not appended: listed in no validly signed digest, though a later digest exists"), listener.failures.toString());
  }

  @Test
  void aFileSlippedInBeforeTheNewestDigestThatItDoesNotListIsRefused() throws Exception {
    SignedTrail.LogFile slippedIn = trail.putLogFile(ACCOUNT, REGION, TrailVerifierTest.at("00:40:00"), 1);

    Recording listener = new Recording();
    FetchSummary summary = fetch(listener);

    assertEquals(ids(logs), eventIdsInLog());
    assertEquals(1, summary.failed());
    assertEquals(List.of(slippedIn.key() + ": not appended: listed in no validly signed digest, though a later digest exists"),
        listener.failures);
  }
}
