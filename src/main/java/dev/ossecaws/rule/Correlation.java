package dev.ossecaws.rule;

import dev.ossecaws.event.Event;
import dev.ossecaws.pattern.OsPattern;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What a correlation rule searches (spec/rules.md §7): the events that fired one rule, those of a
 * group, or every remembered event matching a regex; how many; how recent; and which of their
 * fields must agree with the current event. Immutable.
 */
final class Correlation {
  enum Source {
    SID,
    GROUP,
    REGEX
  }

  /** A candidate filter (spec/rules.md §7.2). */
  enum Filter {
    SAME_ID(true, event -> event.id),
    SAME_SOURCE_IP(true, event -> event.srcip),
    SAME_SRC_PORT(false, event -> event.srcport),
    SAME_DST_PORT(false, event -> event.dstport),
    SAME_USER(true, event -> event.dstuser),
    SAME_LOCATION(false, null) {
      @Override
      boolean accepts(Event current, Event candidate) {
        return Objects.equals(current.hostname, candidate.hostname);
      }
    },
    DIFFERENT_URL(true, null) {
      @Override
      boolean accepts(Event current, Event candidate) {
        return current.url != null && candidate.url != null && !current.url.equals(candidate.url);
      }
    },
    /** GeoIP is never set in this build, so this filter rejects every candidate. */
    DIFFERENT_SRCGEOIP(true, null) {
      @Override
      boolean accepts(Event current, Event candidate) {
        return false;
      }
    };

    /** Whether a regex search over the global list applies this filter too. */
    final boolean inRegexSearch;
    /** For the same_* filters: the field that must be set and equal; null for the others. */
    private final Function<Event, String> field;

    Filter(boolean inRegexSearch, Function<Event, String> field) {
      this.inRegexSearch = inRegexSearch;
      this.field = field;
    }

    boolean accepts(Event current, Event candidate) {
      String value = field.apply(current);
      return value != null && value.equals(field.apply(candidate));
    }
  }

  final Source source;
  /** The rule id of an {@code if_matched_sid} search. */
  final int sid;
  /** The {@code if_matched_group} text (match flavour against group strings at load time). */
  final String group;
  final OsPattern regex;
  final int frequency;
  final int timeframe;
  private final Set<Filter> filters;
  /** The filters this search applies, as an array: candidates are tested in a tight loop. */
  private final Filter[] applied;

  Correlation(
      Source source, int sid, String group, OsPattern regex, int frequency, int timeframe,
      Set<Filter> filters) {
    this.source = source;
    this.sid = sid;
    this.group = group;
    this.regex = regex;
    this.frequency = frequency;
    this.timeframe = timeframe;
    this.filters = Set.copyOf(filters);
    this.applied = filters.stream()
        .filter(filter -> source != Source.REGEX || filter.inRegexSearch)
        .toArray(Filter[]::new);
  }

  /**
   * This search after an overwrite by a rule with {@code newer}: the search stays this one (its
   * source, and the sid or groups it was wired to when the rule was placed), with the newer rule's
   * regex, counts and filters. Measured with the real binary (differential reproduction 13-48): an
   * {@code if_matched_group} rule overwritten with an {@code if_matched_sid} still searches its
   * groups' events.
   */
  Correlation overwrittenBy(Correlation newer) {
    return new Correlation(source, sid, group, newer.regex, newer.frequency, newer.timeframe, newer.filters);
  }

  boolean accepts(Event current, Event candidate) {
    if (source == Source.REGEX) {
      if (!current.type.equals(candidate.type)) return false;
      if (regex != null && !regex.matches(candidate.log)) return false;
    }
    for (Filter filter : applied) {
      if (!filter.accepts(current, candidate)) return false;
    }
    return true;
  }

  @Override
  public String toString() {
    switch (source) {
      case SID:
        return "<if_matched_sid>" + sid + "</if_matched_sid>";
      case GROUP:
        return "<if_matched_group>" + group + "</if_matched_group>";
      default:
        return "<if_matched_regex>" + regex + "</if_matched_regex>";
    }
  }
}
