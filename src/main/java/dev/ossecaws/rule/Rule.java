package dev.ossecaws.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled rule: what it prints, how it alerts, and the conditions an event must meet (spec/rules.md
 * §2). Immutable and thread-safe; a rule's correlation state lives in a {@link RuleSession}.
 */
public final class Rule {
  /** An {@code <info>} or {@code <cve>} line: {@code Info - <type>: '<text>'}. */
  public record Info(String type, String text) {}

  final int index;
  private final int id;
  private final int internalLevel;
  final Category category;
  private final String groups;
  private final String description;
  private final List<Info> infos;
  final boolean noalert;
  private final boolean mail;
  private final boolean logAlert;
  final int ignoreSeconds;
  final Condition[] conditions;
  /** Null for a rule that correlates nothing. */
  final Correlation correlation;

  private Rule(Builder builder) {
    this.index = builder.index;
    this.id = builder.id;
    this.internalLevel = builder.internalLevel;
    this.category = builder.category;
    this.groups = builder.groups;
    this.description = builder.description;
    this.infos = List.copyOf(builder.infos);
    this.noalert = builder.noalert;
    this.mail = builder.mail;
    this.logAlert = builder.logAlert;
    this.ignoreSeconds = builder.ignoreSeconds;
    List<Condition> sorted = new ArrayList<>(builder.conditions);
    sorted.sort(Comparator.comparing(Condition::testOrder).thenComparing(condition -> condition.kind));
    this.conditions = sorted.toArray(new Condition[0]);
    this.correlation = builder.correlation;
  }

  public int id() {
    return id;
  }

  /**
   * The level printed and used after loading: the sort key converted back (spec/rules.md §3.2), so
   * {@code level="99"} is 0 and {@code level="0" accuracy="0"} is 99.
   */
  public int level() {
    if (internalLevel == 9900) return 0;
    return internalLevel >= 100 ? internalLevel / 100 : internalLevel;
  }

  /** The sort key of sibling rules while the tree is built. */
  int internalLevel() {
    return internalLevel;
  }

  /** The {@code <group name>} text followed by the rule's own {@code <group>} texts. */
  public String groups() {
    return groups;
  }

  /** Null when the rule has none; ossec-logtest prints {@code (null)}. */
  public String description() {
    return description;
  }

  public List<Info> infos() {
    return infos;
  }

  /** Whether an alert of this rule carries OSSEC's {@code mail} tag. */
  public boolean mail() {
    return mail;
  }

  /** Whether a firing of this rule is logged as an alert ("log alert", spec/rules.md §6.3). */
  public boolean logAlert() {
    return logAlert;
  }

  /**
   * This rule with the data of {@code newer}, an {@code overwrite="yes"} rule of the same id
   * (spec/rules.md §3.5): category, printed info lines, pcre2/field/list/GeoIP conditions, the
   * ignore-store options and the correlation search with its wiring stay as they were, except that
   * the pcre2 conditions of an {@link Condition.OverwriteGroup} stay only where {@code newer} tests
   * that group, and {@code newer}'s own of those groups are lost.
   */
  Rule overwrittenBy(Rule newer) {
    Builder merged = newer.newBuilder();
    merged.index = index;
    merged.category = category;
    merged.infos = infos;
    merged.conditions = new ArrayList<>();
    Set<Condition.OverwriteGroup> tested = EnumSet.noneOf(Condition.OverwriteGroup.class);
    for (Condition condition : newer.conditions) {
      Condition.OverwriteGroup group = Condition.OverwriteGroup.of(condition.kind);
      if (group != null) tested.add(group);
      if (!condition.keptOnOverwrite()) merged.conditions.add(condition);
    }
    for (Condition condition : conditions) {
      if (!condition.keptOnOverwrite() || (condition.pcre2 && hasPlain(merged.conditions, condition.kind))) continue;
      Condition.OverwriteGroup group = condition.pcre2 ? Condition.OverwriteGroup.of(condition.kind) : null;
      if (group == null || tested.contains(group)) merged.conditions.add(condition);
    }
    merged.correlation =
        correlation == null || newer.correlation == null ? null : correlation.overwrittenBy(newer.correlation);
    return merged.build();
  }

  /** Whether a plain (not pcre2) condition of {@code kind} shadows the pcre2 one; url has both. */
  private static boolean hasPlain(List<Condition> conditions, Condition.Kind kind) {
    if (kind == Condition.Kind.URL_PCRE2) return false;
    for (Condition condition : conditions) {
      if (condition.kind == kind && !condition.pcre2) return true;
    }
    return false;
  }

  Builder newBuilder() {
    Builder builder = new Builder(id);
    builder.index = index;
    builder.internalLevel = internalLevel;
    builder.category = category;
    builder.groups = groups;
    builder.description = description;
    builder.infos = new ArrayList<>(infos);
    builder.noalert = noalert;
    builder.mail = mail;
    builder.logAlert = logAlert;
    builder.ignoreSeconds = ignoreSeconds;
    builder.conditions = new ArrayList<>(List.of(conditions));
    builder.correlation = correlation;
    return builder;
  }

  @Override
  public String toString() {
    return "rule " + id;
  }

  static final class Builder {
    final int id;
    int index;
    int internalLevel;
    Category category = Category.SYSLOG;
    String groups = "";
    String description;
    List<Info> infos = new ArrayList<>();
    boolean noalert;
    boolean mail;
    boolean logAlert;
    int ignoreSeconds;
    /** Read-time only: {@code <check_diff/>} becomes a condition and counts as if_matched. */
    boolean checkDiff;
    List<Condition> conditions = new ArrayList<>();
    Correlation correlation;

    Builder(int id) {
      this.id = id;
    }

    Rule build() {
      return new Rule(this);
    }
  }
}
