package dev.ossecaws.integrity;

import dev.ossecaws.cloudtrail.BucketListing;
import dev.ossecaws.cloudtrail.LogFileGate;
import dev.ossecaws.cloudtrail.S3Errors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code fetch --verify}: lets through only log files that a validly signed digest lists, and only
 * with the content it lists. A file delivered after its account's and region's newest digest waits
 * (it is neither taken nor reported); a file no valid digest lists, though later digests exist, and
 * an invalid digest, are refused and reported; a taken file whose SHA-256 differs from its digest's
 * is refused when downloaded. Refused files are not marked processed, so they are reported again
 * on every run while in the window and never reach the log.
 */
public final class DigestGate implements LogFileGate {
  private final String bucket;
  private final BucketListing listing;
  private final DigestReader reader;
  private final Map<String, Coverage.Expected> taken = new ConcurrentHashMap<>();
  /** The digests the last run checked, by key and ETag: a fetch running as a service reads each once. */
  private Map<String, DigestReader.Checked> checked = Map.of();

  public DigestGate(S3Client s3, String bucket, PublicKeys keys) {
    this.bucket = Objects.requireNonNull(bucket, "bucket == null");
    this.listing = new BucketListing(s3, bucket);
    this.reader = new DigestReader(s3, Objects.requireNonNull(keys, "keys == null"));
  }

  /**
   * Reads the digests of each listed file's account, region and day, with the day before (the
   * newest digest before a day's first files) and after (which lists a day's last files).
   */
  @Override
  public Admission admit(List<String> keys) {
    taken.clear(); // a run's own admissions only, for a fetch that runs as a service
    TreeSet<String> folders = new TreeSet<>();
    for (String key : keys) {
      TrailKeys.Place place = TrailKeys.logFile(key);
      if (place == null) continue;
      for (int offset = -1; offset <= 1; offset++) {
        folders.add(TrailKeys.digestFolder(place.accountFolder(), place.region(), place.day().plusDays(offset)));
      }
    }
    Map<String, String> refused = new LinkedHashMap<>();
    Map<String, DigestReader.Checked> digests = new LinkedHashMap<>();
    for (String folder : folders) {
      try {
        for (S3Object object : listing.objects(folder)) {
          if (TrailKeys.digest(object.key()) == null) continue;
          String id = object.key() + " " + object.eTag();
          DigestReader.Checked digest = checked.containsKey(id) ? checked.get(id) : reader.read(bucket, object.key());
          digests.put(id, digest);
          if (!digest.signed()) refused.put(digest.key(), "digest " + digest.status().label() + ", " + digest.reason());
        }
      } catch (NoSuchKeyException e) {
        // a digest deleted between listing and reading: the files it listed are not covered below
      } catch (IOException | SdkException e) {
        refused.put(folder, "cannot check the digests: " + (e instanceof SdkException sdk ? S3Errors.describe(sdk) : e.getMessage()));
      }
    }
    checked = digests;
    Coverage coverage = new Coverage(bucket, digests.values());
    List<String> take = new ArrayList<>();
    int waiting = 0;
    for (String key : keys) {
      Coverage.Expected expected = coverage.expected(key);
      if (expected != null && Hashes.ALGORITHM.equals(expected.hashAlgorithm())) {
        taken.put(key, expected);
        take.add(key);
      } else if (expected != null) {
        refused.put(key, "not appended: its digest lists a " + expected.hashAlgorithm() + " hash, not " + Hashes.ALGORITHM);
      } else if (coverage.isPending(key)) {
        waiting++;
      } else {
        refused.put(key, "not appended: " + coverage.whyNotCovered(key));
      }
    }
    return new Admission(take, refused, waiting);
  }

  @Override
  public InputStream check(String key, InputStream content) throws IOException {
    Coverage.Expected expected = taken.get(key);
    byte[] bytes;
    try (content) {
      if (expected == null) throw new IllegalStateException("not admitted: " + key);
      bytes = content.readAllBytes();
    }
    String actual;
    try {
      actual = Hashes.sha256HexUncompressed(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new RefusedException("modified since CloudTrail delivered it (no longer a complete gzip file): not appended");
    }
    if (!actual.equalsIgnoreCase(expected.hashValue())) {
      throw new RefusedException("modified since CloudTrail delivered it: its SHA-256 is " + actual + ", "
          + expected.digestKey() + " lists " + expected.hashValue() + "; not appended");
    }
    return new ByteArrayInputStream(bytes);
  }
}
