package dev.ossecaws.engine;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Where an event's time comes from. OSSEC uses the wall clock when the line is read and never the
 * log's own stamp (spec/predecoding.md §7); fixed and log-stamp clocks make runs reproducible.
 */
public interface Clock {
  /** The time of the event whose full log is {@code fullLog}. */
  ZonedDateTime timeOf(String fullLog);

  /** OSSEC's clock: now, in the machine's zone. */
  static Clock wall() {
    return fullLog -> ZonedDateTime.now(ZoneId.systemDefault());
  }

  /** Always {@code time}. */
  static Clock fixed(ZonedDateTime time) {
    return fullLog -> time;
  }

  /** The stamp in the log's own header; see {@link LogStampClock} for the rules. */
  static Clock logStamp(Clock fallback) {
    return new LogStampClock(fallback);
  }

  /**
   * {@code wall}, {@code fixed:<ISO-8601 instant or zoned date-time>} or {@code event}; throws
   * IllegalArgumentException naming the bad value.
   */
  static Clock parse(String spec) {
    if (spec.equals("wall")) return wall();
    if (spec.equals("event")) return logStamp(wall());
    if (spec.startsWith("fixed:")) {
      String time = spec.substring("fixed:".length());
      try {
        return fixed(ZonedDateTime.parse(time));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "bad clock '" + spec + "': expected fixed:<ISO-8601 date-time>, e.g. fixed:2026-01-01T00:00:00Z");
      }
    }
    throw new IllegalArgumentException(
        "bad clock '" + spec + "': expected wall, fixed:<ISO-8601 date-time> or event");
  }
}
