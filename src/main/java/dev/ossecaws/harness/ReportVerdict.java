package dev.ossecaws.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The verdict one event's ossec-logtest report states: the decoder Phase 2 names and the rule id
 * and level Phase 3 names. Read from the text, so that a report of any ossec-logtest can be checked
 * against a case's expectation.
 *
 * @param decoder the decoder's name, null for none ({@code '(null)'})
 * @param rule the rule id, null without Phase 3
 * @param level the rule's level, 0 without Phase 3
 */
public record ReportVerdict(String decoder, Integer rule, int level) {
  private static final String DECODER = "\n       decoder: '";
  private static final String PHASE_3 = "\n**Phase 3: Completed filtering (rules).\n";
  private static final String RULE = "       Rule id: '";
  private static final String LEVEL = "       Level: '";

  /** The verdict of {@code report}, one event's report as {@link LogtestOutput} splits them. */
  public static ReportVerdict of(String report) {
    String decoder = valueAfter(report, DECODER, 0);
    int phase3 = report.indexOf(PHASE_3);
    if (phase3 < 0) return new ReportVerdict(orNull(decoder), null, 0);
    String rule = valueAfter(report, "\n" + RULE, phase3);
    String level = valueAfter(report, "\n" + LEVEL, phase3);
    return new ReportVerdict(orNull(decoder), rule == null ? null : Integer.valueOf(rule),
        level == null ? 0 : Integer.parseInt(level));
  }

  /** How this verdict differs from {@code expected}'s decoder, rule and level, one phrase each. */
  public List<String> differences(Expectation expected) {
    List<String> differences = new ArrayList<>();
    if (!Objects.equals(decoder, expected.decoder())) {
      differences.add("decoder " + Expectation.quoted(decoder) + ", expected " + Expectation.quoted(expected.decoder()));
    }
    if (!Objects.equals(rule, expected.rule())) {
      differences.add("rule " + Expectation.orNone(rule) + ", expected " + Expectation.orNone(expected.rule()));
    } else if (rule != null && level != expected.level()) {
      differences.add("level " + level + ", expected " + expected.level());
    }
    return differences;
  }

  private static String valueAfter(String report, String label, int from) {
    int start = report.indexOf(label, from);
    if (start < 0) return null;
    start += label.length();
    int end = report.indexOf("'\n", start);
    return end < 0 ? null : report.substring(start, end);
  }

  private static String orNull(String decoder) {
    return "(null)".equals(decoder) ? null : decoder;
  }
}
