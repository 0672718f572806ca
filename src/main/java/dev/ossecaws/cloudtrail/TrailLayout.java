package dev.ossecaws.cloudtrail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where CloudTrail puts its files: {@code [prefix/]AWSLogs/[o-org/]<account>/CloudTrail/<region>/
 * YYYY/MM/DD/<account>_CloudTrail_<region>_<time>_<id>.json.gz}. Digest files live beside them
 * under {@code CloudTrail-Digest/} and are named {@code _CloudTrail-Digest_}: they are not logs.
 */
public final class TrailLayout {
  private static final DateTimeFormatter DAY_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd/");
  private static final Pattern DAY_IN_KEY =
      Pattern.compile("/CloudTrail/[^/]+/(\\d{4})/(\\d{2})/(\\d{2})/[^/]+$");

  private TrailLayout() {}

  /** The folder holding one folder per account (or per organization, for organization trails). */
  public static String accountsFolder(String prefix) {
    if (prefix.isEmpty() || prefix.endsWith("/")) return prefix + "AWSLogs/";
    return prefix + "/AWSLogs/";
  }

  /** Whether a folder under AWSLogs/ is an organization's, holding account folders. */
  public static boolean isOrganizationFolder(String folder) {
    return lastSegment(folder).startsWith("o-");
  }

  static String regionsFolder(String accountFolder) {
    return accountFolder + "CloudTrail/";
  }

  static String dayFolder(String regionFolder, LocalDate day) {
    return regionFolder + DAY_FOLDER.format(day);
  }

  /** The folder's own name: {@code 123456789012} for {@code AWSLogs/123456789012/}. */
  public static String lastSegment(String folder) {
    String trimmed = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** Whether the key names a CloudTrail log file (not a digest, not a folder marker, not a stray file). */
  static boolean isLogFile(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    return name.contains("_CloudTrail_") && (name.endsWith(".json.gz") || name.endsWith(".json"));
  }

  /** Whether the key names one of CloudTrail's digest files, which are not logs. */
  static boolean isDigestFile(String key) {
    return key.substring(key.lastIndexOf('/') + 1).contains("_CloudTrail-Digest_");
  }

  /** The day folder the key is in, or null for a key outside the layout. */
  static LocalDate dayOf(String key) {
    Matcher m = DAY_IN_KEY.matcher(key);
    if (!m.find()) return null;
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
