package dev.ossecaws.cloudtrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Paginated listings of one folder of the bucket at a time, never the whole bucket. */
public final class BucketListing {
  private final S3Client s3;
  private final String bucket;

  public BucketListing(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** The folders directly under {@code folder}, each ending with '/'. */
  public List<String> folders(String folder) {
    List<String> folders = new ArrayList<>();
    ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(folder).delimiter("/").build();
    for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
      for (CommonPrefix prefix : page.commonPrefixes()) folders.add(prefix.prefix());
    }
    return folders;
  }

  /**
   * The account folders under the prefix's {@code AWSLogs/}, with those inside organization
   * folders, only {@code accounts}' when it is not empty; {@code folders} lists one folder, handling
   * its failures as its caller does.
   */
  public static List<String> accountFolders(String prefix, Set<String> accounts, Function<String, List<String>> folders) {
    List<String> found = new ArrayList<>();
    for (String folder : folders.apply(TrailLayout.accountsFolder(prefix))) {
      if (TrailLayout.isOrganizationFolder(folder)) {
        found.addAll(folders.apply(folder));
      } else {
        found.add(folder);
      }
    }
    if (accounts.isEmpty()) return found;
    return found.stream().filter(a -> accounts.contains(TrailLayout.lastSegment(a))).toList();
  }

  /** Every object whose key starts with {@code folder}. */
  public List<S3Object> objects(String folder) {
    List<S3Object> objects = new ArrayList<>();
    ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(folder).build();
    for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) objects.addAll(page.contents());
    return objects;
  }
}
