package dev.ossecaws.replay;

import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.Clock;
import java.time.DateTimeException;
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
    return parse(line, start, end);
  }

  /**
   * The time written in {@code line[start, end)}, as {@link ZonedDateTime#parse} reads it, in UTC;
   * null if it does not. CloudTrail's own shape, {@code 2024-03-01T10:00:05Z}, is read digit by
   * digit: the parser's general formatter cost a replay 7% of its time.
   */
  static ZonedDateTime parse(String line, int start, int end) {
    if (end - start == 20 && isCloudTrailShape(line, start)) {
      try {
        return ZonedDateTime.of(digits(line, start, 4), digits(line, start + 5, 2), digits(line, start + 8, 2),
            digits(line, start + 11, 2), digits(line, start + 14, 2), digits(line, start + 17, 2), 0, ZoneOffset.UTC);
      } catch (DateTimeException e) {
        return null; // a day or an hour out of range, as the formatter refuses it
      }
    }
    try {
      return ZonedDateTime.parse(line.substring(start, end)).withZoneSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code dddd-dd-ddTdd:dd:ddZ} at {@code at}. */
  private static boolean isCloudTrailShape(String line, int at) {
    for (int i = 0; i < 20; i++) {
      char c = line.charAt(at + i);
      boolean ok = switch (i) {
        case 4, 7 -> c == '-';
        case 10 -> c == 'T';
        case 13, 16 -> c == ':';
        case 19 -> c == 'Z';
        default -> c >= '0' && c <= '9';
      };
      if (!ok) return false;
    }
    return true;
  }

  private static int digits(String line, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) value = value * 10 + (line.charAt(i) - '0');
    return value;
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
