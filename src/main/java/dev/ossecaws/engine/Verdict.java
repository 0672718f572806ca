package dev.ossecaws.engine;

import dev.ossecaws.event.Event;
import java.util.List;

/**
 * What the engine concluded about one line, phase by phase: an immutable value the {@code output}
 * package formats.
 *
 * @param predecoded phase 1, as it stood before decoding (plugins may rewrite the log)
 * @param decoded phase 2
 */
public record Verdict(Predecoded predecoded, Decoded decoded) {

  /** Phase 1 (spec/predecoding.md). */
  public record Predecoded(String fullLog, String hostname, String programName, String log) {
    static Predecoded of(Event event) {
      return new Predecoded(event.fullLog, event.hostname, event.programName, event.log);
    }
  }

  /**
   * Phase 2 (spec/decoders.md).
   *
   * @param decoding how far decoding got
   * @param fields every {@code <order>} assignment, in the order made
   * @param decoderName the final decoder's name, null if none
   * @param accumulated whether the final decoder has {@code <accumulate/>}
   */
  public record Decoded(
      Event.Decoding decoding, List<Event.FieldValue> fields, String decoderName, boolean accumulated) {
    public Decoded {
      fields = List.copyOf(fields);
    }

    static Decoded of(Event event) {
      return new Decoded(
          event.decoding, event.assignments, event.decoder.name(), event.decoder.accumulate());
    }
  }
}
