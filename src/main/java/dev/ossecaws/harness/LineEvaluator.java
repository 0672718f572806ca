package dev.ossecaws.harness;

/**
 * Runs one log line through the evaluator in a fresh session, as one ossec-logtest process per
 * line does, and tells what unit-test mode compares.
 */
@FunctionalInterface
public interface LineEvaluator {
  UnitVerdict evaluate(String line) throws Exception;
}
