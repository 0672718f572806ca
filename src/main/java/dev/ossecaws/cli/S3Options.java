package dev.ossecaws.cli;

import dev.ossecaws.cloudtrail.S3Access;
import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

/** How a command reaches the trail's bucket: the options fetch and replay share. */
final class S3Options {
  @Option(names = "--region", paramLabel = "REGION", description = "The bucket's region (default: the SDK's, else found from the bucket).")
  String region;

  @Option(names = "--profile", paramLabel = "NAME", description = "A profile of ~/.aws/credentials and ~/.aws/config.")
  String profile;

  @Option(names = "--endpoint-url", paramLabel = "URL", description = "An S3-compatible endpoint instead of AWS.")
  URI endpoint;

  @Option(names = "--path-style", description = "Path-style addressing (http://host/bucket/key), for S3-compatible stores.")
  boolean pathStyle;

  S3Client client() {
    return S3Access.client(region, profile, endpoint, pathStyle);
  }
}
