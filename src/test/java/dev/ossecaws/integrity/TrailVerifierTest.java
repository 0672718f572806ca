package dev.ossecaws.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossecaws.cloudtrail.FaultyS3Proxy;
import dev.ossecaws.cloudtrail.S3MockServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class TrailVerifierTest {
  @RegisterExtension static final S3MockExtension S3_MOCK = S3MockServer.extension();
  static final String ACCOUNT = "111122223333";
  static final String REGION = "us-east-2";
  static final LocalDate DAY = LocalDate.of(2024, 3, 10);
  private static S3Client s3;
  private static int buckets;

  @TempDir Path dir;
  private SignedTrail trail;
  /** Three hours of the trail: two log files an hour, one digest an hour, chained. */
  private SignedTrail.LogFile[] logs;
  private SignedTrail.Digest[] digests;

  @BeforeAll
  static void connect() {
    s3 = S3MockServer.client(S3_MOCK);
  }

  @AfterAll
  static void disconnect() {
    s3.close();
  }

  static Instant at(String time) {
    return Instant.parse("2024-03-10T" + time + "Z");
  }

  @BeforeEach
  void writeThreeSignedHours() {
    trail = new SignedTrail(s3, "verify-" + (++buckets));
    logs = new SignedTrail.LogFile[] {
      trail.putLogFile(ACCOUNT, REGION, at("00:05:00"), 3), trail.putLogFile(ACCOUNT, REGION, at("00:45:00"), 2),
      trail.putLogFile(ACCOUNT, REGION, at("01:10:00"), 4), trail.putLogFile(ACCOUNT, REGION, at("01:50:00"), 1),
      trail.putLogFile(ACCOUNT, REGION, at("02:20:00"), 2), trail.putLogFile(ACCOUNT, REGION, at("02:55:00"), 3),
    };
    SignedTrail.Digest first = trail.putDigest(ACCOUNT, REGION, at("00:01:31"), at("01:01:31"), null, logs[0], logs[1]);
    SignedTrail.Digest second = trail.putDigest(ACCOUNT, REGION, at("01:01:31"), at("02:01:31"), first, logs[2], logs[3]);
    SignedTrail.Digest third = trail.putDigest(ACCOUNT, REGION, at("02:01:31"), at("03:01:31"), second, logs[4], logs[5]);
    digests = new SignedTrail.Digest[] {first, second, third};
  }

  private IntegrityReport verify(SignedTrail.SigningKey... keys) throws Exception {
    Path file = SignedTrail.publicKeysFile(dir.resolve("keys.json"), keys.length == 0 ? new SignedTrail.SigningKey[] {trail.key} : keys);
    VerifySettings settings = new VerifySettings(trail.bucket, "", Set.of(), Set.of(), DAY, DAY);
    return new TrailVerifier(s3, settings, PublicKeys.fromFiles(List.of(file))).verify();
  }

  private static Map<String, String> statuses(IntegrityReport report) {
    Map<String, String> statuses = new TreeMap<>();
    report.digests().forEach(d -> statuses.put(d.key(), d.status().label()));
    report.logFiles().forEach(f -> statuses.put(f.key(), f.status().label()));
    return statuses;
  }

  private Map<String, String> allValidBut(Map<String, String> changes) {
    Map<String, String> expected = new TreeMap<>();
    for (SignedTrail.LogFile log : logs) expected.put(log.key(), "valid");
    for (SignedTrail.Digest digest : digests) expected.put(digest.key(), "valid");
    expected.putAll(changes);
    return expected;
  }

  @Test
  void signedHoursWithTheirLogFilesAreAllValidAndTheChainStartsWithNullPreviousFields() throws Exception {
    IntegrityReport report = verify();

    assertEquals(allValidBut(Map.of()), statuses(report));
    assertTrue(report.allValid());
    assertTrue(report.complete());
    assertEquals("digests: 3 valid; log files: 6 valid: all valid", report.summary());
  }

  @Test
  void aLogFileEditedInTheBucketIsModified() throws Exception {
    trail.overwrite(logs[2].key(), "{\"Records\":[]}");

    IntegrityReport report = verify();

    assertEquals(allValidBut(Map.of(logs[2].key(), "modified")), statuses(report));
    assertFalse(report.allValid());
    IntegrityReport.LogFile modified = report.logFiles().stream().filter(f -> f.key().equals(logs[2].key())).findFirst().orElseThrow();
    assertEquals("its SHA-256 is " + SignedTrail.sha256("{\"Records\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + ", its digest lists " + logs[2].sha256(), modified.reason());
    assertEquals(digests[1].key(), modified.digest());
  }

  @Test
  void aDeletedLogFileIsMissing() throws Exception {
    trail.delete(logs[4].key());

    assertEquals(allValidBut(Map.of(logs[4].key(), "missing")), statuses(verify()));
  }

  @Test
  void aDeletedDigestIsMissingFromTheChainAndItsLogFilesAreNotCovered() throws Exception {
    trail.delete(digests[1].key());

    IntegrityReport report = verify();

    assertEquals(allValidBut(Map.of(digests[1].key(), "missing", logs[2].key(), "not covered", logs[3].key(), "not covered")),
        statuses(report));
    assertTrue(report.digests().stream().anyMatch(d -> d.key().equals(digests[1].key())
        && d.reason().equals("not in the bucket, though " + digests[2].key() + " names it as its previous digest")));
  }

  @Test
  void aForgedSignatureMakesTheDigestInvalidAndLeavesItsLogFilesNotCovered() throws Exception {
    // The forger edits a log file and rewrites the digest's hash of it, but can sign only with a key of its own.
    trail.overwrite(logs[0].key(), "{\"Records\":[{\"eventName\":\"Forged\"}]}");
    SignedTrail.LogFile forgedLog = new SignedTrail.LogFile(logs[0].key(),
        SignedTrail.sha256("{\"Records\":[{\"eventName\":\"Forged\"}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), List.of());
    trail.putDigest(ACCOUNT, REGION, at("00:01:31"), at("01:01:31"), null, SignedTrail.newKey(), trail.key.fingerprint(), forgedLog, logs[1]);

    IntegrityReport report = verify();

    assertEquals(allValidBut(Map.of(digests[0].key(), "invalid", logs[0].key(), "not covered", logs[1].key(), "not covered",
        digests[1].key(), "chain break")), statuses(report));
    assertTrue(report.digests().stream().anyMatch(d -> d.key().equals(digests[0].key())
        && d.reason().equals("its signature does not verify: the digest was changed, or not signed by CloudTrail")));
  }

  @Test
  void aSignatureThatIsNotTheDigestsOwnIsInvalid() throws Exception {
    trail.resign(digests[2], digests[1].signature());

    assertEquals(allValidBut(Map.of(digests[2].key(), "invalid", logs[4].key(), "not covered", logs[5].key(), "not covered")),
        statuses(verify()));
  }

  @Test
  void aLogFileNoDigestListsIsNotCoveredAndOneAfterTheNewestDigestIsPending() throws Exception {
    SignedTrail.LogFile slippedIn = trail.putLogFile(ACCOUNT, REGION, at("01:30:00"), 1);
    SignedTrail.LogFile newest = trail.putLogFile(ACCOUNT, REGION, at("03:05:00"), 1);

    IntegrityReport report = verify();

    assertEquals(allValidBut(Map.of(slippedIn.key(), "not covered", newest.key(), "pending")), statuses(report));
    assertFalse(report.allValid());
    assertEquals("digests: 3 valid; log files: 6 valid, 1 not covered, 1 pending: NOT VALID", report.summary());
  }

  @Test
  void aPendingLogFileAloneLeavesTheTrailValid() throws Exception {
    SignedTrail.LogFile newest = trail.putLogFile(ACCOUNT, REGION, at("03:05:00"), 1);

    IntegrityReport report = verify();

    assertEquals(allValidBut(Map.of(newest.key(), "pending")), statuses(report));
    assertTrue(report.allValid());
  }

  @Test
  void aDigestSignedByAKeyCloudTrailDoesNotListIsInvalidAndSaysSo() throws Exception {
    SignedTrail.SigningKey unknown = SignedTrail.newKey();
    SignedTrail.LogFile late = trail.putLogFile(ACCOUNT, REGION, at("03:20:00"), 1);
    trail.putDigest(ACCOUNT, REGION, at("03:01:31"), at("04:01:31"), digests[2], unknown, unknown.fingerprint(), late);

    IntegrityReport report = verify();

    String fourth = SignedTrail.digestKey(ACCOUNT, REGION, at("04:01:31"));
    assertEquals(allValidBut(Map.of(fourth, "invalid", late.key(), "not covered")), statuses(report));
    assertTrue(report.digests().stream().anyMatch(d -> d.key().equals(fourth) && d.reason().equals(
        "signed by an unknown key: its fingerprint " + unknown.fingerprint() + " matches none of CloudTrail's public keys for " + REGION)));
  }

  @Test
  void aDigestWhosePreviousDigestWasReplacedIsAChainBreak() throws Exception {
    // A validly signed digest put where the second was: it is not the one the third recorded.
    trail.putDigest(ACCOUNT, REGION, at("01:01:31"), at("02:01:31"), digests[0], logs[2]);

    IntegrityReport report = verify();

    assertEquals(allValidBut(Map.of(digests[2].key(), "chain break", logs[3].key(), "not covered")), statuses(report));
    assertTrue(report.digests().stream().anyMatch(d -> d.key().equals(digests[2].key()) && d.reason().equals(
        "the previous digest it names, " + digests[1].key() + ", has another signature than it records")));
  }

  @Test
  void aTrailWithoutDigestsHasEveryLogFileNotCoveredAndSaysWhy() throws Exception {
    trail = new SignedTrail(s3, "verify-" + (++buckets));
    SignedTrail.LogFile log = trail.putLogFile(ACCOUNT, REGION, at("00:05:00"), 1);

    IntegrityReport report = verify();

    assertEquals(List.of(new IntegrityReport.LogFile(log.key(), LogFileStatus.NOT_COVERED,
        "no digest of its account and region was found (is log file validation on for the trail?)", null)), report.logFiles());
    assertFalse(report.allValid());
  }

  @Test
  void aDigestThatCannotBeReadLeavesItsFilesUncheckedAndTheReportIncompleteNotInvalid() throws Exception {
    Path keys = SignedTrail.publicKeysFile(dir.resolve("keys.json"), trail.key);
    VerifySettings settings = new VerifySettings(trail.bucket, "", Set.of(), Set.of(), DAY, DAY);
    try (FaultyS3Proxy proxy = new FaultyS3Proxy(S3MockServer.endpoint(S3_MOCK));
        S3Client viaProxy = S3Client.builder().endpointOverride(proxy.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAOSSECAWSTEST0004", "not-a-secret")))
            .build()) {
      proxy.failAlways(digests[1].key(), new FaultyS3Proxy.Fault(403, "AccessDenied"));

      IntegrityReport report = new TrailVerifier(viaProxy, settings, PublicKeys.fromFiles(List.of(keys))).verify();

      Map<String, String> expected = allValidBut(Map.of());
      expected.remove(digests[1].key());
      expected.remove(logs[2].key());
      expected.remove(logs[3].key());
      assertEquals(expected, statuses(report));
      assertEquals(List.of(
          new IntegrityReport.Unchecked(digests[1].key(), "access denied (AccessDenied, HTTP 403)"),
          new IntegrityReport.Unchecked(logs[2].key(), "not checked: a digest of its account and region could not be read"),
          new IntegrityReport.Unchecked(logs[3].key(), "not checked: a digest of its account and region could not be read")),
          report.unchecked());
      assertTrue(report.allValid());
      assertFalse(report.complete());
      assertEquals("digests: 2 valid; log files: 4 valid; 3 could not be read: incomplete", report.summary());
    }
  }

  @Test
  void theJsonReportHoldsTheWindowTheCountsAndEveryItem() throws Exception {
    trail.delete(logs[4].key());

    JsonNode json = new ObjectMapper().readTree(verify().json());

    assertEquals(trail.bucket, json.get("bucket").asText());
    assertEquals("2024-03-10", json.get("since").asText());
    assertFalse(json.get("valid").asBoolean());
    assertEquals(3, json.at("/summary/digests/valid").asInt());
    assertEquals(5, json.at("/summary/logFiles/valid").asInt());
    assertEquals(1, json.at("/summary/logFiles/missing").asInt());
    assertEquals(0, json.at("/summary/logFiles/not covered").asInt());
    assertEquals(6, json.get("logFiles").size());
    JsonNode missing = json.get("logFiles").findParents("key").stream()
        .filter(n -> n.get("key").asText().equals(logs[4].key())).findFirst().orElseThrow();
    assertEquals("missing", missing.get("status").asText());
    assertEquals(digests[2].key(), missing.get("digest").asText());
  }
}
