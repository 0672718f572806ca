package dev.ossecaws.cloudtrail;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What one fetch run does.
 *
 * @param bucket the bucket CloudTrail writes to
 * @param prefix the trail's key prefix ("" for none)
 * @param accounts the accounts to fetch (empty: every account in the bucket)
 * @param regions the regions to fetch (empty: every region)
 * @param since the first day to list (null: the lookback window decides)
 * @param lookbackDays how many days before today (UTC) each run lists again, for late deliveries
 * @param log the file the lines are appended to
 * @param state the state file
 * @param format the lines' format
 * @param maxLineBytes the longest line ({@link RecordLine#DEFAULT_MAX_BYTES} by default)
 * @param delete whether to delete objects once their lines are durable and recorded
 * @param dryRun whether to only list what would be fetched
 */
public record FetchSettings(String bucket, String prefix, Set<String> accounts, Set<String> regions,
    LocalDate since, int lookbackDays, Path log, Path state, LineFormat format, int maxLineBytes,
    boolean delete, boolean dryRun) {

  public FetchSettings {
    Objects.requireNonNull(bucket, "bucket == null");
    Objects.requireNonNull(log, "log == null");
    Objects.requireNonNull(state, "state == null");
    accounts = Set.copyOf(accounts);
    regions = Set.copyOf(regions);
    if (lookbackDays < 0) throw new IllegalArgumentException("lookbackDays < 0: " + lookbackDays);
  }

  /** The state file used when none is given: beside the log. */
  public static Path defaultState(Path log) {
    return log.resolveSibling(log.getFileName() + ".state");
  }

  Path lockFile() {
    return state.resolveSibling(state.getFileName() + ".lock");
  }
}
