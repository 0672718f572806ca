package dev.ossecaws.rule;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Parses {@code <time>} and {@code <weekday>} texts (spec/rules.md §4.2, §4.3). */
final class CalendarParser {
  private final String text;
  private int at;

  private CalendarParser(String text) {
    this.text = text;
  }

  /** The time range, or null with {@code error} set to the unparsed rest. */
  static Condition.TimeRange time(String text, String[] error) {
    CalendarParser parser = new CalendarParser(text);
    parser.skipSpaces();
    boolean negated = parser.accept("!");
    String start = parser.clock();
    parser.skipSpaces();
    if (start == null || !parser.accept("-")) {
      error[0] = parser.rest();
      return null;
    }
    String end = parser.clock();
    parser.skipSpaces();
    if (end == null || parser.at != text.length()) {
      error[0] = parser.rest();
      return null;
    }
    if (start.compareTo(end) > 0) return new Condition.TimeRange(end, start, false);
    return new Condition.TimeRange(start, end, !negated);
  }

  /** {@code H[:MM][ am|pm]} as {@code HH:MM}, or null. */
  private String clock() {
    skipSpaces();
    int hour = number(2);
    if (hour < 0 || hour > 23) return null;
    int minute = 0;
    if (accept(":")) {
      int from = at;
      minute = number(2);
      if (minute < 0 || at - from != 2 || minute > 59) return null;
    }
    skipSpaces();
    if (acceptIgnoreCase("pm")) {
      if (hour != 12) hour += 12;
    } else {
      acceptIgnoreCase("am");
    }
    return String.format("%02d:%02d", hour, minute);
  }

  private static final String[][] DAYS = {
    {"sunday", "sun"}, {"monday", "mon"}, {"tuesday", "tue"}, {"wednesday", "wed"},
    {"thursday", "thu"}, {"friday", "fri"}, {"saturday", "sat"}
  };

  /** The days, or null with {@code error} set to the unparsed rest. */
  static Set<DayOfWeek> weekdays(String text, String[] error) {
    CalendarParser parser = new CalendarParser(text);
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    while (true) {
      while (parser.at < text.length() && (text.charAt(parser.at) == ' ' || text.charAt(parser.at) == ',')) {
        parser.at++;
      }
      if (parser.at == text.length()) break;
      if (!parser.day(days)) {
        error[0] = parser.rest();
        return null;
      }
    }
    if (days.isEmpty()) {
      error[0] = text;
      return null;
    }
    return days;
  }

  private boolean day(Set<DayOfWeek> days) {
    if (word("weekdays")) {
      days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
      return true;
    }
    if (word("weekends")) {
      days.add(DayOfWeek.SATURDAY);
      days.add(DayOfWeek.SUNDAY);
      return true;
    }
    for (int i = 0; i < DAYS.length; i++) {
      if (word(DAYS[i][0]) || word(DAYS[i][1])) {
        days.add(i == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(i));
        return true;
      }
    }
    return false;
  }

  /** Consumes {@code name} if it is followed by a separator or the end. */
  private boolean word(String name) {
    int end = at + name.length();
    if (end > text.length() || !text.substring(at, end).toLowerCase(Locale.ROOT).equals(name)) return false;
    if (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != ',') return false;
    at = end;
    return true;
  }

  private int number(int maxDigits) {
    int value = 0;
    int digits = 0;
    while (at < text.length() && digits < maxDigits && Character.isDigit(text.charAt(at))) {
      value = value * 10 + (text.charAt(at++) - '0');
      digits++;
    }
    return digits == 0 ? -1 : value;
  }

  private void skipSpaces() {
    while (at < text.length() && text.charAt(at) == ' ') at++;
  }

  private boolean accept(String token) {
    if (!text.startsWith(token, at)) return false;
    at += token.length();
    return true;
  }

  private boolean acceptIgnoreCase(String token) {
    if (!text.regionMatches(true, at, token, 0, token.length())) return false;
    at += token.length();
    return true;
  }

  private String rest() {
    return text.substring(Math.min(at, text.length()));
  }
}
