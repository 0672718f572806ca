package dev.ossecaws.cli;

import dev.ossecaws.cloudtrail.FetchListener;
import dev.ossecaws.cloudtrail.FetchSettings;
import dev.ossecaws.cloudtrail.FetchSummary;
import dev.ossecaws.cloudtrail.Fetcher;
import dev.ossecaws.cloudtrail.LineFormat;
import dev.ossecaws.cloudtrail.QueueFetcher;
import dev.ossecaws.cloudtrail.QueueSettings;
import dev.ossecaws.cloudtrail.RecordLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code ossec-aws cloudtrail fetch}: CloudTrail's S3 bucket to the log the OSSEC agent reads. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Downloads the CloudTrail log files of an S3 bucket and appends one line per record to a log"
          + " that the OSSEC agent reads, each record exactly once across runs, restarts and crashes.",
      "Lists only the trail's day folders (AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/) from"
          + " --lookback-days before the last run through today (UTC), never the whole bucket; digest"
          + " files are ignored. Credentials come from the AWS SDK's default chain (environment,"
          + " profile, instance role) or --profile.",
      "With --queue-url, the log files come from the bucket's S3 event notifications in SQS instead (see README,"
          + " \"CloudTrail fetcher through SQS\").",
      "Exit code: 0 all fetched, 1 some object or listing failed (reported with its key; a later run"
          + " retries it), 2 bad usage or an unusable log or state file."
    })
