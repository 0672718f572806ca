package dev.ossecaws.cloudtrail;

import java.time.Duration;
import java.util.Objects;

/**
 * What the queue worker does beyond what {@link FetchSettings} says.
 *
 * @param queueUrl the SQS queue the trail bucket's notifications reach
 * @param claimsBucket the bucket holding the workers' claims (by default the trail's)
 * @param claimsPrefix the claims' key prefix
 * @param lease how long a claim and a message stay this worker's without being renewed
 * @param waitSeconds the long poll of each receive (0 to 20); the run ends after one that gets nothing
 */
public record QueueSettings(String queueUrl, String claimsBucket, String claimsPrefix, Duration lease, int waitSeconds) {
  public static final String DEFAULT_CLAIMS_PREFIX = "ossec-aws-claims/";

  public QueueSettings {
    Objects.requireNonNull(queueUrl, "queueUrl == null");
    Objects.requireNonNull(claimsBucket, "claimsBucket == null");
    Objects.requireNonNull(claimsPrefix, "claimsPrefix == null");
    if (lease.toSeconds() < 2 || lease.toHours() >= 12) throw new IllegalArgumentException("lease not in [2 s, 12 h): " + lease);
    if (waitSeconds < 0 || waitSeconds > 20) throw new IllegalArgumentException("waitSeconds not in [0, 20]: " + waitSeconds);
  }
}
