package dev.ossecaws.lint;

import dev.ossecaws.xml.XmlException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dom4j.Document;
import org.dom4j.Element;

/**
 * The ruleset's ATT&CK coverage, derived from the rules' own groups and the sample cases alone:
 * for each tactic of {@code ruleset/attack-techniques.txt}, its techniques, each with the alerting
 * rules whose groups name it and the cases that show each rule firing or staying quiet. A technique
 * no rule names has no rules: a gap. Groups naming a technique missing from the table are lint's
 * business ({@code bad-attack-group}) and are left out.
 *
 * @param tactics the tactics that have techniques, in the table's order
 */
public record Coverage(List<Tactic> tactics) {
  public record Tactic(String id, String shortName, String name, List<Technique> techniques) {}

  /** @param rules the alerting rules naming the technique, by id; none when it is not covered */
  public record Technique(String id, String name, List<Rule> rules) {
    public boolean covered() {
      return !rules.isEmpty();
    }
  }

  /**
   * @param description as OSSEC prints it, null when the rule has none
   * @param positiveCases the cases with an event that the rule must report ({@code expect.rule})
   * @param negativeCases the cases with an event that the rule must not report ({@code notRules})
   */
  public record Rule(int id, int level, String description, List<Path> positiveCases, List<Path> negativeCases) {}

  /** The coverage of {@code ruleset} by the cases under {@code samples}; unreadable input is an error. */
  public static Coverage of(Path ruleset, Path samples) throws IOException {
    AttackTechniques table = AttackTechniques.read(ruleset.resolve(AttackTechniques.FILE));
    SampleIndex cases = SampleIndex.read(samples);
    if (!cases.unreadable().isEmpty()) throw new IOException(cases.unreadable().get(0).getMessage());
    Map<String, List<Rule>> rulesByTechnique = new HashMap<>();
    for (RuleSummary rule : alertingRules(ruleset)) {
      Rule shown = new Rule(rule.id(), rule.level(), rule.description(),
          cases.positiveCases(rule.id()), cases.negativeCases(rule.id()));
      for (String technique : rule.groups().techniques().stream().distinct().toList()) {
        rulesByTechnique.computeIfAbsent(technique, t -> new ArrayList<>()).add(shown);
      }
    }
    List<Tactic> tactics = new ArrayList<>();
    for (AttackTechniques.Tactic tactic : table.tactics()) {
      List<Technique> techniques = new ArrayList<>();
      for (AttackTechniques.Technique technique : table.techniquesOf(tactic)) {
        List<Rule> rules = new ArrayList<>(rulesByTechnique.getOrDefault(technique.id(), List.of()));
        rules.sort(Comparator.comparingInt(Rule::id));
        techniques.add(new Technique(technique.id(), technique.name(), List.copyOf(rules)));
      }
      if (!techniques.isEmpty()) tactics.add(new Tactic(tactic.id(), tactic.shortName(), tactic.name(), techniques));
    }
    return new Coverage(List.copyOf(tactics));
  }

  private static List<RuleSummary> alertingRules(Path ruleset) throws IOException {
    List<RuleSummary> rules = new ArrayList<>();
    for (Path file : RulesetXml.files(ruleset.resolve("rules"))) {
      Document document;
      try {
        document = RulesetXml.read(file);
      } catch (XmlException e) {
        throw new IOException(e.getMessage(), e);
      }
      for (Element group : document.getRootElement().elements()) {
        for (Element rule : group.elements()) {
          // A rule without a numeric id is a lint finding (id-out-of-range) and no alert shows it.
          if (!rule.attributeValue("id", "").matches("\\d+")) continue;
          RuleSummary summary = RuleSummary.of(file, group.attributeValue("name", ""), rule);
          if (summary.alerting()) rules.add(summary);
        }
      }
    }
    return rules;
  }
}
