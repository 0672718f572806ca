package dev.ossecaws.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an event knows of the decoder that decoded it: name, id, type (the rule category), FTS
 * flags, the accumulate flag and the names of its dynamic fields. Immutable.
 *
 * @param name the name printed as {@code decoder: '...'}; null for the null decoder
 * @param id equal ids mean equal names (rule {@code <decoded_as>}); 0 for the null decoder
 * @param type {@code syslog}, {@code firewall}, ... (spec/decoders.md §2.1)
 * @param fts the fields a {@code <if_fts/>} rule keys on (spec/decoders.md §7)
 * @param accumulate whether the accumulator merges this decoder's events (spec/decoders.md §7)
 * @param order per {@code <order>} position, the dynamic field name there, or null for a static
 *     field
 */
public record DecoderInfo(
    String name, int id, String type, Set<FtsField> fts, boolean accumulate, List<String> order) {
  /** The state of an event no decoder matched (spec/decoders.md §4). */
  public static final DecoderInfo NONE = new DecoderInfo(null, 0, "syslog", Set.of(), false, List.of());

  public DecoderInfo {
    Objects.requireNonNull(type, "type == null");
    fts = Set.copyOf(fts);
    // Not List.copyOf: static fields leave null gaps in the order.
    order = Collections.unmodifiableList(new ArrayList<>(order));
  }

  /** The position of the dynamic field {@code name} in this decoder's order, or -1. */
  public int dynamicFieldPosition(String fieldName) {
    return order.indexOf(fieldName);
  }

  public DecoderInfo withNameAndId(String newName, int newId) {
    return new DecoderInfo(newName, newId, type, fts, accumulate, order);
  }

  /** The fields a decoder's {@code <fts>} can select (spec/decoders.md §7). */
  public enum FtsField {
    NAME,
    ID,
    DSTUSER,
    SRCIP,
    DSTIP,
    DATA,
    SYSTEM_NAME,
    LOCATION
  }
}
