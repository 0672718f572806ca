package dev.ossecaws.cloudtrail;

import java.io.IOException;

/** A file that is not a readable CloudTrail log file: the message says what is wrong and where. */
public final class CloudTrailFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public CloudTrailFormatException(String message) {
    super(message);
  }
}
