package dev.ossecaws.harness;

/**
 * What ossec-logtest's unit-test mode ({@code -U rule:level:decoder}) compares for one line: the
 * final decoder's name and the rule Phase 3 printed.
 *
 * @param decoder the decoder's name, or null when no decoder matched
 * @param ruleId the rule found (level 0 and suppressed firings included), or null for none
 * @param level that rule's level
 */
public record UnitVerdict(String decoder, Integer ruleId, int level) {
  public static final int MATCHED = 0;
  public static final int LEVEL_DIFFERS = 1;
  public static final int RULE_DIFFERS = 2;
  public static final int DECODER_DIFFERS = 3;
  public static final int NO_RULE = 255;

  /**
   * ossec-logtest's exit code against the expected texts (spec/logtest-output.md §7): texts are
   * compared case-insensitively with the decimal id and level, so {@code 05503} is not {@code 5503}.
   */
  public int code(String expectedRule, String expectedLevel, String expectedDecoder) {
    if (decoder == null || !decoder.equalsIgnoreCase(expectedDecoder)) return DECODER_DIFFERS;
    if (ruleId == null) return NO_RULE;
    if (!String.valueOf(ruleId).equalsIgnoreCase(expectedRule)) return RULE_DIFFERS;
    if (!String.valueOf(level).equalsIgnoreCase(expectedLevel)) return LEVEL_DIFFERS;
    return MATCHED;
  }
}
