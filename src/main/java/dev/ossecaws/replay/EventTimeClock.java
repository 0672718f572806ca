package dev.ossecaws.replay;

import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The time of a CloudTrail line is its record's {@code eventTime}, so that a replay's frequency,
 * timeframe and ignore windows span what they span on a manager reading the trail as it comes.
 * The clock never runs backwards, as the manager's does not: a record older than the one before it
 * (CloudTrail files are not sorted within) is timed as that one, and so is a line whose eventTime
 * is missing or unreadable. Before the first readable time it reads the epoch.
 *
 * <p>One clock per session: it remembers the last time it gave.
 */
public final class EventTimeClock implements Clock {
  private static final String FIELD = "\"eventTime\":\"";
  private static final String VERSION = "\"eventVersion\":";

  private ZonedDateTime last = Instant.EPOCH.atZone(ZoneOffset.UTC);

  @Override
  public ZonedDateTime timeOf(String fullLog) {
    ZonedDateTime time = eventTime(fullLog);
    if (time != null && time.isAfter(last)) last = time;
    return last;
  }

  /**
   * {@link RecordLine} writes eventTime first, or second after eventVersion: read it there, never
   * from an object nested further on.
   */
  private static ZonedDateTime eventTime(String line) {
    if (!line.startsWith(RecordLine.PREFIX)) return null;
    int at = RecordLine.PREFIX.length();
    if (line.startsWith(VERSION, at)) {
      at = endOfString(line, at + VERSION.length());
      if (at < 0 || at >= line.length() || line.charAt(at) != ',') return null;
      at++;
    }
    if (!line.startsWith(FIELD, at)) return null;
    int start = at + FIELD.length();
    int end = line.indexOf('"', start);
    if (end < 0) return null;
    try {
      return ZonedDateTime.parse(line.substring(start, end)).withZoneSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The index after the JSON string starting at {@code at}, or -1 if there is none. */
  private static int endOfString(String line, int at) {
    if (at >= line.length() || line.charAt(at) != '"') return -1;
    for (int i = at + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') i++;
      else if (c == '"') return i + 1;
    }
    return -1;
  }
}
