package dev.ossecaws.rule;

import java.util.List;

/**
 * The rule phase's answer for one event: the rule Phase 3 reports, whether an alert is generated
 * (spec/rules.md §5.4), and the lines an alert appends after the full log: correlated events'
 * logs, newest first, or a check_diff's previous output.
 */
public record Firing(Rule rule, boolean alert, List<String> previousLogs) {
  public Firing {
    previousLogs = List.copyOf(previousLogs);
  }
}
