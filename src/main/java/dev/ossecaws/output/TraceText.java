package dev.ossecaws.output;

import dev.ossecaws.rule.Rule;
import dev.ossecaws.rule.RuleTrace;

/** The {@code -v} rule trace as ossec-logtest prints it (spec/logtest-output.md §4.5). */
public final class TraceText implements RuleTrace {
  private final StringBuilder out = new StringBuilder("\n**Rule debugging:\n");

  @Override
  public void trying(Rule rule) {
    out.append("    Trying rule: ").append(rule.id()).append(" - ")
        .append(rule.description() == null ? "(null)" : rule.description()).append('\n');
  }

  @Override
  public void matched(Rule rule) {
    out.append("       *Rule ").append(rule.id()).append(" matched.\n");
  }

  @Override
  public void tryingChildren() {
    out.append("       *Trying child rules.\n");
  }

  /** The header and every line so far. */
  @Override
  public String toString() {
    return out.toString();
  }
}
