package dev.ossecaws.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * How one case file fared.
 *
 * @param events how many events the case replayed (0 when the file is malformed)
 * @param expectedRules the rule ids its events expect (empty when the file is malformed)
 * @param problems what went wrong, one phrase each; empty when the case passed
 */
public record CaseResult(Path file, int events, List<Integer> expectedRules, List<String> problems) {
  public CaseResult {
    expectedRules = List.copyOf(expectedRules);
    problems = List.copyOf(problems);
  }

  public boolean passed() {
    return problems.isEmpty();
  }
}
