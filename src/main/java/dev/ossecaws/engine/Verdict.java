package dev.ossecaws.engine;

import dev.ossecaws.event.Event;
import dev.ossecaws.rule.Firing;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What the engine concluded about one line, phase by phase: an immutable value the {@code output}
 * package formats.
 *
 * @param predecoded phase 1, as it stood before decoding (plugins may rewrite the log)
 * @param decoded phase 2
 * @param ruled phase 3
 */
public record Verdict(Predecoded predecoded, Decoded decoded, Ruled ruled) {

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

  /**
   * Phase 3 (spec/rules.md).
   *
   * @param trace the {@code -v} rule trace, header included; null unless the engine traces rules
   * @param messages log lines the rule phase printed (without time stamps), e.g. list errors
   * @param firing the rule found and whether it alerts; null if no rule matched
   * @param alerted the event as an {@code -a} alert shows it
   */
  public record Ruled(String trace, List<String> messages, Firing firing, Alerted alerted) {
    public Ruled {
      messages = List.copyOf(messages);
    }
  }

  /** What an alert shows of its event (spec/logtest-output.md §6). */
  public record Alerted(
      ZonedDateTime time, String hostname, String location, String srcip, String srcport,
      String dstip, String dstport, String dstuser, String fullLog) {
    static Alerted of(Event event) {
      return new Alerted(event.time, event.hostname, event.location, event.srcip, event.srcport,
          event.dstip, event.dstport, event.dstuser, event.fullLog);
    }
  }
}
