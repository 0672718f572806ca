package dev.ossecaws.output;

import dev.ossecaws.rule.Firing;

/**
 * ossec-logtest's {@code -U <rule>:<level>:<decoder>} verdict on one event (spec/logtest-output.md
 * §7): the lines printed after the event's report, and the exit code the event leaves.
 *
 * @param text the lines after the report, each ending with a newline
 * @param code 0 all matched, 1 level differs, 2 rule differs, 3 decoder differs; 255 when the
 *     decoder matched but no rule did, which ends the run at once
 * @param noRuleMessage the log line (without time stamp) printed for code 255, else null
 */
public record UnitTestReport(String text, int code, String noRuleMessage) {
  public static final int NO_RULE = 255;

  /** The expected values of a {@code -U} argument; null if it lacks its two colons. */
  public record Expected(String rule, String level, String decoder) {
    public static Expected parse(String argument) {
      int first = argument.indexOf(':');
      int second = first < 0 ? -1 : argument.indexOf(':', first + 1);
      if (second < 0) return null;
      return new Expected(argument.substring(0, first), argument.substring(first + 1, second),
          argument.substring(second + 1));
    }
  }

  /** OSSEC's message for a {@code -U} argument without two colons. */
  public static final String MALFORMED =
      "ossec-testrule: -U requires the matching format to be \"<rule_id>:<alert_level>:<decoder_name>\"";

  /**
   * @param decoderName the event's final decoder, null if none
   * @param firing the rule Phase 3 reported, null if none
   */
  public static UnitTestReport of(Expected expected, String decoderName, Firing firing) {
    StringBuilder out = new StringBuilder();
    out.append("lf->decoder_info->name: '").append(decoderName == null ? "(null)" : decoderName).append("'\n");
    out.append("ut_decoder_name       : '").append(expected.decoder()).append("'\n");
    if (decoderName == null) {
      out.append("decoder matched : 'NULL'\n");
      return new UnitTestReport(out.toString(), 3, null);
    }
    if (!decoderName.equalsIgnoreCase(expected.decoder())) {
      out.append("decoder matched : '").append(decoderName).append("'\n");
      out.append("decoder expected: '").append(expected.decoder()).append("'\n");
      return new UnitTestReport(out.toString(), 3, null);
    }
    if (firing == null) {
      return new UnitTestReport(out.toString(), NO_RULE, "ossec-testrule: No rule matched for decoder '" + decoderName
          + "'. Verify that rules exist for this decoder and check if rules have required dependencies"
          + " (if_sid, if_matched_sid, if_matched_group, etc.).");
    }
    if (!String.valueOf(firing.rule().id()).equalsIgnoreCase(expected.rule())) {
      return new UnitTestReport(out.toString(), 2, null);
    }
    if (!String.valueOf(firing.rule().level()).equalsIgnoreCase(expected.level())) {
      return new UnitTestReport(out.toString(), 1, null);
    }
    return new UnitTestReport(out.toString(), 0, null);
  }
}
