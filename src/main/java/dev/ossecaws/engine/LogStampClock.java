package dev.ossecaws.engine;

import dev.ossecaws.predecode.HeaderFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The time written in the log's header, for replaying old logs with their own times. Stamps with a
 * zone offset keep it; others are read in the machine's zone. Stamps without a year (syslog {@code
 * Dec 29 10:00:01}, snort) take the fallback clock's year, or the year before if that would put
 * them more than a day after the fallback time, as syslog receivers do around New Year. Lines
 * without a recognised or readable stamp take the fallback clock's time.
 */
final class LogStampClock implements Clock {
  private static final DateTimeFormatter SYSLOG = pattern("MMM ppd HH:mm:ss");
  private static final DateTimeFormatter YEAR_SYSLOG = pattern("yyyy MMM ppd HH:mm:ss");
  private static final DateTimeFormatter DATE_TIME_MILLIS = pattern("yyyy-MM-dd HH:mm:ss,SSS");
  private static final DateTimeFormatter COLON_DATE = pattern("yyyy:MM:dd-HH:mm:ss");
  private static final DateTimeFormatter XFERLOG = pattern("EEE MMM ppd HH:mm:ss yyyy");
  private static final DateTimeFormatter APACHE = pattern("'['EEE MMM ppd HH:mm:ss yyyy']'");
  private static final DateTimeFormatter SNORT = pattern("MM/dd-HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter SURICATA = pattern("MM/dd/yyyy-HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter ASL = pattern("'[Time 'yyyy.MM.dd HH:mm:ss");

  private final Clock fallback;

  LogStampClock(Clock fallback) {
    this.fallback = fallback;
  }

  @Override
  public ZonedDateTime timeOf(String fullLog) {
    ZonedDateTime now = fallback.timeOf(fullLog);
    HeaderFormat format = HeaderFormat.of(fullLog);
    if (format == null) return now;
    String stamp = fullLog.substring(0, format.headerLength(fullLog)).trim();
    try {
      return switch (format) {
        case SYSLOG -> withoutYear(SYSLOG, stamp, now);
        case SNORT -> withoutYear(SNORT, stamp, now);
        case YEAR_SYSLOG -> local(YEAR_SYSLOG, stamp, now);
        case DATE_TIME_MILLIS -> local(DATE_TIME_MILLIS, stamp, now);
        case COLON_DATE -> local(COLON_DATE, stamp, now);
        case XFERLOG -> local(XFERLOG, stamp, now);
        case APACHE -> local(APACHE, stamp, now);
        case SURICATA -> local(SURICATA, stamp, now);
        case ASL -> LocalDateTime.parse(stamp, ASL).atZone(ZoneId.of("UTC"));
        case ISO_8601, ISO_8601_FRACTION -> ZonedDateTime.parse(stamp);
        case SQUID -> epoch(stamp, now.getZone());
      };
    } catch (DateTimeException | NumberFormatException e) {
      return now;
    }
  }

  private static ZonedDateTime withoutYear(DateTimeFormatter format, String stamp, ZonedDateTime now) {
    TemporalAccessor parsed = format.parse(stamp);
    ZonedDateTime time =
        LocalDateTime.of(
                now.getYear(),
                parsed.get(ChronoField.MONTH_OF_YEAR),
                parsed.get(ChronoField.DAY_OF_MONTH),
                parsed.get(ChronoField.HOUR_OF_DAY),
                parsed.get(ChronoField.MINUTE_OF_HOUR),
                parsed.get(ChronoField.SECOND_OF_MINUTE))
            .atZone(now.getZone());
    return time.isAfter(now.plusDays(1)) ? time.minusYears(1) : time;
  }

  private static ZonedDateTime local(DateTimeFormatter format, String stamp, ZonedDateTime now) {
    return LocalDateTime.parse(stamp, format).atZone(now.getZone());
  }

  private static ZonedDateTime epoch(String stamp, ZoneId zone) {
    double seconds = Double.parseDouble(stamp);
    return Instant.ofEpochMilli((long) (seconds * 1000)).atZone(zone);
  }

  private static DateTimeFormatter pattern(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH);
  }
}
