package dev.ossecaws.cli;

import dev.ossecaws.cloudtrail.QueueSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of {@code cloudtrail fetch --queue-url}: S3 notifications through SQS instead of listings. */
final class QueueOptions {
  /** Options of the listing that a queue worker has no use for. */
  private static final List<String> LISTING_ONLY = List.of("--since", "--account", "--regions", "--lookback-days",
      "--delete", "--dry-run");

  @Option(names = "--queue-url", paramLabel = "URL",
      description = "Fetch the log files named by the S3 event notifications of this SQS queue (S3 directly, through SNS"
          + " raw or not, or EventBridge) instead of listing the bucket; several workers may share it, each with its own log.")
  String queueUrl;

  @Option(names = "--claims", paramLabel = "s3://BUCKET/PREFIX",
      description = "Where the workers of one queue claim each log file (default: s3://<the trail bucket>/"
          + QueueSettings.DEFAULT_CLAIMS_PREFIX + "); the same for all of them.")
  URI claims;

  @Option(names = "--lease", paramLabel = "DURATION", defaultValue = "5m", converter = FetchCommand.DurationConverter.class,
      description = "How long a claimed file and its message stay this worker's if it stops renewing them, e.g. when"
          + " killed (default ${DEFAULT-VALUE}); also the messages' visibility timeout.")
  Duration lease;

  @Option(names = "--wait-seconds", paramLabel = "N", defaultValue = "20",
      description = "Long poll of each receive, 0 to 20 (default ${DEFAULT-VALUE}); the run ends after a receive that got nothing.")
  int waitSeconds;

  @Option(names = "--sqs-endpoint-url", paramLabel = "URL", description = "An SQS-compatible endpoint instead of AWS.")
  URI sqsEndpoint;

  boolean enabled() {
    return queueUrl != null;
  }

  /** The queue settings, after refusing options that only a listing uses. */
  QueueSettings settings(CommandLine.Model.CommandSpec spec, String bucket) {
    for (String option : LISTING_ONLY) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new CommandLine.ParameterException(spec.commandLine(), option + " applies to listing the bucket, not to --queue-url");
      }
    }
    if (lease.toSeconds() < 2 || lease.toHours() >= 12) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--lease must be from 2s to under 12h (SQS's limit): " + lease);
    }
    if (waitSeconds < 0 || waitSeconds > 20) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--wait-seconds must be from 0 to 20: " + waitSeconds);
    }
    if (claims == null) return new QueueSettings(queueUrl, bucket, QueueSettings.DEFAULT_CLAIMS_PREFIX, lease, waitSeconds);
    if (!"s3".equals(claims.getScheme()) || claims.getHost() == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--claims must be s3://BUCKET/PREFIX: " + claims);
    }
    String prefix = claims.getPath() == null ? "" : claims.getPath().replaceFirst("^/", "");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix += "/";
    return new QueueSettings(queueUrl, claims.getHost(), prefix, lease, waitSeconds);
  }
}
