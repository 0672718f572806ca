package dev.ossecaws.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.report.RuleChange;
import dev.ossecaws.rule.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same records through two rulesets (verdicts: the working tree's first, the baseline's
 * second) and what differs: per rule, alerts before and after; per record, an alert gained, lost
 * or changed (another rule, or the same rule at another level).
 */
public final class BaselineComparison implements ReplayListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Engine before;
  private final Engine after;
  private final Map<Integer, long[]> alertsByRule = new TreeMap<>(); // id -> {before, after}
  private final List<RecordChange> changes = new ArrayList<>();

  /** An alert as compared: its rule and level. */
  public record Alert(int rule, int level) {
    static Alert of(Verdict verdict) {
      if (!AlertLine.isAlert(verdict)) return null;
      Rule rule = verdict.ruled().firing().rule();
      return new Alert(rule.id(), rule.level());
    }

    @Override
    public String toString() {
      return rule + " (level " + level + ")";
    }
  }

  /** A record whose alert differs: {@code before} or {@code after} null when it had none. */
  public record RecordChange(String source, long index, String eventTime, Alert before, Alert after) {
    public String kind() {
      return before == null ? "gained" : after == null ? "lost" : "changed";
    }

    /** The higher level of the two alerts. */
    int level() {
      return Math.max(before == null ? -1 : before.level(), after == null ? -1 : after.level());
    }
  }

  public BaselineComparison(Engine before, Engine after) {
    this.before = before;
    this.after = after;
  }

  @Override
  public void evaluated(ReplayRecord record, List<Verdict> verdicts) {
    Alert now = Alert.of(verdicts.get(0));
    Alert then = Alert.of(verdicts.get(1));
    if (then != null) alertsByRule.computeIfAbsent(then.rule(), id -> new long[2])[0]++;
    if (now != null) alertsByRule.computeIfAbsent(now.rule(), id -> new long[2])[1]++;
    if (now == null ? then != null : !now.equals(then)) {
      changes.add(new RecordChange(record.source(), record.index(), record.text("eventTime"), then, now));
    }
  }

  @Override
  public void recordSkipped(ReplayRecord record, String why) {}

  @Override
  public void fileFinished(TrailFile file, String fault) {}

  /** Every rule that alerted on either side, those that differ first, then by id. */
  public List<RuleChange> rules() {
    List<RuleChange> rules = new ArrayList<>();
    alertsByRule.forEach((id, counts) -> {
      Rule was = before.rule(id);
      Rule is = after.rule(id);
      String description = is != null ? is.description() : was.description();
      rules.add(new RuleChange(id, description, was == null ? -1 : was.level(), is == null ? -1 : is.level(),
          counts[0], counts[1]));
    });
    rules.sort(Comparator.comparing((RuleChange r) -> !differs(r)).thenComparingInt(RuleChange::ruleId));
    return rules;
  }

  private static boolean differs(RuleChange rule) {
    return rule.levelBefore() != rule.levelAfter() || rule.alertsBefore() != rule.alertsAfter();
  }

  /** The records whose alert differs, in replay order. */
  public List<RecordChange> changes() {
    return changes;
  }

  /** Whether an alert at {@code level} or above appeared, disappeared or changed. */
  public boolean changedAtOrAbove(int level) {
    return changes.stream().anyMatch(c -> c.level() >= level);
  }

  public String text() {
    StringBuilder out = new StringBuilder();
    long gained = changes.stream().filter(c -> c.kind().equals("gained")).count();
    long lost = changes.stream().filter(c -> c.kind().equals("lost")).count();
    List<RuleChange> rules = rules();
    out.append(String.format(Locale.ROOT, "baseline -> working tree: %d rules differ, %d records differ"
            + " (%d gained an alert, %d lost one, %d changed)%n",
        rules.stream().filter(BaselineComparison::differs).count(), changes.size(), gained, lost, changes.size() - gained - lost));
    if (!rules.isEmpty()) {
      out.append(String.format(Locale.ROOT, "  %-6s %-9s %-21s %s%n", "rule", "level", "alerts", "description"));
      for (RuleChange rule : rules) {
        out.append(String.format(Locale.ROOT, "%s %-6d %-9s %-21s %s%n", differs(rule) ? "*" : " ", rule.ruleId(),
            rule.levelBefore() + " -> " + rule.levelAfter(), rule.alertsBefore() + " -> " + rule.alertsAfter(),
            rule.description()));
      }
    }
    for (RecordChange change : changes) {
      out.append(String.format(Locale.ROOT, "%-7s %s record %d (%s): %s -> %s%n", change.kind(), change.source(),
          change.index(), change.eventTime(), change.before() == null ? "no alert" : change.before(),
          change.after() == null ? "no alert" : change.after()));
    }
    return out.toString();
  }

  public ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode rules = root.putArray("rules");
    for (RuleChange rule : rules()) {
      rules.addObject().put("id", rule.ruleId()).put("description", rule.description())
          .put("levelBefore", rule.levelBefore()).put("levelAfter", rule.levelAfter())
          .put("alertsBefore", rule.alertsBefore()).put("alertsAfter", rule.alertsAfter());
    }
    ArrayNode records = root.putArray("records");
    for (RecordChange change : changes) {
      ObjectNode node = records.addObject().put("change", change.kind());
      node.putObject("source").put("path", change.source()).put("record", change.index());
      node.put("eventTime", change.eventTime());
      alert(node, "before", change.before());
      alert(node, "after", change.after());
    }
    return root;
  }

  private static void alert(ObjectNode node, String name, Alert alert) {
    if (alert == null) node.putNull(name);
    else node.putObject(name).put("rule", alert.rule()).put("level", alert.level());
  }
}
