package dev.ossecaws.rule;

import dev.ossecaws.event.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The loaded rule tree and its correlation wiring; evaluates events in a {@link RuleSession}
 * (spec/rules.md §5, §7). Immutable and thread-safe; all per-line state lives in the session.
 */
public final class RuleSet {
  private final Node[] top;
  private final Rule[] rules;
  private final Map<Integer, Rule> byId = new HashMap<>();
  /** Per rule index: whether some {@code if_matched_sid} keeps the events that fire it. */
  private final boolean[] firedLists;
  /** Per rule index: the index of the rule whose fired events an if_matched_sid rule searches, or -1. */
  private final int[] sidSearch;
  /** Per rule index: the if_matched_group rules its firings feed, once per registration. */
  private final int[][] feeds;
  private final RuleSettings settings;
  private final int maxFrequency;

  RuleSet(Node[] top, Rule[] rules, boolean[] firedLists, int[] sidSearch, int[][] feeds, RuleSettings settings) {
    this.top = top;
    this.rules = rules;
    this.firedLists = firedLists;
    this.sidSearch = sidSearch;
    this.feeds = feeds;
    this.settings = settings;
    int max = 0;
    for (Rule rule : rules) {
      byId.putIfAbsent(rule.id(), rule);
      if (rule.correlation != null) max = Math.max(max, rule.correlation.frequency);
    }
    this.maxFrequency = max;
  }

  /**
   * A fresh session: no remembered events, empty FTS and check_diff stores. It tells
   * {@code messages} the run-time messages of the rule search, which ossec-logtest prints before
   * Phase 3, and {@code trailingMessages} those of the bookkeeping after the alert, printed after
   * the event's report.
   */
  public RuleSession newSession(Consumer<String> messages, Consumer<String> trailingMessages) {
    return new RuleSession(this, messages, trailingMessages);
  }

  /** The loaded rule with this id, or null (the OSSEC-alert plugin refers to rules by id). */
  public Rule rule(int id) {
    return byId.get(id);
  }

  int size() {
    return rules.length;
  }

  RuleSettings settings() {
    return settings;
  }

  int maxFrequency() {
    return maxFrequency;
  }

  /** Whether the events that fire rule {@code index} are kept for an {@code if_matched_sid}. */
  boolean keepsFired(int index) {
    return firedLists[index];
  }

  /** The if_matched_group rules whose lists rule {@code index} feeds, once per registration. */
  int[] feeds(int index) {
    return feeds[index];
  }

  /**
   * Walks the top-level rules of the event's category (spec/rules.md §5.1–5.3) and post-processes
   * the rule found (§5.4). Returns null when no rule matched.
   *
   * @param trace records the walk for {@code -v}; null for none
   */
  public Firing evaluate(Event event, RuleSession session, RuleTrace trace) {
    session.previousLogs = List.of();
    for (Node node : top) {
      if (!node.rule.category.text.equals(event.type)) continue;
      Rule found = evaluate(node, event, session, trace);
      if (found != null) return fired(found, event, session);
    }
    return null;
  }

  /**
   * An event the OSSEC-alert plugin decoded: the alert's rule is taken as matched without testing
   * anything (spec/rules.md §5.1 step 1, §6.1).
   */
  public Firing alerted(Rule rule, Event event, RuleSession session) {
    session.previousLogs = List.of();
    return fired(rule, event, session);
  }

  private Rule evaluate(Node node, Event event, RuleSession session, RuleTrace trace) {
    Rule rule = node.rule;
    if (trace != null) trace.add(RuleTrace.Step.TRYING, rule);
    for (Condition condition : rule.conditions) {
      if (!condition.matches(event, session)) return null;
    }
    if (rule.correlation != null && !correlate(rule, event, session)) return null;
    if (trace != null) trace.add(RuleTrace.Step.MATCHED, rule);
    if (node.children.length > 0) {
      if (trace != null) trace.add(RuleTrace.Step.TRYING_CHILDREN, rule);
      for (Node child : node.children) {
        Rule found = evaluate(child, event, session, trace);
        if (found != null) return found;
      }
    }
    return rule.noalert ? null : rule;
  }

  /** The correlation search (spec/rules.md §7.1): F + 1 qualifying earlier events within the window. */
  private boolean correlate(Rule rule, Event event, RuleSession session) {
    Correlation correlation = rule.correlation;
    ArrayDeque<Event> candidates;
    switch (correlation.source) {
      case SID:
        int target = sidSearch[rule.index];
        if (target < 0) {
          session.message("ossec-analysisd: ERROR: No sid search.");
          return false;
        }
        candidates = session.fired(target);
        break;
      case GROUP:
        candidates = session.grouped(rule.index);
        break;
      default:
        candidates = session.global;
    }
    long now = event.epochSecond();
    int level = rule.level();
    int counter = 0;
    Event newest = null;
    List<String> samples = null;
    for (Event candidate : candidates) {
      if (newest == null) newest = candidate;
      if (now - candidate.epochSecond() > correlation.timeframe) return false;
      if (candidate.matched >= level) return false;
      if (!correlation.accepts(event, candidate)) continue;
      if (counter < correlation.frequency) {
        if (counter <= 10) {
          if (samples == null) samples = new ArrayList<>();
          samples.add(candidate.fullLog);
        }
        counter++;
        continue;
      }
      event.matched = level;
      candidate.matched = level;
      newest.matched = level;
      if (samples == null) samples = new ArrayList<>();
      if (correlation.source == Correlation.Source.SID && samples.size() < 11) samples.add(candidate.fullLog);
      session.previousLogs = samples;
      return true;
    }
    return false;
  }

  /** Post-processing of the rule found (spec/rules.md §5.4). */
  private Firing fired(Rule rule, Event event, RuleSession session) {
    if (rule.level() == 0) return new Firing(rule, false, List.of());
    long now = event.epochSecond();
    if (rule.ignoreSeconds > 0) {
      long start = session.ignoreStart[rule.index];
      if (start == 0) {
        session.ignoreStart[rule.index] = now;
      } else if (now - start < rule.ignoreSeconds) {
        return new Firing(rule, false, List.of());
      } else {
        session.ignoreStart[rule.index] = 0;
      }
    }
    // check_if_ignored: ossec-logtest never writes the ignore store, so nothing is ever in it.
    if (firedLists[rule.index]) {
      RuleSession.remember(session.fired(rule.index), event, settings.sidPrevMatchedMax());
    } else {
      for (int owner : feeds[rule.index]) session.grouped(owner).addFirst(event);
    }
    session.rememberGlobally(event, rule.index, now);
    return new Firing(rule, rule.logAlert(), session.previousLogs);
  }
}
