package dev.ossecaws.integrity;

import dev.ossecaws.cloudtrail.BucketListing;
import dev.ossecaws.cloudtrail.S3Errors;
import dev.ossecaws.cloudtrail.TrailLayout;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.ZipException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One {@code verify} run over a window of day folders: reads and checks every digest, follows each
 * one's link to the previous digest, hashes every log file a validly signed digest lists, and looks
 * for log files no digest lists.
 *
 * <p>A day's last log files are listed in the next day's first digest, and a day's first digest
 * links to the previous day's last, so digests are read from the day before {@code since} through
 * the day after {@code until}; those of the outer days are reported only when they list a log file
 * of the window or are found missing.
 */
public final class TrailVerifier {
  private final S3Client s3;
  private final VerifySettings settings;
  private final BucketListing listing;
  private final DigestReader reader;

  public TrailVerifier(S3Client s3, VerifySettings settings, PublicKeys keys) {
    this.s3 = Objects.requireNonNull(s3, "s3 == null");
    this.settings = Objects.requireNonNull(settings, "settings == null");
    this.listing = new BucketListing(s3, settings.bucket());
    this.reader = new DigestReader(s3, Objects.requireNonNull(keys, "keys == null"));
  }

  public IntegrityReport verify() {
    Run run = new Run();
    run.read();
    return run.report();
  }

  /** The objects one run found, and what it could not read. */
  private final class Run {
    private final Map<String, DigestReader.Checked> digests = new TreeMap<>();
    private final List<String> logKeys = new ArrayList<>();
    private final List<IntegrityReport.Unchecked> unchecked = new ArrayList<>();
    /** Digests that could not be read, and their chains: what they list or link to is unknown. */
    private final Set<String> unreadable = new HashSet<>();
    private final Set<String> unreadableChains = new HashSet<>();

    void read() {
      for (String account : accountFolders()) {
        TreeSet<String> regions = new TreeSet<>();
        for (String folder : folders(TrailKeys.digestRegionsFolder(account))) regions.add(TrailLayout.lastSegment(folder));
        for (String folder : folders(TrailKeys.logRegionsFolder(account))) regions.add(TrailLayout.lastSegment(folder));
        if (!settings.regions().isEmpty()) regions.retainAll(settings.regions());
        for (String region : regions) {
          for (LocalDate day = settings.since().minusDays(1); !day.isAfter(settings.until().plusDays(1)); day = day.plusDays(1)) {
            for (S3Object object : objects(TrailKeys.digestFolder(account, region, day))) {
              if (TrailKeys.digest(object.key()) != null) readDigest(object.key());
            }
            if (inWindow(day)) {
              for (S3Object object : objects(TrailKeys.logFolder(account, region, day))) {
                if (TrailKeys.logFile(object.key()) != null) logKeys.add(object.key());
              }
            }
          }
        }
      }
    }

    IntegrityReport report() {
      Coverage coverage = new Coverage(settings.bucket(), digests.values());
      List<IntegrityReport.LogFile> files = new ArrayList<>();
      TreeSet<String> reportedDigests = new TreeSet<>();
      TreeSet<String> keys = new TreeSet<>(logKeys);
      for (DigestReader.Checked digest : digests.values()) {
        if (!digest.signed()) continue;
        for (DigestFile.Listed listed : digest.file().logFiles) {
          TrailKeys.Place place = TrailKeys.logFile(listed.key());
          if (listed.bucket().equals(settings.bucket()) && place != null && inWindow(place.day())) keys.add(listed.key());
        }
      }
      for (String key : keys) {
        Coverage.Expected expected = coverage.expected(key);
        if (expected != null) {
          reportedDigests.add(expected.digestKey());
          IntegrityReport.LogFile file = checkLogFile(key, expected);
          if (file != null) files.add(file);
        } else if (coverage.isPending(key)) {
          files.add(new IntegrityReport.LogFile(key, LogFileStatus.PENDING, "delivered after the newest digest ended", null));
        } else if (unreadableChains.contains(TrailKeys.logFile(key).chain())) {
          unchecked.add(new IntegrityReport.Unchecked(key, "not checked: a digest of its account and region could not be read"));
        } else {
          files.add(new IntegrityReport.LogFile(key, LogFileStatus.NOT_COVERED, coverage.whyNotCovered(key), null));
        }
      }
      List<IntegrityReport.Digest> digestResults = new ArrayList<>();
      Map<String, String> missing = new TreeMap<>();
      for (DigestReader.Checked digest : digests.values()) {
        TrailKeys.Place place = TrailKeys.digest(digest.key());
        String chainBreak = digest.signed() ? chainBreak(digest, missing) : null;
        if (!inWindow(place.day()) && !reportedDigests.contains(digest.key()) && chainBreak == null) continue;
        if (chainBreak != null) {
          digestResults.add(new IntegrityReport.Digest(digest.key(), DigestStatus.CHAIN_BREAK, chainBreak));
        } else {
          digestResults.add(new IntegrityReport.Digest(digest.key(), digest.status(), digest.reason()));
        }
      }
      missing.forEach((key, namedBy) -> digestResults.add(new IntegrityReport.Digest(key, DigestStatus.MISSING,
          "not in the bucket, though " + namedBy + " names it as its previous digest")));
      digestResults.sort(Comparator.comparing(IntegrityReport.Digest::key));
      return new IntegrityReport(settings, digestResults, files, unchecked);
    }

