package dev.ossecaws.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.replay.ReplaySummary;
import dev.ossecaws.replay.ReplaySummary.RuleCount;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The job's summary, summed over the outcomes of every task (Spark's aggregate) and printed as
 * {@code replay --format json} prints its own ({@link ReplaySummary#json}). Keeps the
 * first {@link #PROBLEMS_KEPT} problems' texts for the driver to print.
 */
final class Tally implements Serializable {
  static final int PROBLEMS_KEPT = 1000;

  private long records;
  private long recordsSkipped;
  private long filesIncomplete;
  private final Map<Integer, Long> alertsByLevel = new HashMap<>();
  private final Map<Integer, RuleCount> byRule = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  Tally add(Outcome outcome) {
    records += outcome.records();
    if (outcome.problem() != null) {
      if (outcome.problem().fileFault()) filesIncomplete++;
      else recordsSkipped++;
      if (problems.size() < PROBLEMS_KEPT) problems.add(outcome.problem().text());
    }
    if (outcome.isAlert()) {
      alertsByLevel.merge(outcome.level(), 1L, Long::sum);
      byRule.merge(outcome.ruleId(), new RuleCount(outcome.ruleId(), outcome.level(), outcome.description(), 1), Tally::plus);
    }
    return this;
  }

  Tally merge(Tally other) {
    records += other.records;
    recordsSkipped += other.recordsSkipped;
    filesIncomplete += other.filesIncomplete;
    other.alertsByLevel.forEach((level, count) -> alertsByLevel.merge(level, count, Long::sum));
    other.byRule.values().forEach(rule -> byRule.merge(rule.id(), rule, Tally::plus));
    for (String problem : other.problems) if (problems.size() < PROBLEMS_KEPT) problems.add(problem);
    return this;
  }

  private static RuleCount plus(RuleCount a, RuleCount b) {
    return new RuleCount(a.id(), a.level(), a.description(), a.alerts() + b.alerts());
  }

  /** Problems in all, of which {@link #problems()} holds the first ones. */
  long problemCount() {
    return recordsSkipped + filesIncomplete;
  }

  List<String> problems() {
    return problems;
  }

  /** {@code replay --format json}'s summary; {@code files} as the driver listed them. */
  ObjectNode json(long files, double seconds) {
    return ReplaySummary.json(files, filesIncomplete, records, recordsSkipped, seconds, alertsByLevel, byRule.values());
  }
}
