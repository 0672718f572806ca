package dev.ossecaws.cloudtrail;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * One-line descriptions of what went wrong with an object, for the report. They come from S3's
 * error code and status, never from the request, so credentials cannot appear in them.
 */
public final class S3Errors {
  private S3Errors() {}

  public static String describe(Exception e) {
    if (e instanceof NoSuchKeyException) return "vanished between listing and download (NoSuchKey)";
    if (e instanceof AwsServiceException service) {
      int status = service.statusCode();
      String code = service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
          ? service.awsErrorDetails().errorCode() : "HTTP " + status;
      String meaning = switch (status) {
        case 403 -> "access denied";
        case 404 -> "not found";
        case 412 -> "changed since it was listed";
        case 429, 503 -> "throttled, still after retries";
        default -> status >= 500 ? "server error, still after retries" : "refused";
      };
      return meaning + " (" + code + ", HTTP " + status + ")";
    }
    if (e instanceof CloudTrailFormatException) return e.getMessage();
    if (e instanceof SdkClientException && String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
      return "no AWS credentials found (environment, ~/.aws profile, container or instance role)";
    }
    if (e instanceof SdkException) return "cannot reach S3: " + networkReason(e);
    if (e instanceof IOException) return "the download broke off: " + networkReason(e);
    return e.toString();
  }

  /** The system's own reason ("Connection refused", "Read timed out") under the SDK's and HTTP client's wrappers. */
  private static String networkReason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    if (root instanceof UnknownHostException) return "unknown host " + root.getMessage();
    if (root instanceof SocketException || root instanceof SocketTimeoutException) return root.getMessage();
    return e.getMessage();
  }
}
