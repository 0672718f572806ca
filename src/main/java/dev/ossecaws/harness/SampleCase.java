package dev.ossecaws.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * One sample case (a {@code samples/**}{@code /*.json} file): CloudTrail records replayed in order
 * in one session, each with what it must give.
 *
 * @param file the case file, as found
 * @param description what the case shows, in the author's words
 * @param events the records, in replay order
 */
public record SampleCase(Path file, String description, List<Event> events) {
  public SampleCase {
    events = List.copyOf(events);
  }

  /**
   * One CloudTrail record (as in a CloudTrail log file's {@code Records}) and its expectation.
   *
   * @param secondsLater when OSSEC reads it, in seconds after the previous event (0: together)
   */
  public record Event(ObjectNode record, Expectation expect, int secondsLater) {}
}
