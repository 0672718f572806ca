package dev.ossecaws.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job's summary, summed over the outcomes of every task (Spark's aggregate), in the shape of
 * {@code replay --format json}'s: records, skipped input, alerts per level and per rule. Keeps the
 * first {@link #PROBLEMS_KEPT} problems' texts for the driver to print.
 */
final class Tally implements Serializable {
  static final int PROBLEMS_KEPT = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private long records;
  private long recordsSkipped;
  private long filesIncomplete;
  private long alerts;
  private final TreeMap<Integer, Long> alertsByLevel = new TreeMap<>(Comparator.reverseOrder());
  private final Map<Integer, RuleCount> byRule = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** Alerts of one rule. */
  record RuleCount(int id, int level, String description, long alerts) implements Serializable {
    RuleCount plus(RuleCount other) {
      return new RuleCount(id, level, description, alerts + other.alerts);
    }
  }

  Tally add(Outcome outcome) {
    records += outcome.records();
    if (outcome.problem() != null) {
      if (outcome.problem().fileFault()) filesIncomplete++;
      else recordsSkipped++;
      if (problems.size() < PROBLEMS_KEPT) problems.add(outcome.problem().text());
    }
    if (outcome.isAlert()) {
      alerts++;
      alertsByLevel.merge(outcome.level(), 1L, Long::sum);
      byRule.merge(outcome.ruleId(), new RuleCount(outcome.ruleId(), outcome.level(), outcome.description(), 1), RuleCount::plus);
    }
    return this;
  }

  Tally merge(Tally other) {
    records += other.records;
    recordsSkipped += other.recordsSkipped;
    filesIncomplete += other.filesIncomplete;
    alerts += other.alerts;
    other.alertsByLevel.forEach((level, count) -> alertsByLevel.merge(level, count, Long::sum));
    other.byRule.values().forEach(rule -> byRule.merge(rule.id(), rule, RuleCount::plus));
    for (String problem : other.problems) if (problems.size() < PROBLEMS_KEPT) problems.add(problem);
    return this;
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
    ObjectNode root = JSON.createObjectNode();
    root.put("files", files);
    root.put("filesIncomplete", filesIncomplete);
    root.put("records", records);
    root.put("recordsSkipped", recordsSkipped);
    root.put("seconds", Math.round(seconds * 1000) / 1000.0);
    root.put("alerts", alerts);
    ObjectNode levels = root.putObject("alertsByLevel");
    alertsByLevel.forEach((level, count) -> levels.put(String.valueOf(level), count));
    ArrayNode rules = root.putArray("rules");
    byRule.values().stream()
        .sorted(Comparator.comparingLong(RuleCount::alerts).reversed().thenComparingInt(RuleCount::id))
        .forEach(rule -> rules.addObject().put("id", rule.id()).put("level", rule.level())
            .put("description", rule.description()).put("alerts", rule.alerts()));
    return root;
  }
}
