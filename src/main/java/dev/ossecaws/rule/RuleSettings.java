package dev.ossecaws.rule;

/**
 * The manager settings rules depend on: alert thresholds from {@code <alerts>} (spec/xml.md §5.2),
 * {@code <global><memory_size>} and the {@code analysisd.*} internal options.
 */
public record RuleSettings(
    int emailAlertLevel,
    int logAlertLevel,
    int memorySize,
    int defaultTimeframe,
    int sidPrevMatchedMax,
    int ftsListSize,
    int ftsMinSizeForStr) {
  /** OSSEC 4.3.0's shipped values. */
  public static final RuleSettings DEFAULTS = new RuleSettings(7, 1, 8192, 360, 128, 32, 14);
}
