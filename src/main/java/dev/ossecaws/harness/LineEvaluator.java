package dev.ossecaws.harness;

import dev.ossecaws.output.UnitTestReport;

/**
 * Runs one log line through the evaluator in a fresh session, as one ossec-logtest process per
 * line does, and answers with the exit code of its unit-test mode ({@code -U rule:level:decoder}).
 */
@FunctionalInterface
public interface LineEvaluator {
  int unitTestCode(String line, UnitTestReport.Expected expected) throws Exception;
}