final class FetchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-b", "--bucket"}, required = true, paramLabel = "BUCKET", description = "The bucket the trail delivers to.")
  String bucket;

  @Option(names = {"-l", "--log"}, required = true, paramLabel = "FILE",
      description = "The log to append lines to (the agent's <localfile>).")
  Path log;

  @Option(names = "--state", paramLabel = "FILE", description = "The state file (default: the log's name + .state, beside it).")
  Path state;

  @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "", description = "The trail's S3 key prefix, if it has one.")
  String prefix;

  @Option(names = "--account", paramLabel = "ID", split = ",", description = "Only these accounts (default: all in the bucket).")
  Set<String> accounts = Set.of();

  @Option(names = "--regions", paramLabel = "REGION", split = ",", description = "Only these regions (default: all).")
  Set<String> regions = Set.of();

  @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "List from this day (a backfill) instead of the lookback window.")
  LocalDate since;

  @Option(names = "--lookback-days", paramLabel = "N", defaultValue = "2",
      description = "Days before the last run listed again for files CloudTrail delivers late (default ${DEFAULT-VALUE});"
          + " the state forgets objects older than that.")
  int lookbackDays;

  @Option(names = "--format", paramLabel = "ossec|json", defaultValue = "ossec", converter = FormatConverter.class,
      description = "ossec: the ruleset's line format (default); json: one compact JSON record per line.")
  LineFormat format;

  @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "" + RecordLine.DEFAULT_MAX_BYTES,
      description = "The longest line (default ${DEFAULT-VALUE}, what OSSEC's agent reads whole); longer records are shortened.")
  int maxLineBytes;

  @Option(names = {"-D", "--delete"}, description = "Delete each object from the bucket once its lines are durable and recorded.")
  boolean delete;

  @Option(names = "--dry-run", description = "Only list the objects that would be fetched.")
  boolean dryRun;

  @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Run as a service: fetch, wait this long (e.g. 5m, 300s), repeat.")
  Duration interval;

  @CommandLine.Mixin S3Options s3Options;

  @Option(names = {"-v", "--verbose"}, description = "Print each object fetched.")
  boolean verbose;

  @CommandLine.Mixin QueueOptions queue;

  @Override
  public Integer call() throws IOException, InterruptedException {
    checkMaxLineBytes(spec, maxLineBytes);
    if (lookbackDays < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--lookback-days < 0: " + lookbackDays);
    Path logFile = log.toAbsolutePath();
    FetchSettings settings = new FetchSettings(bucket, prefix, accounts, regions, since, lookbackDays, logFile,
        state != null ? state : FetchSettings.defaultState(logFile), format, maxLineBytes, delete, dryRun);
    QueueSettings queueSettings = queue.enabled() ? queue.settings(spec, bucket) : null;
    PrintWriter err = spec.commandLine().getErr();
    try (S3Client s3 = s3Options.client();
        SqsClient sqs = queue.enabled() ? s3Options.sqsClient(queue.queueUrl, queue.sqsEndpoint) : null) {
      while (true) {
        Report report = new Report(err, spec.commandLine().getOut(), dryRun, verbose, System.console() != null);
        FetchSummary summary = queue.enabled()
            ? new QueueFetcher(s3, sqs, settings, queueSettings, report, Clock.systemUTC()).run()
            : new Fetcher(s3, settings, report, Clock.systemUTC()).run();
        report.finish(summary);
        if (interval == null) return summary.failed() == 0 ? 0 : Main.EXIT_FAILURES;
        Thread.sleep(interval.toMillis());
      }
    }
  }

  static void checkMaxLineBytes(CommandLine.Model.CommandSpec spec, int maxLineBytes) {
    if (maxLineBytes < RecordLine.MIN_MAX_BYTES) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--max-line-bytes must be at least " + RecordLine.MIN_MAX_BYTES + ": " + maxLineBytes);
    }
  }

  /** Prints failures and notes as they come, a progress line on a terminal, the summary at the end. */
  private static final class Report implements FetchListener {
    private final PrintWriter err;
    private final PrintWriter out;
    private final boolean dryRun;
    private final boolean verbose;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastProgress;
    private int total;
    private int done;
    private long records;
    private long bytes;
    private boolean progressShown;

    Report(PrintWriter err, PrintWriter out, boolean dryRun, boolean verbose, boolean terminal) {
      this.err = err;
      this.out = out;
      this.dryRun = dryRun;
      this.verbose = verbose;
      this.terminal = terminal;
    }

    @Override
    public void listed(List<String> keys, long totalBytes) {
      total = keys.size();
      if (dryRun) {
        keys.forEach(out::println);
        out.printf(Locale.ROOT, "%d objects, %.1f MB to fetch%n", keys.size(), totalBytes / 1e6);
        out.flush();
      }
    }

    @Override
    public void fetched(String key, long records, long bytes) {
      done++;
      this.records += records;
      this.bytes += bytes;
      if (verbose) print(key + ": " + records + " records");
      long now = System.nanoTime();
      if (terminal && now - lastProgress > 200_000_000L) {
        lastProgress = now;
        double seconds = Math.max(now - start, 1) / 1e9;
        err.printf(Locale.ROOT, "\r%d/%d objects, %d records, %.1f MB, %.0f records/s ",
            done, total, this.records, this.bytes / 1e6, this.records / seconds);
        err.flush();
        progressShown = true;
      }
    }

    @Override
    public void failed(String where, String why) {
      print("ossec-aws: " + where + ": " + why);
    }

    @Override
    public void note(String message) {
      print("ossec-aws: " + message);
    }

    void finish(FetchSummary summary) {
      if (!dryRun) print("ossec-aws: " + summary);
    }

    private void print(String line) {
      if (progressShown) {
        err.print("\r\033[K");
        progressShown = false;
      }
      err.println(line);
      err.flush();
    }
  }

  static final class FormatConverter implements CommandLine.ITypeConverter<LineFormat> {
    @Override
    public LineFormat convert(String value) {
      try {
        return LineFormat.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("expected ossec or json: '" + value + "'");
      }
    }
  }

  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      var m = java.util.regex.Pattern.compile("(\\d+)([smh]?)").matcher(value);
      if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
        throw new CommandLine.TypeConversionException("expected a duration such as 300s, 5m or 1h: '" + value + "'");
      }
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofSeconds(amount);
      };
    }
  }
}
