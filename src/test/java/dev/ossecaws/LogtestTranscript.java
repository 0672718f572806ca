package dev.ossecaws;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.harness.LogtestOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** The events of {@code report}, split as {@link LogtestOutput} splits a session's output. */
  public static List<String> events(String report) {
    LogtestOutput output = LogtestOutput.parse(SEPARATOR + report);
    if (!output.startUp().isEmpty() || output.events().isEmpty()) {
      throw new IllegalArgumentException("report does not start with " + EVENT_START);
    }
    return output.events().stream().map(event -> event.substring(SEPARATOR.length())).toList();
  }
}
