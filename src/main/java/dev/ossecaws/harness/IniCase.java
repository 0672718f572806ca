package dev.ossecaws.harness;

import dev.ossecaws.output.UnitTestReport;

/**
 * One log line of an {@code .ini} test file and what ossec-logtest must answer for it.
 *
 * @param file the {@code .ini} file's name
 * @param section the test's section name
 * @param key the line's key, e.g. {@code log 1 pass}
 * @param log the log line
 * @param rule the expected rule id, as written
 * @param alert the expected level, as written
 * @param decoder the expected decoder name
 */
public record IniCase(
    String file, String section, String key, String log, String rule, String alert, String decoder) {

  /** A {@code pass} line must give code 0, a {@code fail} line anything else. */
  public boolean expectsMatch() {
    return key.endsWith("pass");
  }

  /** How OSSEC's results file names the test: {@code sshd.ini [section] log 1 pass}. */
  public String name() {
    return file + " [" + section + "] " + key;
  }

  public boolean passes(int code) {
    return expectsMatch() == (code == 0);
  }

  public UnitTestReport.Expected expectation() {
    return new UnitTestReport.Expected(rule, alert, decoder);
  }

  /** The expectation as {@code -U} takes it. */
  public String expected() {
    return rule + ":" + alert + ":" + decoder;
  }
}
