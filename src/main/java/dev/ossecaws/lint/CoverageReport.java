package dev.ossecaws.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link Coverage} as a Markdown table (one row per tactic, technique and rule; "not covered" where
 * a technique has no rule), ready to paste into README.md, or as JSON for other tools.
 */
public final class CoverageReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CoverageReport() {}

  public static String markdown(Coverage coverage) {
    StringBuilder table = new StringBuilder(
        "| tactic | technique | rule | level | description | positive cases | negative cases |\n"
            + "|---|---|---|---|---|---|---|\n");
    for (Coverage.Tactic tactic : coverage.tactics()) {
      for (Coverage.Technique technique : tactic.techniques()) {
        String head = "| " + cell(tactic.name()) + " | " + cell(technique.id() + " " + technique.name()) + " | ";
        if (!technique.covered()) table.append(head).append("not covered | | | | |\n");
        for (Coverage.Rule rule : technique.rules()) {
          table.append(head).append(rule.id()).append(" | ").append(rule.level()).append(" | ")
              .append(cell(rule.description() == null ? "" : rule.description())).append(" | ")
              .append(cases(rule.positiveCases())).append(" | ").append(cases(rule.negativeCases())).append(" |\n");
        }
      }
    }
    List<Coverage.Technique> techniques = techniques(coverage);
    long covered = techniques.stream().filter(Coverage.Technique::covered).count();
    long rules = ruleCount(techniques);
    return table.append('\n').append(covered).append(" of ").append(techniques.size()).append(" techniques covered, by ")
        .append(rules).append(rules == 1 ? " rule.\n" : " rules.\n").toString();
  }

  public static String json(Coverage coverage) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode tactics = root.putArray("tactics");
    for (Coverage.Tactic tactic : coverage.tactics()) {
      ObjectNode tacticNode = tactics.addObject().put("id", tactic.id()).put("shortName", tactic.shortName())
          .put("name", tactic.name());
      ArrayNode techniques = tacticNode.putArray("techniques");
      for (Coverage.Technique technique : tactic.techniques()) {
        ObjectNode techniqueNode = techniques.addObject().put("id", technique.id()).put("name", technique.name())
            .put("covered", technique.covered());
        ArrayNode rules = techniqueNode.putArray("rules");
        for (Coverage.Rule rule : technique.rules()) {
          ObjectNode ruleNode = rules.addObject().put("id", rule.id()).put("level", rule.level())
              .put("description", rule.description());
          ArrayNode positive = ruleNode.putArray("positiveCases");
          rule.positiveCases().forEach(path -> positive.add(slashed(path)));
          ArrayNode negative = ruleNode.putArray("negativeCases");
          rule.negativeCases().forEach(path -> negative.add(slashed(path)));
        }
      }
    }
    List<Coverage.Technique> all = techniques(coverage);
    root.put("techniques", all.size());
    root.put("coveredTechniques", all.stream().filter(Coverage.Technique::covered).count());
    root.put("rules", ruleCount(all));
    return root.toPrettyString() + "\n";
  }

  /** Each technique once, though it shows under each of its tactics. */
  private static List<Coverage.Technique> techniques(Coverage coverage) {
    return coverage.tactics().stream().flatMap(t -> t.techniques().stream()).distinct().toList();
  }

  private static long ruleCount(List<Coverage.Technique> techniques) {
    return techniques.stream().flatMap(t -> t.rules().stream()).map(Coverage.Rule::id).distinct().count();
  }

  private static String cases(List<Path> cases) {
    return cases.isEmpty() ? "none" : cell(cases.stream().map(CoverageReport::slashed).collect(Collectors.joining(", ")));
  }

  /** A table cell's text: a '|' would end the cell, a line break the row. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replaceAll("\\s*\n\\s*", " ");
  }

  private static String slashed(Path path) {
    return path.toString().replace('\\', '/');
  }
}
