package dev.ossecaws.rule;

import java.util.List;

/**
 * Rules that cannot be loaded. {@link #ossecLines()} are the log lines OSSEC 4.3.0 prints for the
 * same mistake (without their timestamps); the message names the file, line and rule as well.
 */
public final class RuleException extends Exception {
  private final List<String> ossecLines;

  RuleException(String where, List<String> ossecLines) {
    super(where + ": " + String.join(" ", ossecLines));
    this.ossecLines = List.copyOf(ossecLines);
  }

  public List<String> ossecLines() {
    return ossecLines;
  }
}
