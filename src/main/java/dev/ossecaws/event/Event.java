package dev.ossecaws.event;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One log line on its way through the pipeline (spec/README.md, "Event model").
 *
 * <p>Pre-decoding fills the text fields, decoding fills the decoded fields, rules only read them.
 * All strings are byte strings (one {@code char} per byte, ISO-8859-1); null means unset, which
 * ossec-logtest prints as {@code (null)}. Mutable and confined to the thread that evaluates it.
 */
public final class Event {
  // Pre-decoding (phase 1).
  public String location = "stdin";
  public String fullLog;
  public String log;
  public String hostname;
  public String programName;
  /** When the line was read, in the zone OSSEC prints local time in. */
  public ZonedDateTime time;
  /** {@link #time} in epoch seconds, and the time it was computed for. */
  private long epochSecond;
  private ZonedDateTime epochSecondOf;

  // Decoding (phase 2): the static fields decoders assign through <order> and plugins.
  public String srcip;
  public String dstip;
  public String srcport;
  public String dstport;
  public String protocol;
  public String action;
  public String srcuser;
  public String dstuser;
  public String id;
  public String url;
  public String data;
  public String status;
  public String systemName;
  public String filename;

  /** The decoder that decoded this event: {@link DecoderInfo#NONE} until one does. */
  public DecoderInfo decoder = DecoderInfo.NONE;
  /**
   * The rule category: the final decoder's type, except where a plugin decoder changes it for
   * this event (spec/decoders.md §8).
   */
  public String type = DecoderInfo.NONE.type();
  /** How far decoding got, for the phase 2 report. */
  public Decoding decoding = Decoding.NO_CANDIDATES;
  /** Every {@code <order>} assignment in the order it happened; phase 2 prints them. */
  private List<FieldValue> assignments = new ArrayList<>();
  /** Dynamic fields by their position in the assigning decoder's {@code <order>}; null where unset. */
  private String[] dynamicFields = NO_DYNAMIC_FIELDS;

  private static final String[] NO_DYNAMIC_FIELDS = {};

  /**
   * The rule id an OSSEC alert fed back as a log names (OSSECAlert_Decoder, spec/decoders.md §8):
   * the rule phase treats the event as having matched it. Null otherwise.
   */
  public String alertRuleId;

  /** Level of the correlation rule that consumed this event; 0 until one does. */
  public int matched;

  /** How decoding ended, as phase 2 reports it (spec/logtest-output.md §4.3). */
  public enum Decoding {
    /** The decoder list for this event (with or without program name) is empty. */
    NO_CANDIDATES,
    /** No top-level decoder matched. */
    NO_MATCH,
    /** A top-level decoder matched; {@link #decoder} names the final one. */
    MATCHED
  }

  /** One {@code <order>} assignment as phase 2 prints it: {@code label: 'value'}. */
  public record FieldValue(String label, String value) {}

  /** Records an {@code <order>} assignment as phase 2 prints it. */
  public void assigned(String label, String value) {
    assignments.add(new FieldValue(label, value));
  }

  /** The {@code <order>} assignments made so far, in order. */
  public List<FieldValue> assignments() {
    return assignments;
  }

  public void setDynamicField(int position, String value) {
    if (position >= dynamicFields.length) {
      dynamicFields = Arrays.copyOf(dynamicFields, Math.max(position + 1, 2 * dynamicFields.length));
    }
    dynamicFields[position] = value;
  }

  /**
   * The dynamic field {@code name} as rules see it: the name is looked up in the {@code <order>}
   * of the event's final decoder (spec/decoders.md §6), null if absent or unset.
   */
  public String dynamicField(String name) {
    int position = decoder.dynamicFieldPosition(name);
    return position < 0 || position >= dynamicFields.length ? null : dynamicFields[position];
  }

  /**
   * Lets go of what only this event's own report reads, its assignments and dynamic fields, once
   * the report has them. A session keeps up to memory_size events for correlation, which reads
   * their static fields, logs and times alone; on CloudTrail lines these two were more than half
   * of every kept event, and each young collection copies all the events kept since the last.
   */
  public void forgetReportOnlyFields() {
    assignments = List.of();
    dynamicFields = NO_DYNAMIC_FIELDS;
  }

  /**
   * {@link #time} in epoch seconds, computed once per time: a correlation search compares it with
   * every candidate's, and a frequency rule may scan thousands of candidates per event.
   */
  public long epochSecond() {
    if (epochSecondOf != time) {
      epochSecond = time.toEpochSecond();
      epochSecondOf = time;
    }
    return epochSecond;
  }
}
