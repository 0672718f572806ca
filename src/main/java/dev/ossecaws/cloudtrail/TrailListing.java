package dev.ossecaws.cloudtrail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The trail's folders and log files in a bucket, walked folder by folder as {@link TrailLayout}
 * describes, never by listing the whole bucket. A listing that fails is told to {@code failed}
 * (the folder, S3's reason in words) and the walk goes on without it.
 */
public final class TrailListing {
  private final BucketListing listing;
  private final BiConsumer<String, String> failed;

  public TrailListing(S3Client s3, String bucket, BiConsumer<String, String> failed) {
    this.listing = new BucketListing(s3, bucket);
    this.failed = Objects.requireNonNull(failed, "failed == null");
  }

  /**
   * Every log file of every account and region under {@code prefix} in the day folders from
   * {@code since} through {@code until} (null: no bound), oldest key first: the years, months and
   * days that exist are listed, so an unbounded walk costs one listing per day folder present.
   */
  public List<S3Object> logFiles(String prefix, LocalDate since, LocalDate until) {
    List<S3Object> found = new ArrayList<>();
    for (String account : accountFolders(prefix)) {
      for (String region : folders(TrailLayout.regionsFolder(account))) {
        for (String year : folders(region)) {
          if (!overlaps(year, 4, since, until)) continue;
          for (String month : folders(year)) {
            if (!overlaps(month, 7, since, until)) continue;
            for (String day : folders(month)) {
              if (overlaps(day, 10, since, until)) found.addAll(logFiles(day));
            }
          }
        }
      }
    }
    found.sort(Comparator.comparing(S3Object::key));
    return found;
  }

  /** The folders of each account, organization trails' member accounts included. */
  List<String> accountFolders(String prefix) {
    return BucketListing.accountFolders(prefix, Set.of(), this::folders);
  }

  /** The log files (not digests, not stray files) directly under a day folder. */
  List<S3Object> logFiles(String dayFolder) {
    List<S3Object> files = new ArrayList<>();
    try {
      for (S3Object object : listing.objects(dayFolder)) {
        if (TrailLayout.isLogFile(object.key())) files.add(object);
      }
    } catch (SdkException e) {
      failed.accept(dayFolder, S3Errors.describe(e));
    }
    return files;
  }

  List<String> folders(String folder) {
    try {
      return listing.folders(folder);
    } catch (SdkException e) {
      failed.accept(folder, S3Errors.describe(e));
      return List.of();
    }
  }

  /**
   * Whether a year ({@code 2024/}), month ({@code 2024/03/}) or day folder, read from the region
   * folder on ({@code length} characters of {@code yyyy/MM/dd}), can hold a day in the bounds.
   */
  private static boolean overlaps(String folder, int length, LocalDate since, LocalDate until) {
    String date = dateOf(folder, length);
    if (date == null) return false;
    if (since != null && date.compareTo(since.toString().replace('-', '/').substring(0, length)) < 0) return false;
    return until == null || date.compareTo(until.toString().replace('-', '/').substring(0, length)) <= 0;
  }

  /** {@code 2024/03} of {@code AWSLogs/1/CloudTrail/us-east-1/2024/03/}, or null when not digits. */
  private static String dateOf(String folder, int length) {
    String trimmed = folder.substring(0, folder.length() - 1);
    int segments = length == 4 ? 1 : length == 7 ? 2 : 3;
    int start = trimmed.length();
    for (int i = 0; i < segments; i++) start = trimmed.lastIndexOf('/', start - 1);
    String date = trimmed.substring(start + 1);
    return date.length() == length && date.matches("\\d{4}(/\\d{2}){0,2}") ? date : null;
  }
}
