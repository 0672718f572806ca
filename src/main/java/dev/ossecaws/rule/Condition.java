package dev.ossecaws.rule;

import dev.ossecaws.event.Event;
import dev.ossecaws.pattern.OsPattern;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

/**
 * One test a rule makes on an event (spec/rules.md §1.3, §4). A rule holds its conditions in the
 * order OSSEC tests them ({@link Kind}); the first that fails ends the rule. Immutable; state a
 * condition needs across events lives in the {@link RuleSession}.
 */
abstract class Condition {
  /** What a condition tests, in OSSEC's test order (spec/rules.md §5.2). */
  enum Kind {
    DECODED_AS,
    PROGRAM_NAME,
    ID,
    MATCH,
    REGEX,
    ACTION,
    URL,
    URL_PCRE2,
    FIELD,
    SRCIP,
    DSTIP,
    SRCPORT,
    DSTPORT,
    COMPILED_RULE,
    USER,
    SRCGEOIP,
    DSTGEOIP,
    MAXSIZE,
    TIME,
    WEEKDAY,
    EXTRA_DATA,
    HOSTNAME,
    STATUS,
    CHECK_DIFF,
    IF_FTS,
    LIST
  }

  final Kind kind;
  /** Whether this condition came from a {@code *_pcre2} element (overwrites keep those). */
  final boolean pcre2;

  Condition(Kind kind, boolean pcre2) {
    this.kind = kind;
    this.pcre2 = pcre2;
  }

  abstract boolean matches(Event event, RuleSession session);

  /**
   * Where this condition is tested: conditions without side effects go first, cheapest first (they
   * can be tested in any order with the same result); then, in OSSEC's order, those whose test is
   * observable: check_diff writes its store, if_fts records the key, a list may log an error
   * (spec/rules.md §5.2).
   */
  final int testOrder() {
    switch (kind) {
      case CHECK_DIFF:
      case IF_FTS:
      case LIST:
        return 100;
      default:
        return cost();
    }
  }

  /** A rough relative cost of {@link #matches}, like jsoup's {@code Evaluator.cost()}. */
  int cost() {
    return 1;
  }

  /**
   * Whether {@code overwrite="yes"} leaves this condition of the original rule in place (spec/rules.md
   * §3.5): pcre2 variants, dynamic fields, lists and GeoIP are not replaced.
   */
  boolean keptOnOverwrite() {
    return pcre2
        || kind == Kind.FIELD
        || kind == Kind.LIST
        || kind == Kind.SRCGEOIP
        || kind == Kind.DSTGEOIP;
  }

  /**
   * The kinds whose pcre2 conditions an overwrite keeps of the original rule only when the new
   * rule tests a kind of the same group, plain or pcre2 (and no plain condition of the same kind
   * shadows it); the new rule's own pcre2 conditions of these kinds are lost. Measured with OSSEC
   * 4.3.0's binary (the differential test found it): a new {@code <hostname>} or {@code <status>}
   * brings back the original's {@code <user_pcre2>}, a new {@code <srcport_pcre2>} its {@code
   * <dstport_pcre2>}; a new {@code maxsize} above 0, {@code <time>} or {@code <weekday>} brings
   * back its {@code <hostname_pcre2>}, {@code <user_pcre2>}, {@code <status_pcre2>} and {@code
   * <extra_data_pcre2>}; any other condition (match, regex, url, id, program_name, srcip, field,
   * same_*, ...) leaves them off. spec/rules.md §3.5 says every pcre2 condition is kept.
   */
  enum OverwriteGroup {
    EXTRA_INFO(Set.of(Kind.USER, Kind.HOSTNAME, Kind.STATUS, Kind.EXTRA_DATA, Kind.MAXSIZE, Kind.TIME, Kind.WEEKDAY)),
    PORTS(Set.of(Kind.SRCPORT, Kind.DSTPORT));

    private final Set<Kind> kinds;

    OverwriteGroup(Set<Kind> kinds) {
      this.kinds = kinds;
    }

    /** The group of {@code kind}, or null when its pcre2 conditions survive an overwrite whole. */
    static OverwriteGroup of(Kind kind) {
      for (OverwriteGroup group : values()) {
        if (group.kinds.contains(kind)) return group;
      }
      return null;
    }
  }

  /** {@code <decoded_as>}: the event's decoder id. */
  static final class DecodedAs extends Condition {
    private final int decoderId;
    private final String name;

    DecodedAs(int decoderId, String name) {
      super(Kind.DECODED_AS, false);
      this.decoderId = decoderId;
      this.name = name;
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      return event.decoder.id() == decoderId;
    }

    @Override
    public String toString() {
      return "<decoded_as>" + name + "</decoded_as>";
    }
  }

  /** A match, regex or pcre2 pattern on one event value, which must be set. */
  static final class Pattern extends Condition {
    private final EventField field;
    private final OsPattern pattern;
    private final String element;

    Pattern(Kind kind, boolean pcre2, String element, EventField field, OsPattern pattern) {
      super(kind, pcre2);
      this.element = element;
      this.field = field;
      this.pattern = pattern;
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      String value = field.of(event);
      return value != null && pattern.matches(value);
    }

