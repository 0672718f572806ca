package dev.ossecaws.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of an {@code .ini} suite run: one line per failing test (in the results file's
 * format, so a report can serve as the next run's known failures) and the counts.
 */
public final class IniReport {
  private final List<String> lines = new ArrayList<>();
  private int passed;
  private int failed;
  private int unexpected;

  private IniReport() {}

  public static IniReport of(List<IniResult> results, KnownFailures known) {
    IniReport report = new IniReport();
    for (IniResult result : results) {
      boolean isKnown = known.contains(result.testCase());
      if (result.passed()) {
        report.passed++;
        if (isKnown) report.lines.add("known failure now passes: " + result.testCase().name());
        continue;
      }
      report.failed++;
      if (!isKnown) report.unexpected++;
      report.lines.add(result + (isKnown ? "  (known)" : ""));
    }
    return report;
  }

  /** A line per failing test, and per known failure that passed. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  public int passed() {
    return passed;
  }

  public int failed() {
    return failed;
  }

  /** Failures not listed as known. */
  public int unexpectedFailures() {
    return unexpected;
  }

  /** {@code 255 passed, 6 failed}, plus how many failures were unexpected when some were known. */
  public String summary() {
    String counts = passed + " passed, " + failed + " failed";
    return unexpected == failed ? counts : counts + " (" + unexpected + " unexpected)";
  }
}
