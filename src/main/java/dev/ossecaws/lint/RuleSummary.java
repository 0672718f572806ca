package dev.ossecaws.lint;

import dev.ossecaws.xml.OssecXml;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.dom4j.Element;

/**
 * What a rule says about itself, as an alert shows it: id, level, description, groups; read from
 * its element without loading the ruleset.
 *
 * @param line the rule element's 1-based line
 * @param description as OSSEC prints it, null when the rule has none
 */
record RuleSummary(Path file, int line, int id, int level, boolean noalert, String description, RuleGroups groups) {
  /** Whether an event this rule reports raises an alert: OSSEC alerts on no level 0 and no noalert rule. */
  boolean alerting() {
    return !noalert && level > 0;
  }

  /** The summary of {@code rule}, whose id is a number, inside {@code <group name="groupName">}. */
  static RuleSummary of(Path file, String groupName, Element rule) {
    String level = rule.attributeValue("level", "0");
    List<Element> descriptions = RulesetXml.children(rule, "description");
    // OSSEC joins repeated texts with nothing between them, the groups after the enclosing group's
    // name, and prints a description with its first line break as a space.
    String groups = groupName + joined(RulesetXml.children(rule, "group"));
    return new RuleSummary(file, OssecXml.line(rule), Integer.parseInt(rule.attributeValue("id")),
        Integer.parseInt(level.isEmpty() ? "0" : level), rule.attributeValue("noalert") != null,
        descriptions.isEmpty() ? null : joined(descriptions).replaceFirst("\n", " "), RuleGroups.of(groups));
  }

  private static String joined(List<Element> elements) {
    return elements.stream().map(Element::getText).collect(Collectors.joining());
  }
}