    /** The log is long and always set; other fields are short and often unset. */
    @Override
    int cost() {
      return field == EventField.LOG ? 10 : 5;
    }

    @Override
    public String toString() {
      return "<" + element + ">" + pattern + "</" + element + ">";
    }
  }

  /** {@code <action>}: exact, case-sensitive equality. */
  static final class Action extends Condition {
    private final String action;

    Action(String action) {
      super(Kind.ACTION, false);
      this.action = action;
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      return action.equals(event.action);
    }

    @Override
    public String toString() {
      return "<action>" + action + "</action>";
    }
  }

  /** {@code <field name="F">}: a dynamic decoded field, regex flavour. */
  static final class DynamicField extends Condition {
    private final String name;
    private final OsPattern pattern;

    DynamicField(String name, OsPattern pattern) {
      super(Kind.FIELD, false);
      this.name = name;
      this.pattern = pattern;
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      String value = event.dynamicField(name);
      return value != null && pattern.matches(value);
    }

    @Override
    int cost() {
      return 6;
    }

    @Override
    public String toString() {
      return "<field name=\"" + name + "\">" + pattern + "</field>";
    }
  }

  /** {@code <srcip>}/{@code <dstip>} entries (spec/rules.md §4.1). */
  static final class Address extends Condition {
    private final EventField field;
    private final List<IpEntry> entries;

    Address(Kind kind, EventField field, List<IpEntry> entries) {
      super(kind, false);
      this.field = field;
      this.entries = List.copyOf(entries);
    }

    @Override
    int cost() {
      return 3;
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      byte[] address = IpEntry.parseAddress(field.of(event));
      if (address == null) return false;
      for (IpEntry entry : entries) {
        if (entry.contains(address)) return entry.positive;
      }
      return !entries.get(entries.size() - 1).positive;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      for (IpEntry entry : entries) {
        out.append('<').append(field.elementName).append('>').append(entry)
            .append("</").append(field.elementName).append('>');
      }
      return out.toString();
    }
  }

  /** {@code maxsize}: the log must be at least this long. */
  static final class MaxSize extends Condition {
    private final int size;

    MaxSize(int size) {
      super(Kind.MAXSIZE, false);
      this.size = size;
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      return event.log.length() >= size;
    }

    @Override
    public String toString() {
      return "maxsize=\"" + size + "\"";
    }
  }

  /** {@code <time>}: the event's local {@code HH:MM} within (or outside) a range, bounds included. */
  static final class TimeRange extends Condition {
    private final String start;
    private final String end;
    private final boolean inside;

    TimeRange(String start, String end, boolean inside) {
      super(Kind.TIME, false);
      this.start = start;
      this.end = end;
      this.inside = inside;
    }

    @Override
    int cost() {
      return 3;
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      String now = String.format("%02d:%02d", event.time.getHour(), event.time.getMinute());
      boolean within = now.compareTo(start) >= 0 && now.compareTo(end) <= 0;
      return within == inside;
    }

    @Override
    public String toString() {
      return "<time>" + (inside ? "" : "!") + start + "-" + end + "</time>";
    }
  }

  /** {@code <weekday>}: the event's local day of the week. */
  static final class Weekday extends Condition {
    private final Set<DayOfWeek> days;

    Weekday(Set<DayOfWeek> days) {
      super(Kind.WEEKDAY, false);
      this.days = Set.copyOf(days);
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      return days.contains(event.time.getDayOfWeek());
    }

    @Override
    public String toString() {
      return "<weekday>" + days + "</weekday>";
    }
  }

  /** {@code <compiled_rule>}: one of OSSEC's built-in predicates. */
  static final class Compiled extends Condition {
    private final CompiledRule rule;

    Compiled(CompiledRule rule) {
      super(Kind.COMPILED_RULE, false);
      this.rule = rule;
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      return rule.test(event);
    }

    @Override
    public String toString() {
      return "<compiled_rule>" + rule.elementText + "</compiled_rule>";
    }
  }

  /** {@code <check_diff/>}: true when the log differs from the one last stored for this rule. */
  static final class CheckDiff extends Condition {
    private final int ruleId;

    CheckDiff(int ruleId) {
      super(Kind.CHECK_DIFF, false);
      this.ruleId = ruleId;
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      return session.diffChanged(ruleId, event);
    }

    @Override
    public String toString() {
      return "<check_diff />";
    }
  }

  /** {@code <if_fts/>}: true the first time the event's FTS key is seen. */
  static final class FirstTimeSeen extends Condition {
    FirstTimeSeen() {
      super(Kind.IF_FTS, false);
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      return session.firstTimeSeen(event);
    }

    @Override
    public String toString() {
      return "<if_fts />";
    }
  }

  /** {@code <list>}: a CDB list lookup (spec/rules.md §8). */
  static final class ListLookup extends Condition {
    private final EventField field;
    private final CdbLookup lookup;

    ListLookup(EventField field, CdbLookup lookup) {
      super(Kind.LIST, false);
      this.field = field;
      this.lookup = lookup;
    }

    @Override
    boolean matches(Event event, RuleSession session) {
      String value = field.of(event);
      return value != null && lookup.test(value, session);
    }

    @Override
    public String toString() {
      return "<list field=\"" + field.elementName + "\" " + lookup + "</list>";
    }
  }
}
