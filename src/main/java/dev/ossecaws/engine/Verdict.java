package dev.ossecaws.engine;

import dev.ossecaws.event.Event;
import dev.ossecaws.rule.Firing;
import dev.ossecaws.rule.RuleTrace;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
   * @param values every field set once decoding and accumulation are done, as rules read it, by
   *     the name an {@code <order>} gives it: static fields, then the final decoder's dynamic
   *     fields. Plugin decoders and the accumulator set values that no assignment prints.
   */
  public record Decoded(
      Event.Decoding decoding, List<Event.FieldValue> fields, String decoderName, boolean accumulated,
      Map<String, String> values) {
    public Decoded {
      fields = List.copyOf(fields);
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static Decoded of(Event event) {
      return new Decoded(
          event.decoding, event.assignments(), event.decoder.name(), event.decoder.accumulate(), values(event));
    }

    /** Static names as {@code <order>} spells them ("protocol", not phase 2's "proto"): no dynamic field can take them. */
    private static Map<String, String> values(Event event) {
      Map<String, String> values = new LinkedHashMap<>();
      String[][] statics = {
        {"srcip", event.srcip}, {"dstip", event.dstip}, {"srcport", event.srcport}, {"dstport", event.dstport},
        {"protocol", event.protocol}, {"action", event.action}, {"srcuser", event.srcuser},
        {"dstuser", event.dstuser}, {"id", event.id}, {"url", event.url}, {"extra_data", event.data},
        {"status", event.status}, {"system_name", event.systemName}, {"filename", event.filename},
      };
      for (String[] field : statics) {
        if (field[1] != null) values.put(field[0], field[1]);
      }
      for (String name : event.decoder.order()) {
        String value = name == null ? null : event.dynamicField(name);
        if (value != null) values.putIfAbsent(name, value);
      }
      return values;
    }
  }

  /**
   * Phase 3 (spec/rules.md).
   *
   * @param trace the {@code -v} rule walk, step by step; null unless the engine traces rules
   * @param messages log lines the rule search printed (without time stamps), e.g. list errors;
   *     ossec-logtest prints them before Phase 3
   * @param firing the rule found and whether it alerts; null if no rule matched
   * @param alerted the event as an {@code -a} alert shows it
   * @param trailingMessages log lines the bookkeeping after the alert printed (without time
   *     stamps); ossec-logtest prints them after the event's report or alert
   */
  public record Ruled(
      List<RuleTrace.Entry> trace, List<String> messages, Firing firing, Alerted alerted,
      List<String> trailingMessages) {
    public Ruled {
      trace = trace == null ? null : List.copyOf(trace);
      messages = List.copyOf(messages);
      trailingMessages = List.copyOf(trailingMessages);
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
