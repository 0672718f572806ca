package dev.ossecaws.integrity;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What a set of digests vouches for: the hash of each log file a validly signed digest lists, and
 * the end of each chain's newest digest, after which files wait for the next one.
 */
final class Coverage {
  /** A log file's hash as a validly signed digest lists it. */
  record Expected(String hashValue, String hashAlgorithm, String digestKey) {}

  private final Map<String, Expected> listed = new HashMap<>();
  private final Map<String, Instant> newestEnd = new HashMap<>();

  Coverage(String bucket, Collection<DigestReader.Checked> digests) {
    for (DigestReader.Checked digest : digests) {
      if (digest.file() == null) continue;
      TrailKeys.Place place = TrailKeys.digest(digest.key());
      if (place != null) newestEnd.merge(place.chain(), digest.file().end, (a, b) -> a.isAfter(b) ? a : b);
      if (!digest.signed()) continue;
      for (DigestFile.Listed file : digest.file().logFiles) {
        if (file.bucket().equals(bucket)) {
          listed.putIfAbsent(file.key(), new Expected(file.hashValue(), file.hashAlgorithm(), digest.key()));
        }
      }
    }
  }

  /** The hash a validly signed digest lists for the log file, or null. */
  Expected expected(String logKey) {
    return listed.get(logKey);
  }

  /**
   * Whether the log file was delivered after the newest digest of its chain ended (its name's minute
   * not wholly before that end), so that only a later digest can list it. False without any digest.
   */
  boolean isPending(String logKey) {
    Instant end = newestEnd(logKey);
    return end != null && TrailKeys.logFile(logKey).delivered().plusSeconds(60).isAfter(end);
  }

  /** Why a log file that is neither listed nor pending is not covered, in words. */
  String whyNotCovered(String logKey) {
    return newestEnd(logKey) == null
        ? "no digest of its account and region was found (is log file validation on for the trail?)"
        : "listed in no validly signed digest, though a later digest exists";
  }

  private Instant newestEnd(String logKey) {
    TrailKeys.Place place = TrailKeys.logFile(logKey);
    return place == null ? null : newestEnd.get(place.chain());
  }
}
