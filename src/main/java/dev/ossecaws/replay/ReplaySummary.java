package dev.ossecaws.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.rule.Rule;
import java.io.Serializable;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay saw, counted as it goes: files, records, what was skipped, alerts per level and
 * per rule (of the first ruleset, the working tree's in a baseline comparison).
 */
public final class ReplaySummary implements ReplayListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  private long files;
  private long filesIncomplete;
  private long records;
  private long recordsSkipped;
  private long alerts;
  private final TreeMap<Integer, Long> alertsByLevel = new TreeMap<>(Comparator.reverseOrder());
  private final Map<Integer, RuleCount> byRule = new HashMap<>();

  /** Alerts of one rule. */
  public record RuleCount(int id, int level, String description, long alerts) implements Serializable {}

  @Override
  public void evaluated(ReplayRecord record, List<Verdict> verdicts) {
    records++;
    Verdict verdict = verdicts.get(0);
    if (!AlertLine.isAlert(verdict)) return;
    Rule rule = verdict.ruled().firing().rule();
    alerts++;
    alertsByLevel.merge(rule.level(), 1L, Long::sum);
    byRule.merge(rule.id(), new RuleCount(rule.id(), rule.level(), rule.description(), 1),
        (a, b) -> new RuleCount(a.id(), a.level(), a.description(), a.alerts() + 1));
  }

  @Override
  public void recordSkipped(ReplayRecord record, String why) {
    recordsSkipped++;
  }

  @Override
  public void fileFinished(TrailFile file, String fault) {
    files++;
    if (fault != null) filesIncomplete++;
  }

  public long records() {
    return records;
  }

  /** Whether any input was skipped: a file cut short or a record that is not CloudTrail. */
  public boolean anySkipped() {
    return filesIncomplete > 0 || recordsSkipped > 0;
  }

  /** Rules by alerts, most first, then by id. */
  public List<RuleCount> rules() {
    return byAlerts(byRule.values());
  }

  /** The summary for people: counts, alerts per level, the {@code top} rules. */
  public String text(int top, double seconds) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%d records of %d files in %.1f s (%.0f records/s)%n",
        records, files, seconds, records / Math.max(seconds, 1e-9)));
    if (anySkipped()) {
      out.append(String.format(Locale.ROOT, "skipped: %d files cut short or unreadable, %d records not CloudTrail%n",
          filesIncomplete, recordsSkipped));
    }
    out.append(alerts).append(" alerts");
    if (!alertsByLevel.isEmpty()) {
      out.append(':');
      alertsByLevel.forEach((level, count) -> out.append(" level ").append(level).append(' ').append(count).append(','));
      out.setLength(out.length() - 1);
    }
    out.append('\n');
    List<RuleCount> rules = rules();
    if (!rules.isEmpty()) {
      out.append(String.format(Locale.ROOT, "top rules:%n%9s  %-6s %5s  %s%n", "alerts", "rule", "level", "description"));
      for (RuleCount rule : rules.subList(0, Math.min(top, rules.size()))) {
        out.append(String.format(Locale.ROOT, "%9d  %-6d %5d  %s%n", rule.alerts(), rule.id(), rule.level(), rule.description()));
      }
    }
    return out.toString();
  }

  /** The same for scripts, every rule included. */
  public ObjectNode json(double seconds) {
    return json(files, filesIncomplete, records, recordsSkipped, seconds, alertsByLevel, byRule.values());
  }

  /**
   * The summary for scripts of these counts: this replay's, or a Spark job's summed over its tasks.
   * Levels from the highest, rules by alerts (most first, then by id).
   */
  public static ObjectNode json(long files, long filesIncomplete, long records, long recordsSkipped, double seconds,
      Map<Integer, Long> alertsByLevel, Collection<RuleCount> byRule) {
    ObjectNode root = JSON.createObjectNode();
    root.put("files", files);
    root.put("filesIncomplete", filesIncomplete);
    root.put("records", records);
    root.put("recordsSkipped", recordsSkipped);
    root.put("seconds", Math.round(seconds * 1000) / 1000.0);
    root.put("alerts", alertsByLevel.values().stream().mapToLong(Long::longValue).sum());
    ObjectNode levels = root.putObject("alertsByLevel");
    new TreeMap<>(alertsByLevel).descendingMap().forEach((level, count) -> levels.put(String.valueOf(level), count));
    ArrayNode rules = root.putArray("rules");
    for (RuleCount rule : byAlerts(byRule)) {
      rules.addObject().put("id", rule.id()).put("level", rule.level()).put("description", rule.description())
          .put("alerts", rule.alerts());
    }
    return root;
  }

  private static List<RuleCount> byAlerts(Collection<RuleCount> rules) {
    return rules.stream()
        .sorted(Comparator.comparingLong(RuleCount::alerts).reversed().thenComparingInt(RuleCount::id))
        .toList();
  }
}
