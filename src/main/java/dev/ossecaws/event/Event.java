package dev.ossecaws.event;

import java.time.ZonedDateTime;

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

  /** Level of the correlation rule that consumed this event; 0 until one does. */
  public int matched;
}
