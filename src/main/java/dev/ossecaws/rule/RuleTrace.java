package dev.ossecaws.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rule walk of one event, recorded for ossec-logtest's {@code -v} trace (spec/logtest-output.md
 * §4.5): the steps are data here, and the output package prints them.
 */
public final class RuleTrace {
  /** What happened at one step of the walk. */
  public enum Step {
    /** The rule is about to be tested. */
    TRYING,
    /** All of the rule's conditions held. */
    MATCHED,
    /** The matched rule's children are about to be tested. */
    TRYING_CHILDREN
  }

  /** One step, and the rule it concerns. */
  public record Entry(Step step, Rule rule) {}

  private final List<Entry> entries = new ArrayList<>();

  void add(Step step, Rule rule) {
    entries.add(new Entry(step, rule));
  }

  /** The steps so far, in walk order. */
  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }
}
