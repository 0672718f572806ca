package dev.ossecaws.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * What one ossec-logtest session printed, split as the harness compares it: the start-up lines
 * (time-stamped, so never compared), then one report per event. An event's report starts with the
 * empty lines ossec-logtest prints before {@code **Phase 1} and runs up to the next event's, as
 * {@link dev.ossecaws.output.LogtestReport} writes it and a case's approved file concatenates them.
 *
 * @param startUp everything before the first event's report
 * @param events each event's report, in input order
 */
public record LogtestOutput(String startUp, List<String> events) {
  /** What starts every event's report: no log line can hold it, a line has no newline. */
  public static final String EVENT_START = "\n\n**Phase 1: Completed pre-decoding.\n";

  public LogtestOutput {
    events = List.copyOf(events);
  }

  /** Splits {@code output} (a byte string, one char per byte) at each event's report. */
  public static LogtestOutput parse(String output) {
    int first = output.indexOf(EVENT_START);
    if (first < 0) return new LogtestOutput(output, List.of());
    List<String> events = new ArrayList<>();
    for (int start = first; start >= 0; ) {
      int next = output.indexOf(EVENT_START, start + EVENT_START.length());
      events.add(output.substring(start, next < 0 ? output.length() : next));
      start = next;
    }
    return new LogtestOutput(output.substring(0, first), events);
  }
}
