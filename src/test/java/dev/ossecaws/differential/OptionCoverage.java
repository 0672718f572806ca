package dev.ossecaws.differential;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rule options the generated rules used, counted over the rules OSSEC's trace shows
 * matched at least once (a rule that never matches tests little but its loading): element names
 * and attributes of the {@code <rule>}, lower-cased, with each {@code <list>}'s lookup.
 */
final class OptionCoverage {
  private static final Pattern RULE_ID = Pattern.compile("<rule id=\"(\\d+)\"([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile(" ([a-z_]+)=\"");
  private static final Pattern ELEMENT = Pattern.compile("(?m)^    <([A-Za-z_0-9]+)");
  private static final Pattern LOOKUP = Pattern.compile("lookup=\"([a-z_]+)\"");
  private static final Pattern MATCHED = Pattern.compile("\\*Rule (\\d+) matched\\.");

  private final Map<String, Integer> counts = new TreeMap<>();
  private int rules;
  private int matched;

  /** Counts the options of {@code scenario}'s rules that {@code result}'s OSSEC trace shows matched. */
  void add(Scenario scenario, Differential.Result result) {
    Set<String> seen = new HashSet<>();
    for (String event : result.ossec().events()) {
      Matcher m = MATCHED.matcher(event);
      while (m.find()) seen.add(m.group(1));
    }
    for (String rule : scenario.rules()) {
      Matcher id = RULE_ID.matcher(rule);
      if (!id.find()) continue;
      rules++;
      if (!seen.contains(id.group(1))) continue;
      matched++;
      Matcher attribute = ATTRIBUTE.matcher(id.group(2));
      while (attribute.find()) if (!attribute.group(1).equals("level")) counts.merge(attribute.group(1) + "=", 1, Integer::sum);
      Matcher element = ELEMENT.matcher(rule);
      while (element.find()) counts.merge(element.group(1).toLowerCase(), 1, Integer::sum);
      Matcher lookup = LOOKUP.matcher(rule);
      while (lookup.find()) counts.merge("list " + lookup.group(1), 1, Integer::sum);
    }
  }

  @Override
  public String toString() {
    return matched + " of " + rules + " generated rules matched some event; their options: " + counts;
  }
}
