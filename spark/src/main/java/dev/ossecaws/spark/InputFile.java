package dev.ossecaws.spark;

import java.io.Serializable;
import java.net.URI;

/**
 * One CloudTrail log file of the job, as the driver listed it.
 *
 * @param rank its place in replay's file order (0 first)
 * @param uri the Hadoop path the executors open
 * @param name what alert lines and problems name it: a local path as replay names it, {@code
 *     s3://bucket/key} for an S3 object (whatever Hadoop scheme reached it), else the URI
 * @param bytes its size as listed (gzipped or not)
 */
record InputFile(long rank, String uri, String name, long bytes) implements Serializable {
  /** The name of the file at {@code uri}, the same whichever file system client reads it. */
  static String nameOf(URI uri) {
    String scheme = uri.getScheme() == null ? "file" : uri.getScheme();
    return switch (scheme) {
      case "file" -> uri.getPath();
      case "s3", "s3a", "s3n" -> "s3://" + uri.getAuthority() + uri.getPath();
      default -> uri.toString();
    };
  }

  InputFile withRank(long rank) {
    return new InputFile(rank, uri, name, bytes);
  }
}
