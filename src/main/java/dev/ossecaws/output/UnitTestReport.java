package dev.ossecaws.output;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.rule.Firing;

/**
 * ossec-logtest's {@code -U <rule>:<level>:<decoder>} verdict on one event (spec/logtest-output.md
 * §7): the lines printed after the event's report, and the exit code the event leaves.
 *
 * @param expected what {@code -U} expects
 * @param decoderName the event's final decoder, null if none
 * @param code 0 all matched, 1 level differs, 2 rule differs, 3 decoder differs; 255 when the
 *     decoder matched but no rule did, which ends the run at once
 */
public record UnitTestReport(Expected expected, String decoderName, int code) {
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
    return new UnitTestReport(expected, decoderName, code(expected, decoderName, firing));
  }

  private static int code(Expected expected, String decoderName, Firing firing) {
    if (decoderName == null || !decoderName.equalsIgnoreCase(expected.decoder())) return 3;
    if (firing == null) return NO_RULE;
    if (!String.valueOf(firing.rule().id()).equalsIgnoreCase(expected.rule())) return 2;
    if (!String.valueOf(firing.rule().level()).equalsIgnoreCase(expected.level())) return 1;
    return 0;
  }

  /** The lines after the event's report, each ending with a newline. */
  public void write(ReportBuffer out) {
    out.append("lf->decoder_info->name: '").append(decoderName == null ? "(null)" : decoderName).append("'\n");
    out.append("ut_decoder_name       : '").append(expectedDecoder()).append("'\n");
    if (decoderName == null) {
      out.append("decoder matched : 'NULL'\n");
    } else if (code == 3) {
      out.append("decoder matched : '").append(decoderName).append("'\n");
      out.append("decoder expected: '").append(expectedDecoder()).append("'\n");
    }
  }

  /** The expected decoder is text of the command line, not a byte string: encoded, '?' for what Latin-1 lacks. */
  private byte[] expectedDecoder() {
    return expected.decoder().getBytes(ISO_8859_1);
  }

  /** The log line (without time stamp) printed for {@link #NO_RULE}. */
  public String noRuleMessage() {
    return "ossec-testrule: No rule matched for decoder '" + decoderName
        + "'. Verify that rules exist for this decoder and check if rules have required dependencies"
        + " (if_sid, if_matched_sid, if_matched_group, etc.).";
  }
}
