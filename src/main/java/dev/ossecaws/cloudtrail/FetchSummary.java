package dev.ossecaws.cloudtrail;

import java.time.Duration;
import java.util.Locale;

/**
 * What one run did.
 *
 * @param objects objects whose lines were appended
 * @param records lines appended
 * @param bytes compressed bytes downloaded for them
 * @param failed objects or listings that failed (retried by a later run)
 * @param alreadyDone listed objects already in the state
 * @param deleted objects deleted from the bucket
 * @param elapsed the run's duration
 * @param locked true when another run held the lock and this one did nothing
 */
public record FetchSummary(long objects, long records, long bytes, long failed, long alreadyDone,
    long deleted, Duration elapsed, boolean locked) {

  static FetchSummary lockedOut() {
    return new FetchSummary(0, 0, 0, 0, 0, 0, Duration.ZERO, true);
  }

  @Override
  public String toString() {
    if (locked) return "another run holds the lock: nothing done";
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    return String.format(Locale.ROOT,
        "%d objects, %d records, %.1f MB in %.1f s (%.0f records/s); %d failed, %d already done, %d deleted",
        objects, records, bytes / 1e6, seconds, records / seconds, failed, alreadyDone, deleted);
  }
}
