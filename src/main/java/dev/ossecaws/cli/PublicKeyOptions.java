package dev.ossecaws.cli;

import dev.ossecaws.integrity.PublicKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --public-keys}: CloudTrail's public keys from files, or else from its ListPublicKeys API. */
final class PublicKeyOptions {
  @Option(names = "--public-keys", paramLabel = "FILE",
      description = "CloudTrail's public keys as `aws cloudtrail list-public-keys --region R` prints them, one file per"
          + " region (repeatable), to check offline; default: CloudTrail's ListPublicKeys in each digest's region.")
  List<Path> files = new ArrayList<>();

  /** The keys of the files, or CloudTrail's keys valid from {@code from} (UTC) through now. */
  PublicKeys keys(S3Options s3, LocalDate from) throws IOException {
    if (!files.isEmpty()) return PublicKeys.fromFiles(files);
    return PublicKeys.fromCloudTrail(s3::cloudTrailClient, from.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
