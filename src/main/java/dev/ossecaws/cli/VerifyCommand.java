package dev.ossecaws.cli;

import dev.ossecaws.integrity.IntegrityReport;
import dev.ossecaws.integrity.TrailVerifier;
import dev.ossecaws.integrity.VerifySettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code ossec-aws cloudtrail verify}: CloudTrail's log file integrity validation, from the bucket's digest files. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks that the trail's log files are as CloudTrail delivered them, from its signed hourly digest files"
          + " (log file validation must be on for the trail): each digest's SHA256withRSA signature against"
          + " CloudTrail's public key, the chain of digests (each names the previous one and its signature), and"
          + " the SHA-256 of every log file each digest lists.",
      "Log files: valid, modified, missing (listed, deleted), not covered (listed in no validly signed digest),"
          + " pending (delivered after the newest digest; not a failure). Digests: valid, invalid (signature,"
          + " unknown key, moved), missing (named by a later digest, deleted), chain break (the previous digest"
          + " has another signature or hash than recorded).",
      "Exit code: 0 all valid, " + VerifyCommand.EXIT_NOT_VALID + " something is not valid, "
          + Main.EXIT_USAGE + " bad usage or unusable --public-keys file, " + VerifyCommand.EXIT_INCOMPLETE
          + " nothing invalid found but some object or listing could not be read (access denied, throttled)."
    })
final class VerifyCommand implements Callable<Integer> {
  static final int EXIT_NOT_VALID = Main.EXIT_FAILURES;
  static final int EXIT_INCOMPLETE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-b", "--bucket"}, required = true, paramLabel = "BUCKET", description = "The bucket the trail delivers to.")
  String bucket;

  @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "", description = "The trail's S3 key prefix, if it has one.")
  String prefix;

  @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "The first day (UTC) to check (default: the day before --until).")
  LocalDate since;

  @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "The last day (UTC) to check (default: today).")
  LocalDate until;

  @Option(names = "--account", paramLabel = "ID", split = ",", description = "Only these accounts (default: all in the bucket).")
  Set<String> accounts = Set.of();

  @Option(names = "--regions", paramLabel = "REGION", split = ",", description = "Only these regions (default: all).")
  Set<String> regions = Set.of();

  @CommandLine.Mixin PublicKeyOptions publicKeys;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text: what is not valid, then a summary (default); json: one document with every digest and log file.")
  String format;

  @Option(names = {"-v", "--verbose"}, description = "In text, list the valid digests and log files too.")
  boolean verbose;

  @CommandLine.Mixin S3Options s3Options;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("text") && !format.equals("json")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format: expected text or json: '" + format + "'");
    }
    LocalDate last = until != null ? until : LocalDate.now(ZoneOffset.UTC);
    LocalDate first = since != null ? since : last.minusDays(1);
    if (last.isBefore(first)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--until " + last + " is before --since " + first);
    }
    VerifySettings settings = new VerifySettings(bucket, prefix, accounts, regions, first, last);
    IntegrityReport report;
    try (S3Client s3 = s3Options.client()) {
      // The day before, for the digest that links to the window's first.
      report = new TrailVerifier(s3, settings, publicKeys.keys(s3Options, first.minusDays(1))).verify();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(format.equals("json") ? report.json() : report.text(verbose));
    out.flush();
    if (!report.allValid()) return EXIT_NOT_VALID;
    return report.complete() ? 0 : EXIT_INCOMPLETE;
  }
}
