package dev.ossecaws.integrity;

import java.util.Locale;

/** What checking one digest file found. */
public enum DigestStatus {
  /** Signed by CloudTrail's key for what it says, and linked to the digest before it. */
  VALID,
  /** Its signature does not verify (forged, edited, moved, or signed by a key that is not CloudTrail's). */
  INVALID,
  /** Named as the previous digest by a later one, and not in the bucket: a gap in the chain. */
  MISSING,
  /** Validly signed, but the previous digest it names has another signature or hash than it records. */
  CHAIN_BREAK;

  /** The status as the report prints it: {@code chain break}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
