package dev.ossecaws.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a manager home before the installer commits to it: loads every decoder, list and rules
 * file the manager would load, with the project's evaluator, and (when asked) replays every
 * sample case against the result.
 */
public interface ManagerVerifier {
  /** What a verification found: problems (empty when it passed) and a one-line summary. */
  record Result(List<String> problems, String summary) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean passed() {
      return problems.isEmpty();
    }
  }

  /** Verifies {@code home}; {@code replaySamples} is false once the ruleset is being removed. */
  Result verify(Path home, boolean replaySamples) throws IOException;
}
