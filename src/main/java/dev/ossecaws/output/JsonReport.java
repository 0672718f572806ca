package dev.ossecaws.output;

import dev.ossecaws.engine.Verdict;
import dev.ossecaws.event.Event;
import dev.ossecaws.rule.Firing;
import dev.ossecaws.rule.Rule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event's verdict as one line of JSON, for machines. Byte strings are read as UTF-8 (invalid
 * sequences become U+FFFD); unset values are JSON null.
 *
 * <p>{@code fields} holds what rules read (plugin decoders' and the accumulator's values too);
 * {@code assignments} holds the {@code <order>} assignments phase 2 prints, in order, with its
 * labels.
 *
 * <p>The line is written straight into the report's bytes, byte for byte as Jackson's generator
 * wrote it (see {@link JsonString}): Jackson's generator, its buffer and the copy out of it made
 * {@code --format json} 10-20% slower than the text report.
 */
public final class JsonReport {
  private JsonReport() {}

  /** The UTF-8 bytes of the JSON object, newline included. */
  public static byte[] of(Verdict verdict) {
    ReportBuffer out = new ReportBuffer(4096);
    write(out, verdict);
    return out.toByteArray();
  }

  /** Writes the JSON object and a newline. */
  public static void write(ReportBuffer out, Verdict verdict) {
    Verdict.Predecoded phase1 = verdict.predecoded();
    out.append("{\"full_log\":");
    int fullLogStart = out.length();
    JsonString.write(out, phase1.fullLog());
    int fullLogEnd = out.length();
    out.append(",\"hostname\":");
    JsonString.write(out, phase1.hostname());
    out.append(",\"program_name\":");
    JsonString.write(out, phase1.programName());
    out.append(",\"log\":");
    // A line without a syslog header (CloudTrail's) is its own log: its escaped bytes are written once.
    if (phase1.log() != null && phase1.log().equals(phase1.fullLog())) out.appendWritten(fullLogStart, fullLogEnd);
    else JsonString.write(out, phase1.log());
    Verdict.Decoded phase2 = verdict.decoded();
    out.append(",\"decoder\":");
    JsonString.write(out, phase2.decoderName());
    out.append(",\"fields\":{");
    fields(out, phase2.values());
    out.append("},\"assignments\":[");
    assignments(out, phase2);
    out.append("],\"rule\":");
    rule(out, verdict.ruled().firing());
    out.append("}\n");
  }

  /** The fields, in one pass when their names are ASCII (as they nearly always are). */
  private static void fields(ReportBuffer out, Map<String, String> values) {
    int start = out.length();
    for (Map.Entry<String, String> field : values.entrySet()) {
      if (!isAscii(field.getKey())) {
        out.setLength(start);
        fieldsByText(out, values);
        return;
      }
      field(out, start, field.getKey(), field.getValue());
    }
  }

  /**
   * The fields by their names read as UTF-8. Two names of invalid UTF-8 can read the same (both
   * U+FFFD): one key then, where the first stood, with the last value, as a JSON object keeps it.
   */
  private static void fieldsByText(ReportBuffer out, Map<String, String> values) {
    Map<String, String> byText = new LinkedHashMap<>();
    values.forEach((name, value) -> byText.put(JsonString.asRead(name), value));
    int start = out.length();
    byText.forEach((name, value) -> field(out, start, name, value));
  }

  /** One field, after a comma unless it is the first since {@code start}. */
  private static void field(ReportBuffer out, int start, String name, String value) {
    if (out.length() > start) out.append(',');
    JsonString.write(out, name);
    out.append(':');
    JsonString.write(out, value);
  }

  private static void assignments(ReportBuffer out, Verdict.Decoded phase2) {
    boolean first = true;
    for (Event.FieldValue field : phase2.fields()) {
      out.append(first ? "{\"name\":" : ",{\"name\":");
      first = false;
      JsonString.write(out, field.label());
      out.append(",\"value\":");
      JsonString.write(out, field.value());
      out.append('}');
    }
  }

  private static void rule(ReportBuffer out, Firing firing) {
    if (firing == null) {
      out.append("null");
      return;
    }
    Rule rule = firing.rule();
    out.append("{\"id\":").append(rule.id()).append(",\"level\":").append(rule.level()).append(",\"description\":");
    JsonString.write(out, rule.description());
    out.append(",\"groups\":[");
    groups(out, rule.groups());
    out.append("],\"alert\":").append(firing.alert() ? "true" : "false").append('}');
  }

  /** The comma-separated groups, empty ones left out. */
  private static void groups(ReportBuffer out, String groups) {
    boolean first = true;
    for (int from = 0, n = groups.length(); from < n; ) {
      int comma = groups.indexOf(',', from);
      int to = comma < 0 ? n : comma;
      if (to > from) {
        if (!first) out.append(',');
        first = false;
        JsonString.write(out, groups, from, to);
      }
      from = to + 1;
    }
  }

  private static boolean isAscii(String byteString) {
    for (int i = 0, n = byteString.length(); i < n; i++) {
      if (byteString.charAt(i) >= 0x80) return false;
    }
    return true;
  }
}
