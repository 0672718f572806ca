package dev.ossecaws;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A report of ossec-logtest as OSSEC's golden files keep it (from the first {@code **Phase 1} on,
 * without start-up lines), split into one byte string per event. An event's text starts with
 * {@code **Phase 1} and runs up to the two empty lines that start the next event's report.
 */
public final class LogtestTranscript {
  public static final String EVENT_START = "**Phase 1: Completed pre-decoding.\n";
  /** What ossec-logtest prints before each event's report. */
  public static final String SEPARATOR = "\n\n";

  private LogtestTranscript() {}

  public static List<String> events(Path file) throws IOException {
    return events(Files.readString(file, ISO_8859_1));
  }

  public static List<String> events(String report) {
    List<String> events = new ArrayList<>();
    String text = SEPARATOR + report;
    String boundary = SEPARATOR + EVENT_START;
    int start = text.indexOf(boundary);
    if (start != 0) throw new IllegalArgumentException("report does not start with " + EVENT_START);
    while (start >= 0) {
      int next = text.indexOf(boundary, start + boundary.length());
      events.add(text.substring(start + SEPARATOR.length(), next < 0 ? text.length() : next));
      start = next;
    }
    return events;
  }
}
