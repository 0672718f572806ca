package dev.ossecaws.output;

import dev.ossecaws.engine.Verdict;
import dev.ossecaws.event.Event;
import java.util.List;

/**
 * ossec-logtest's report of one event, byte for byte (spec/logtest-output.md §4.8), written as
 * bytes: events' strings are byte strings (one {@code char} per byte).
 */
public final class LogtestReport {
  /** What the session prints once, after the start-up log lines. */
  public static final String SESSION_START = "ossec-testrule: Type one log per line.\n\n";

  private LogtestReport() {}

  /** What the session prints after phase 2 when the final decoder accumulates. */
  public static final String ACCUMULATED = "\n**ACCUMULATOR: LEVEL UP!!**\n\n";

  /** The full report of one event without the log lines, as a byte string. */
  public static String of(Verdict verdict) {
    ReportBuffer out = new ReportBuffer(1024);
    write(out, verdict, null);
    return out.toString();
  }

  /**
   * The full report of one event: separator, then each phase in order, with the log lines the rule
   * search printed just before phase 3 and those of the bookkeeping after the alert at the end.
   *
   * @param logStamp what each log line begins with (OSSEC's time stamp); null leaves them out
   */
  public static void write(ReportBuffer out, Verdict verdict, String logStamp) {
    out.append("\n\n");
    predecoding(out, verdict.predecoded());
    decoding(out, verdict.decoded());
    Verdict.Ruled ruled = verdict.ruled();
    if (ruled.trace() != null) TraceText.write(out, ruled.trace());
    if (logStamp != null) logLines(out, logStamp, ruled.messages());
    if (ruled.firing() != null) RuleReport.phase3(out, ruled.firing());
    if (logStamp != null) logLines(out, logStamp, ruled.trailingMessages());
  }

  /** OSSEC's log lines: each {@code stamp}, the message, a newline. */
  public static void logLines(ReportBuffer out, String stamp, List<String> messages) {
    for (String message : messages) out.append(stamp).append(message).append('\n');
  }

  private static void predecoding(ReportBuffer out, Verdict.Predecoded phase1) {
    out.append("**Phase 1: Completed pre-decoding.\n");
    field(out, "full event", phase1.fullLog());
    field(out, "hostname", phase1.hostname());
    field(out, "program_name", phase1.programName());
    field(out, "log", phase1.log());
  }

  private static void decoding(ReportBuffer out, Verdict.Decoded phase2) {
    if (phase2.decoding() == Event.Decoding.NO_CANDIDATES) {
      field(out, "decoder", null);
    } else {
      out.append("\n**Phase 2: Completed decoding.\n");
      for (Event.FieldValue assignment : phase2.fields()) {
        field(out, assignment.label(), assignment.value());
      }
      if (phase2.decoding() == Event.Decoding.NO_MATCH) out.append("       No decoder matched.\n");
      field(out, "decoder", phase2.decoderName());
    }
    if (phase2.accumulated()) out.append(ACCUMULATED);
  }

  /** {@code label: 'value'} with 7 spaces before; unset values print as glibc prints NULL. */
  private static void field(ReportBuffer out, String label, String value) {
    out.append("       ").append(label).append(": '").append(value == null ? "(null)" : value).append("'\n");
  }
}
