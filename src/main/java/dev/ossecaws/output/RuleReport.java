package dev.ossecaws.output;

import dev.ossecaws.engine.Verdict;
import dev.ossecaws.rule.Firing;
import dev.ossecaws.rule.Rule;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * ossec-logtest's text for the rule phase, byte for byte: the Phase 3 block (spec/logtest-output.md
 * §4.6) and the {@code -a} alert (§6).
 */
public final class RuleReport {
  private static final int ALERT_LOG_MAX = 1256;
  private static final DateTimeFormatter ALERT_DATE =
      DateTimeFormatter.ofPattern("yyyy MMM dd HH:mm:ss", Locale.ENGLISH);

  private RuleReport() {}

  /** The Phase 3 block, with {@code **Alert to be generated.} when the firing alerts. */
  public static void phase3(ReportBuffer out, Firing firing) {
    Rule rule = firing.rule();
    out.append("\n**Phase 3: Completed filtering (rules).\n");
    out.append("       Rule id: '").append(rule.id()).append("'\n");
    out.append("       Level: '").append(rule.level()).append("'\n");
    out.append("       Description: '").append(orNull(rule.description())).append("'\n");
    for (Rule.Info info : rule.infos()) {
      out.append("       Info - ").append(info.type()).append(": '").append(info.text()).append("'\n");
    }
    if (firing.alert()) out.append("**Alert to be generated.\n\n\n");
  }

  /** One alerts.log entry, numbered {@code sequence} (from 1 per run). */
  public static void alert(ReportBuffer out, Firing firing, Verdict.Alerted event, int sequence) {
    Rule rule = firing.rule();
    out.append("** Alert ").append(event.time().toEpochSecond()).append('.').append(sequence).append(':')
        .append(rule.mail() ? " mail " : "").append(" - ").append(rule.groups()).append('\n');
    out.append(ALERT_DATE.format(event.time())).append(' ')
        .append(event.hostname()).append("->").append(event.location()).append('\n');
    out.append("Rule: ").append(rule.id()).append(" (level ").append(rule.level()).append(") -> '")
        .append(orNull(rule.description())).append("'\n");
    optional(out, "Src IP: ", event.srcip());
    optional(out, "Src Port: ", event.srcport());
    optional(out, "Dst IP: ", event.dstip());
    optional(out, "Dst Port: ", event.dstport());
    optional(out, "User: ", event.dstuser());
    out.append(truncate(event.fullLog())).append('\n');
    for (String previous : firing.previousLogs()) out.append(truncate(previous)).append('\n');
    out.append('\n');
  }

  private static void optional(ReportBuffer out, String label, String value) {
    if (value != null) out.append(label).append(value).append('\n');
  }

  private static String truncate(String log) {
    return log.length() > ALERT_LOG_MAX ? log.substring(0, ALERT_LOG_MAX) : log;
  }

  private static String orNull(String value) {
    return value == null ? "(null)" : value;
  }
}
