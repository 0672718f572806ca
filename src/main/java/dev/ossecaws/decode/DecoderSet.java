package dev.ossecaws.decode;

import dev.ossecaws.event.Event;
import dev.ossecaws.pattern.OsPattern;
import java.util.List;
import java.util.Map;

/**
 * Every loaded decoder, ready to decode events (spec/decoders.md §5). Immutable and thread-safe.
 */
public final class DecoderSet {
  private final List<Decoder> withProgramName;
  private final List<Decoder> withoutProgramName;
  private final Map<String, Integer> ids;

  DecoderSet(List<Decoder> withProgramName, List<Decoder> withoutProgramName, Map<String, Integer> ids) {
    this.withProgramName = List.copyOf(withProgramName);
    this.withoutProgramName = List.copyOf(withoutProgramName);
    this.ids = Map.copyOf(ids);
  }

  /**
   * The id events decoded by {@code name} carry, for rule {@code <decoded_as>}; -1 if no decoder
   * (or built-in name) is called that. Renamed children share their parent's id, so their own
   * names resolve to ids no event carries (spec/decoders.md §3.1).
   */
  public int idOf(String name) {
    Integer id = ids.get(name);
    return id == null ? -1 : id;
  }

  /** Phase 2: sets the event's decoder, type and decoded fields. */
  public void decode(Event event) {
    List<Decoder> candidates = event.programName != null ? withProgramName : withoutProgramName;
    if (candidates.isEmpty()) {
      event.decoding = Event.Decoding.NO_CANDIDATES;
      return;
    }
    for (Decoder parent : candidates) {
      if (event.programName != null
          && parent.programName != null
          && !parent.programName.matches(event.programName)) {
        continue;
      }
      int parentEnd = 0;
      if (parent.prematch != null) {
        int end = find(parent.prematch, event.log, 0);
        if (end < 0) continue;
        parentEnd = end;
      }
      event.decoding = Event.Decoding.MATCHED;
      decodedBy(event, parent);
      decodeWith(event, parent, parentEnd);
      return;
    }
    event.decoding = Event.Decoding.NO_MATCH;
  }

  /** After {@code parent} was selected: pick the active child, then run the regex (chain). */
  private static void decodeWith(Event event, Decoder parent, int parentEnd) {
    List<Decoder> nodes = List.of(parent);
    int index = 0;
    int childEnd = parentEnd;
    if (!parent.children.isEmpty()) {
      nodes = parent.children;
      index = -1;
      for (int i = 0; i < nodes.size(); i++) {
        Decoder child = nodes.get(i);
        if (child.prematch == null) {
          index = i;
          break;
        }
        int end = find(child.prematch, event.log, child.prematchAfterParent ? parentEnd : 0);
        if (end >= 0) {
          decodedBy(event, child);
          index = i;
          childEnd = end;
          break;
        }
        if (child.continuesChain) i = lastOfChain(nodes, i);
      }
      if (index < 0) return;
    }
    Decoder active = nodes.get(index);
    if (active.plugin != null) {
      active.plugin.decode(event);
      return;
    }
    int regexEnd = -1;
    while (active.regex != null) {
      int from =
          switch (active.regexOffset) {
            case NONE -> 0;
            case AFTER_PARENT -> parentEnd;
            case AFTER_PREMATCH -> childEnd;
            case AFTER_REGEX -> regexEnd >= 0 ? regexEnd : childEnd;
          };
      OsPattern.Match match = active.regex.find(event.log, from);
      regexEnd = -1;
      if (match != null) {
        decodedBy(event, active);
        regexEnd = match.end();
        List<String> values = match.captures();
        for (int i = 0; i < values.size() && i < active.order.size(); i++) {
          active.order.get(i).assign(event, values.get(i));
        }
      }
      if (!active.continuesChain || ++index >= nodes.size()) return;
      active = nodes.get(index);
    }
  }

  /**
   * Where the chain that continues from {@code head} ends: OSSEC skips every following node that
   * continues a chain, and one more, so a non-contiguous chain is later met again.
   */
  private static int lastOfChain(List<Decoder> children, int head) {
    int i = head;
    while (i + 1 < children.size() && children.get(i + 1).continuesChain) i++;
    return i + 1;
  }

  private static void decodedBy(Event event, Decoder decoder) {
    event.decoder = decoder.info;
    event.type = decoder.info.type();
  }

  /** Where a match of {@code pattern} in the log from {@code from} ends, or -1. */
  private static int find(OsPattern pattern, String log, int from) {
    OsPattern.Match match = pattern.find(log, from);
    return match == null ? -1 : match.end();
  }
}
