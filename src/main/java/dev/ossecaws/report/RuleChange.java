package dev.ossecaws.report;

/**
 * One rule's alerts before and after a ruleset change ({@code replay --baseline}). A level is -1
 * on the side where the rule does not exist.
 */
public record RuleChange(int ruleId, String description, int levelBefore, int levelAfter,
                         long alertsBefore, long alertsAfter) {
  public RuleChange {
    if (alertsBefore < 0 || alertsAfter < 0) {
      throw new IllegalArgumentException("alerts < 0: " + alertsBefore + ", " + alertsAfter);
    }
  }
}
