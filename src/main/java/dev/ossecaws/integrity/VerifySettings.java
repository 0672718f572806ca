package dev.ossecaws.integrity;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What one {@code verify} run checks.
 *
 * @param bucket the bucket CloudTrail writes to
 * @param prefix the trail's key prefix ("" for none)
 * @param accounts the accounts to check (empty: every account in the bucket)
 * @param regions the regions to check (empty: every region)
 * @param since the first day folder (UTC) whose log files and digests are checked
 * @param until the last one
 */
public record VerifySettings(String bucket, String prefix, Set<String> accounts, Set<String> regions,
    LocalDate since, LocalDate until) {

  public VerifySettings {
    Objects.requireNonNull(bucket, "bucket == null");
    Objects.requireNonNull(prefix, "prefix == null");
    Objects.requireNonNull(since, "since == null");
    Objects.requireNonNull(until, "until == null");
    if (until.isBefore(since)) throw new IllegalArgumentException("until before since: " + until + " < " + since);
    accounts = Set.copyOf(accounts);
    regions = Set.copyOf(regions);
  }
}
