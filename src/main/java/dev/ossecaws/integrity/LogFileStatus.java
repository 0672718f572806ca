package dev.ossecaws.integrity;

import java.util.Locale;

/** What checking one log file found. */
public enum LogFileStatus {
  /** Listed in a validly signed digest, and its uncompressed content has the SHA-256 listed. */
  VALID,
  /** Listed in a validly signed digest with another SHA-256 than its content has now. */
  MODIFIED,
  /** Listed in a validly signed digest, and not in the bucket. */
  MISSING,
  /** In the bucket, and listed in no validly signed digest, though later digests exist. */
  NOT_COVERED,
  /** Delivered after the newest digest of its account and region ended: the next digest lists it. */
  PENDING;

  /** The status as the report prints it: {@code not covered}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
