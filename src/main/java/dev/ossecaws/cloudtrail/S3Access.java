package dev.ossecaws.cloudtrail;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** The S3 (and SQS) clients the fetcher uses: the SDK's default credential chain, retries with backoff. */
public final class S3Access {
  private S3Access() {}

  /**
   * A client for the given region (null: the profile's or environment's, else us-east-1 with
   * cross-region access so the bucket's own region is found), profile (null: the default chain),
   * endpoint (null: AWS) and addressing style.
   */
  public static S3Client client(String region, String profile, URI endpoint, boolean pathStyle) {
    S3ClientBuilder builder = S3Client.builder()
        .region(region != null ? Region.of(region) : defaultRegion(profile))
        .credentialsProvider(credentials(profile))
        .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
        .forcePathStyle(pathStyle);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    } else if (region == null) {
      builder.crossRegionAccessEnabled(true);
    }
    return builder.build();
  }

  /**
   * The SQS client of the queue worker: the queue URL's region ({@code https://sqs.REGION.amazonaws.com/...})
   * unless {@code region} is given, the same credentials as S3's, and {@code endpoint} (null: AWS).
   */
  public static SqsClient sqsClient(String queueUrl, String region, String profile, URI endpoint) {
    java.util.regex.Matcher inUrl = java.util.regex.Pattern.compile("^https?://sqs\\.([a-z0-9-]+)\\.").matcher(queueUrl);
    SqsClientBuilder builder = SqsClient.builder()
        .region(region != null ? Region.of(region) : inUrl.find() ? Region.of(inUrl.group(1)) : defaultRegion(profile))
        .credentialsProvider(credentials(profile))
        .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
    if (endpoint != null) builder.endpointOverride(endpoint);
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(String profile) {
    return profile != null ? ProfileCredentialsProvider.create(profile) : DefaultCredentialsProvider.builder().build();
  }

  private static Region defaultRegion(String profile) {
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      if (profile != null) chain.profileName(profile);
      return chain.build().getRegion();
    } catch (SdkClientException e) {
      return Region.US_EAST_1;
    }
  }
}
