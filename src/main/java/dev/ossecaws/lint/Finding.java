package dev.ossecaws.lint;

/**
 * One problem found.
 *
 * @param file the file at fault, as given
 * @param line its 1-based line, 0 when the file as a whole is at fault
 * @param ruleId the OSSEC rule concerned, null if none
 * @param suppression why the baseline accepts it, null when it counts
 */
public record Finding(Check check, String file, int line, String ruleId, String message, String suppression) {
  public boolean suppressed() {
    return suppression != null;
  }

  Finding suppressedBecause(String justification) {
    return new Finding(check, file, line, ruleId, message, justification);
  }

  /** {@code file:line: rule N: check: message}, the text output's line. */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + (ruleId != null ? "rule " + ruleId + ": " : "")
        + check.id() + ": " + message + (suppressed() ? " (baseline: " + suppression + ")" : "");
  }
}