    /**
     * Why the digest does not link to the previous one it names, or null when it does (or is a
     * chain's first, or names one outside the days read); a previous digest absent from a day that
     * was read goes into {@code missing}.
     */
    private String chainBreak(DigestReader.Checked digest, Map<String, String> missing) {
      DigestFile file = digest.file();
      if (file.previousKey == null) return null;
      TrailKeys.Place previousPlace = TrailKeys.digest(file.previousKey);
      if (!settings.bucket().equals(file.previousBucket) || previousPlace == null || !digestsRead(previousPlace.day())) return null;
      DigestReader.Checked previous = digests.get(file.previousKey);
      if (previous == null && unreadable.contains(file.previousKey)) return null;
      if (previous == null) {
        missing.putIfAbsent(file.previousKey, digest.key());
        return null;
      }
      if (!Objects.equals(previous.signature(), file.previousSignature)) {
        return "the previous digest it names, " + file.previousKey + ", has another signature than it records";
      }
      if (previous.file() == null || !Hashes.sha256Hex(previous.file().content).equals(file.previousHashValue)) {
        return "the previous digest it names, " + file.previousKey + ", has another SHA-256 than it records";
      }
      return null;
    }

    /** A listed log file checked against its digest's hash; null when it could not be read. */
    private IntegrityReport.LogFile checkLogFile(String key, Coverage.Expected expected) {
      if (!Hashes.ALGORITHM.equals(expected.hashAlgorithm())) {
        return new IntegrityReport.LogFile(key, LogFileStatus.MODIFIED,
            "its digest lists a " + expected.hashAlgorithm() + " hash, not " + Hashes.ALGORITHM, expected.digestKey());
      }
      String actual;
      try (InputStream in = s3.getObject(GetObjectRequest.builder().bucket(settings.bucket()).key(key).build())) {
        actual = Hashes.sha256HexUncompressed(in);
      } catch (NoSuchKeyException e) {
        return new IntegrityReport.LogFile(key, LogFileStatus.MISSING, "listed in its digest, not in the bucket", expected.digestKey());
      } catch (ZipException | EOFException e) {
        return new IntegrityReport.LogFile(key, LogFileStatus.MODIFIED, "no longer a complete gzip file", expected.digestKey());
      } catch (IOException | SdkException e) {
        unchecked.add(new IntegrityReport.Unchecked(key, S3Errors.describe(e)));
        return null;
      }
      if (!actual.equalsIgnoreCase(expected.hashValue())) {
        return new IntegrityReport.LogFile(key, LogFileStatus.MODIFIED, "its SHA-256 is " + actual
            + ", its digest lists " + expected.hashValue(), expected.digestKey());
      }
      return new IntegrityReport.LogFile(key, LogFileStatus.VALID, null, expected.digestKey());
    }

    private void readDigest(String key) {
      try {
        digests.put(key, reader.read(settings.bucket(), key));
      } catch (NoSuchKeyException e) {
        // deleted between listing and reading: a later digest that names it reports it missing
      } catch (IOException | SdkException e) {
        unchecked.add(new IntegrityReport.Unchecked(key, e instanceof SdkException sdk ? S3Errors.describe(sdk) : e.getMessage()));
        unreadable.add(key);
        unreadableChains.add(TrailKeys.digest(key).chain());
      }
    }

    private List<String> accountFolders() {
      return BucketListing.accountFolders(settings.prefix(), settings.accounts(), this::folders);
    }

    private List<String> folders(String folder) {
      return listed(folder, listing::folders);
    }

    private List<S3Object> objects(String folder) {
      return listed(folder, listing::objects);
    }

    /** What {@code list} finds in the folder; nothing, recorded as unchecked, when S3 fails. */
    private <T> List<T> listed(String folder, Function<String, List<T>> list) {
      try {
        return list.apply(folder);
      } catch (SdkException e) {
        unchecked.add(new IntegrityReport.Unchecked(folder, S3Errors.describe(e)));
        return List.of();
      }
    }
  }

  private boolean inWindow(LocalDate day) {
    return !day.isBefore(settings.since()) && !day.isAfter(settings.until());
  }

  /** Whether the run listed this day's digest folders. */
  private boolean digestsRead(LocalDate day) {
    return !day.isBefore(settings.since().minusDays(1)) && !day.isAfter(settings.until().plusDays(1));
  }
}
