package dev.ossecaws.lint;

/** What {@code ossec-aws lint} checks; the id is what findings, SARIF and the baseline name. */
public enum Check {
  UNREADABLE_FILE("unreadable-file", "A ruleset file that OSSEC's XML reader refuses."),
  DUPLICATE_ID("duplicate-id", "Two rules with the same id: OSSEC refuses to load the second."),
  ID_OUT_OF_RANGE("id-out-of-range", "A rule id missing, not a number, or outside the ranges of ruleset/id-ranges.txt."),
  DANGLING_REFERENCE("dangling-reference",
      "An if_sid, if_matched_sid, decoded_as or decoder parent naming nothing loaded before it."),
  REFUSED_PATTERN("refused-pattern",
      "A pattern OSSEC would refuse or silently drop, pcre2 ones included (a *_pcre2 element beside its classic one is dropped)."),
  MISSING_DESCRIPTION("missing-description", "A rule without a description."),
  NO_COMPLIANCE_GROUP("no-compliance-group",
      "An alerting rule with neither an ATT&CK technique group (mitre_tNNNN[.NNN]) nor a compliance group (pci_dss_*, cis_aws_*)."),
  BAD_ATTACK_GROUP("bad-attack-group",
      "A group meant as an ATT&CK technique but not named mitre_tNNNN or mitre_tNNNN.NNN, or naming a technique"
          + " that ruleset/attack-techniques.txt does not list."),
  NO_SAMPLE("no-sample",
      "A rule that can report an event but is the expected rule (expect.rule) of no sample case; notRules mentions do not count."),
  MALFORMED_CASE("malformed-case", "A sample case file that cannot be read."),
  VERSION_MISMATCH("version-mismatch",
      "ruleset/VERSION, the files' header comments and CHANGELOG.md's sections disagree.");

  private final String id;
  private final String summary;

  Check(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  public String id() {
    return id;
  }

  public String summary() {
    return summary;
  }

  static Check byId(String id) {
    for (Check check : values()) if (check.id.equals(id)) return check;
    return null;
  }
}
