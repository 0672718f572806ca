package dev.ossecaws.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one replayed record must give. A null {@code rule} means that no rule reports it (no Phase
 * 3); {@code level}, {@code description} and {@code groups} are then null too.
 *
 * @param groups the rule's compliance ({@code pci_dss_*}, {@code cis_*}) and ATT&CK ({@code
 *     mitre_*}) groups, all of them
 * @param decoder the decoder's name, null for none
 * @param fields every decoded field by its Phase 2 label ({@code dstuser}, {@code extra_data},
 *     ...): exactly these are set to a value; any other is unset or empty, as the amazon
 *     decoder prints a dynamic field the record lacks
 * @param notRules rules that must not report the record
 */
public record Expectation(
    Integer rule, Integer level, String description, List<String> groups, boolean alert,
    String decoder, Map<String, String> fields, List<Integer> notRules) {
  public Expectation {
    groups = groups == null ? null : List.copyOf(groups);
    fields = Map.copyOf(fields);
    notRules = List.copyOf(notRules);
  }

  /** The groups a case states: compliance and ATT&CK groups, not the rule's other ones. */
  public static boolean isStatedGroup(String group) {
    return group.startsWith("pci_dss_") || group.startsWith("cis_") || group.startsWith("mitre_");
  }

  /** How {@code outcome} differs from this expectation, one phrase per difference; empty if not. */
  public List<String> differences(Outcome outcome) {
    List<String> differences = new ArrayList<>();
    if (!Objects.equals(outcome.decoder(), decoder)) {
      differences.add("decoder " + quoted(outcome.decoder()) + ", expected " + quoted(decoder));
    }
    fieldDifferences(outcome.fields(), differences);
    if (!Objects.equals(outcome.rule(), rule)) {
      differences.add("rule " + orNone(outcome.rule()) + ", expected " + orNone(rule));
    }
    if (rule != null && outcome.rule() != null) {
      if (outcome.level() != level) differences.add("level " + outcome.level() + ", expected " + level);
      if (!outcome.description().equals(description)) {
        differences.add("description " + quoted(outcome.description()) + ", expected " + quoted(description));
      }
      TreeSet<String> actual = new TreeSet<>(outcome.statedGroups());
      if (!actual.equals(new TreeSet<>(groups))) {
        differences.add("groups " + actual + ", expected " + new TreeSet<>(groups));
      }
    }
    if (outcome.alert() != alert) {
      differences.add(outcome.alert() ? "alert generated, expected none" : "no alert, expected one");
    }
    if (outcome.rule() != null && notRules.contains(outcome.rule())) {
      differences.add("rule " + outcome.rule() + " reported it, which must not");
    }
    return differences;
  }

  private void fieldDifferences(Map<String, String> actual, List<String> differences) {
    Map<String, String> all = new TreeMap<>(fields);
    actual.forEach(all::putIfAbsent);
    all.forEach((label, unused) -> {
      String got = actual.get(label);
      String want = fields.get(label);
      if (Objects.equals(got, want)) return;
      if (want == null && got.isEmpty()) return;
      if (want == null) differences.add(label + " " + quoted(got) + ", expected unset or empty");
      else if (got == null) differences.add(label + " unset, expected " + quoted(want));
      else differences.add(label + " " + quoted(got) + ", expected " + quoted(want));
    });
  }

  static String quoted(String value) {
    return value == null ? "none" : "'" + value + "'";
  }

  static String orNone(Integer rule) {
    return rule == null ? "none" : rule.toString();
  }
}
