package dev.ossecaws.harness;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the evaluator made of one line, as far as sample cases look at it.
 *
 * @param report the line's ossec-logtest report (phases 1 to 3), byte for byte
 * @param decoder the final decoder's name, null for none
 * @param fields decoded fields by Phase 2 label; a field assigned twice keeps its last value
 * @param rule the rule Phase 3 reports, null for none
 * @param groups that rule's group string ({@code amazon,pci_dss_10.2.5,}), null without a rule
 */
public record Outcome(
    String report, String decoder, Map<String, String> fields, Integer rule, int level,
    String description, String groups, boolean alert) {
  public Outcome {
    fields = Map.copyOf(fields);
  }

  /** The rule's compliance and ATT&CK groups, as cases state them. */
  public List<String> statedGroups() {
    if (groups == null) return List.of();
    return Arrays.stream(groups.split(",")).filter(Expectation::isStatedGroup).distinct().toList();
  }
}
