package dev.ossecaws.rule;

/** Listens to the rule walk, for ossec-logtest's {@code -v} trace (spec/logtest-output.md §4.5). */
public interface RuleTrace {
  /** A rule is about to be tested. */
  void trying(Rule rule);

  /** All of the rule's conditions held. */
  void matched(Rule rule);

  /** The matched rule's children are about to be tested. */
  void tryingChildren();
}
