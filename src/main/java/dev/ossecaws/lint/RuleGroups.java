package dev.ossecaws.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's groups read by the ruleset's naming scheme (README.md, "Lint"): ATT&CK techniques as
 * {@code mitre_t1562} or {@code mitre_t1562.008}, compliance requirements as {@code pci_dss_*} and
 * {@code cis_aws_*}; any other group means nothing to lint.
 *
 * @param all every group, in OSSEC's order: the enclosing {@code <group name>}'s, then the rule's
 */
record RuleGroups(List<String> all) {
  private static final Pattern TECHNIQUE = Pattern.compile("mitre_t(\\d{4}(?:\\.\\d{3})?)");
  /**
   * What an author who means an ATT&CK technique may write instead ({@code mitre_T1562},
   * {@code attack.t1562}, {@code T1562}, {@code mitre_defense_evasion}), so that a misspelt group is
   * a finding instead of a technique silently missing from the coverage table. OSSEC's own groups
   * such as {@code attack} or {@code attacks} are left alone.
   */
  private static final Pattern LOOKS_LIKE_ATTACK = Pattern.compile("(?i)mitre.*|.*(?<![a-z0-9])t\\d{4}.*");

  RuleGroups {
    all = List.copyOf(all);
  }

  /** The groups of {@code joined}, OSSEC's comma-separated group text (empty items dropped). */
  static RuleGroups of(String joined) {
    List<String> groups = new ArrayList<>();
    for (String group : joined.split(",")) {
      if (!group.isBlank()) groups.add(group.strip());
    }
    return new RuleGroups(groups);
  }

  /** The ATT&CK ids ({@code T1562.008}) of the groups that follow the scheme, in order. */
  List<String> techniques() {
    List<String> ids = new ArrayList<>();
    for (String group : all) {
      Matcher technique = TECHNIQUE.matcher(group);
      if (technique.matches()) ids.add("T" + technique.group(1));
    }
    return ids;
  }

  /** Groups that look meant as ATT&CK techniques but do not follow the scheme. */
  List<String> misnamedTechniques() {
    return all.stream().filter(g -> LOOKS_LIKE_ATTACK.matcher(g).matches() && !TECHNIQUE.matcher(g).matches()).toList();
  }

  boolean hasCompliance() {
    return all.stream().anyMatch(g -> g.startsWith("pci_dss_") || g.startsWith("cis_aws_"));
  }
}
