package dev.ossecaws.replay;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/** One CloudTrail log file to replay, gzipped or not: a local file or an S3 object. */
public sealed interface TrailFile {
  /** The path as given or walked, or {@code s3://bucket/key}: what reports and alert lines name. */
  String name();

  /** Its size in bytes, for progress. */
  long size();

  /** Its content; an S3 object is read as listed (same ETag). */
  InputStream open() throws IOException;

  /** A file on the local disk. */
  record Local(Path path, long size) implements TrailFile {
    @Override
    public String name() {
      return path.toString();
    }

    @Override
    public InputStream open() throws IOException {
      return new FileInputStream(path.toFile());
    }
  }

  /** An object of the trail's bucket. */
  record S3(S3Client s3, String bucket, String key, String etag, long size) implements TrailFile {
    @Override
    public String name() {
      return "s3://" + bucket + "/" + key;
    }

    @Override
    public InputStream open() {
      return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).ifMatch(etag).build());
    }
  }
}
