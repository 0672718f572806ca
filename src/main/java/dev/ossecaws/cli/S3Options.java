package dev.ossecaws.cli;

import dev.ossecaws.cloudtrail.S3Access;
import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code --region}, {@code --profile}, {@code --endpoint-url}, {@code --path-style}: how fetch, verify and replay reach S3. */
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

  /** An SQS client for {@code queueUrl} with the same credentials (fetch's SQS mode); its region from the URL unless given. */
  SqsClient sqsClient(String queueUrl, URI sqsEndpoint) {
    return S3Access.sqsClient(queueUrl, region, profile, sqsEndpoint);
  }

  /** A CloudTrail client of {@code cloudTrailRegion} with the same credentials (verify's ListPublicKeys). */
  CloudTrailClient cloudTrailClient(String cloudTrailRegion) {
    return CloudTrailClient.builder()
        .region(Region.of(cloudTrailRegion))
        .credentialsProvider(profile != null ? ProfileCredentialsProvider.create(profile) : DefaultCredentialsProvider.builder().build())
        .build();
  }
}
