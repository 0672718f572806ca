package dev.ossecaws.integrity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a log file or digest sits in CloudTrail's layout: {@code [prefix/]AWSLogs/[o-org/]<account>/
 * CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmm>Z_<id>.json.gz}, and
 * beside it {@code CloudTrail-Digest/<region>/YYYY/MM/DD/<account>_CloudTrail-Digest_<region>_<trail>_<home
 * region>_<YYYYMMDDTHHmmss>Z[_backfill].json.gz}. A log file and the digests that list it share the
 * account folder and region: their {@link #chain}.
 */
final class TrailKeys {
  private static final Pattern LOG = Pattern.compile(
      "^(.*/)?CloudTrail/([^/]+)/(\\d{4})/(\\d{2})/(\\d{2})/[^/]*_CloudTrail_[^/]*_(\\d{8}T\\d{4})Z_[^/]*\\.json(\\.gz)?$");
  private static final Pattern DIGEST = Pattern.compile(
      "^(.*/)?CloudTrail-Digest/([^/]+)/(\\d{4})/(\\d{2})/(\\d{2})/[^/]*_CloudTrail-Digest_[^/]*\\.json\\.gz$");
  private static final DateTimeFormatter DELIVERED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");
  private static final DateTimeFormatter DAY_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd/");

  /**
   * A key's place: its account folder ({@code AWSLogs/123456789012/}), region, day folder, and for a
   * log file the minute in its name, when CloudTrail delivered it.
   */
  record Place(String accountFolder, String region, LocalDate day, Instant delivered) {
    String chain() {
      return accountFolder + region;
    }
  }

  private TrailKeys() {}

  /** The log file's place, or null when the key is not a CloudTrail log file's. */
  static Place logFile(String key) {
    Matcher m = LOG.matcher(key);
    if (!m.matches()) return null;
    try {
      Instant delivered = LocalDateTime.parse(m.group(6), DELIVERED).toInstant(ZoneOffset.UTC);
      return new Place(accountFolder(m), m.group(2), day(m), delivered);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The digest's place (no delivery minute), or null when the key is not a digest file's. */
  static Place digest(String key) {
    Matcher m = DIGEST.matcher(key);
    if (!m.matches()) return null;
    try {
      return new Place(accountFolder(m), m.group(2), day(m), null);
    } catch (DateTimeException e) {
      return null;
    }
  }

  static String digestRegionsFolder(String accountFolder) {
    return accountFolder + "CloudTrail-Digest/";
  }

  static String logRegionsFolder(String accountFolder) {
    return accountFolder + "CloudTrail/";
  }

  static String digestFolder(String accountFolder, String region, LocalDate day) {
    return digestRegionsFolder(accountFolder) + region + "/" + DAY_FOLDER.format(day);
  }

  static String logFolder(String accountFolder, String region, LocalDate day) {
    return logRegionsFolder(accountFolder) + region + "/" + DAY_FOLDER.format(day);
  }

  private static String accountFolder(Matcher m) {
    return m.group(1) == null ? "" : m.group(1);
  }

  private static LocalDate day(Matcher m) {
    return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
  }
}
