package dev.ossecaws.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.ProjectCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesetLintTest {
  @TempDir Path scratch;
  ProjectCopy project;

  @BeforeEach
  void copyProject() throws IOException {
    project = ProjectCopy.into(scratch);
  }

  private List<Finding> counted() throws IOException {
    return RulesetLint.lint(project.ruleset(), project.samples()).stream().filter(f -> !f.suppressed()).toList();
  }

  private void assertOnlyFinding(Check check, String ruleId) throws IOException {
    Finding finding = onlyFinding();
    assertEquals(check, finding.check(), finding.toString());
    assertEquals(ruleId, finding.ruleId(), finding.toString());
  }

  private Finding onlyFinding() throws IOException {
    List<Finding> findings = counted();
    assertEquals(1, findings.size(), findings.toString());
    return findings.get(0);
  }

  @Test
  void theProjectsRulesetHasNoFindingBeyondItsBaseline() throws IOException {
    List<Finding> all = RulesetLint.lint(Path.of("ruleset"), Path.of("samples"));
    assertEquals(List.of(), all.stream().filter(f -> !f.suppressed()).toList());
    assertEquals(List.of("80411"), all.stream().map(Finding::ruleId).toList());
  }

  @Test
  void removingTheOnlySampleOfARuleNamesThatRule() throws IOException {
    Files.delete(project.samples().resolve("kms/schedule-key-deletion.json"));
    Finding finding = onlyFinding();
    assertTrue(finding.toString().contains("rule 80121: no-sample: no sample case under "), finding.toString());
  }

  @Test
  void duplicateIdIsReportedOnTheSecondRule() throws IOException {
    project.replaceOnce(project.rulesFile(), "<rule id=\"80453\"", "<rule id=\"80452\"");
    Finding finding = counted().stream().filter(f -> f.check() == Check.DUPLICATE_ID).findFirst().orElseThrow();
    assertEquals("80452", finding.ruleId());
  }

  @Test
  void idOutsideTheDocumentedRangesIsReported() throws IOException {
    project.replaceOnce(project.rulesFile(), "<rule id=\"81010\"", "<rule id=\"81200\"");
    List<Finding> findings = counted();
    assertTrue(findings.stream().anyMatch(f -> f.check() == Check.ID_OUT_OF_RANGE && f.ruleId().equals("81200")), findings.toString());
  }

  @Test
  void ruleWithoutANumericIdIsAnIdOutOfRange() throws IOException {
    project.replaceOnce(project.rulesFile(), "<rule id=\"81010\"", "<rule id=\"x81010\"");
    List<Finding> findings = counted();
    assertTrue(findings.stream().anyMatch(f -> f.check() == Check.ID_OUT_OF_RANGE
        && f.toString().contains("rule without a numeric id")), findings.toString());
    assertTrue(findings.stream().noneMatch(f -> f.check() == Check.DUPLICATE_ID), findings.toString());
  }

  @Test
  void danglingIfSidIsReported() throws IOException {
    project.replaceOnce(project.rulesFile(), "<if_sid>80308</if_sid>", "<if_sid>80307</if_sid>");
    assertOnlyFinding(Check.DANGLING_REFERENCE, "80309");
  }

  @Test
  void ifSidEndingWithACommaIsReported() throws IOException {
    project.replaceOnce(project.rulesFile(), "<if_sid>80308</if_sid>", "<if_sid>80308,</if_sid>");
    assertOnlyFinding(Check.DANGLING_REFERENCE, "80309");
  }

  @Test
  void aRegexOssecRefusesIsReported() throws IOException {
    project.replaceOnce(project.rulesFile(), "<regex>\"userIdentity\":{\"type\":\"Root\",</regex>", "<regex>\"userIdentity\"\\></regex>");
    assertOnlyFinding(Check.REFUSED_PATTERN, "80810");
  }

  @Test
  void missingDescriptionIsReported() throws IOException {
    project.replaceOnce(project.rulesFile(), "<description>Amazon-s3: Bucket policy changed</description>", "");
    assertOnlyFinding(Check.MISSING_DESCRIPTION, "80141");
  }

  @Test
  void alertingRuleWithoutComplianceGroupIsReported() throws IOException {
    project.replaceOnce(project.rulesFile(), "<group>cis_aws_4.8,pci_dss_7.1,pci_dss_10.6.1,</group>", "<group>s3,</group>");
    assertOnlyFinding(Check.NO_COMPLIANCE_GROUP, "80141");
  }

  /** The counted findings of a fixture ruleset, as lint prints them. */
  private List<String> findings(RulesetFixture fixture) throws IOException {
    return RulesetLint.lint(fixture.ruleset(), fixture.samples()).stream().map(Finding::toString).toList();
  }

  @Test
  void aFixtureWhoseRulesHaveGroupsAndPositiveCasesPasses() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch.resolve("fixture"))
        .rules(RulesetFixture.rule(80001, 5, "mitre_t1562.008,"), RulesetFixture.rule(80002, 3, "pci_dss_10.2.5,"),
            RulesetFixture.rule(80003, 3, "mitre_t1110,cis_aws_4.6,"))
        .positiveCase("a.json", 80001).positiveCase("b.json", 80002).positiveCase("c.json", 80003);
    assertEquals(List.of(), findings(fixture));
  }

  @Test
  void anAlertingRuleWithNeitherATechniqueNorAComplianceGroupIsReported() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch.resolve("fixture"))
        .rules(RulesetFixture.rule(80001, 5, "amazon,cloudtrail,cis_4.3,")).positiveCase("a.json", 80001);
    assertEquals(List.of(fixture.rulesFile() + ":7: rule 80001: no-compliance-group: alerting rule (level 5) with neither"
        + " an ATT&CK technique group (mitre_tNNNN[.NNN]) nor a compliance group (pci_dss_*, cis_aws_*)"), findings(fixture));
  }

  @Test
  void rulesThatCannotAlertNeedNoGroup() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch.resolve("fixture"))
        .rules(RulesetFixture.rule(80001, 0, "amazon,"),
            RulesetFixture.rule(80002, 5, "amazon,").replace("level=\"5\"", "level=\"5\" noalert=\"1\""))
        .positiveCase("a.json", 80001);
    assertEquals(List.of(), findings(fixture));
  }

  @Test
  void groupsMeantAsTechniquesButMisnamedAreReportedEachAndOssecsAttackGroupIsNot() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch.resolve("fixture"))
        .rules(RulesetFixture.rule(80001, 5, "attack,attacks,mitre_T1562,attack.t1562,mitre_t1562_008,T1110,mitre_defense_evasion,pci_dss_10.6.1,"))
        .positiveCase("a.json", 80001);
    List<String> findings = findings(fixture);
    assertEquals(List.of("mitre_T1562", "attack.t1562", "mitre_t1562_008", "T1110", "mitre_defense_evasion"),
        findings.stream().map(f -> f.replaceFirst(".*group '([^']*)'.*", "$1")).toList(), findings.toString());
    assertTrue(findings.get(0).startsWith(fixture.rulesFile() + ":7: rule 80001: bad-attack-group: group 'mitre_T1562'"
        + " looks meant as an ATT&CK technique but does not follow the scheme mitre_tNNNN or mitre_tNNNN.NNN"), findings.get(0));
  }

  @Test
  void aMisnamedTechniqueGroupDoesNotCountAsTheRulesTechnique() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch.resolve("fixture"))
        .rules(RulesetFixture.rule(80001, 5, "mitre_T1562.008,")).positiveCase("a.json", 80001);
    assertEquals(List.of("bad-attack-group", "no-compliance-group"),
        findings(fixture).stream().map(f -> f.split(": ")[2]).toList());
  }

  @Test
  void aTechniqueTheTableDoesNotListIsReported() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch.resolve("fixture"))
        .rules(RulesetFixture.rule(80001, 5, "mitre_t1190,")).positiveCase("a.json", 80001);
    assertEquals(List.of(fixture.rulesFile() + ":7: rule 80001: bad-attack-group: group mitre_t1190 names T1190, which "
        + fixture.ruleset().resolve("attack-techniques.txt") + " does not list"), findings(fixture));
  }

  @Test
  void aRuleOnlyNamedInNotRulesHasNoSample() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch.resolve("fixture"))
        .rules(RulesetFixture.rule(80001, 5, "mitre_t1110,")).negativeCase("quiet.json", 80001).negativeCase("calm.json", 80001);
    assertEquals(List.of(fixture.rulesFile() + ":7: rule 80001: no-sample: no sample case under " + fixture.samples()
        + " expects rule 80001 (2 cases list it in notRules, which shows only that it stays quiet)"), findings(fixture));
  }

  @Test
  void aLevelZeroRuleThatCanReportAnEventNeedsAPositiveCaseToo() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch.resolve("fixture")).rules(RulesetFixture.rule(80001, 0, "amazon,"));
    assertEquals(List.of(fixture.rulesFile() + ":7: rule 80001: no-sample: no sample case under " + fixture.samples()
        + " expects rule 80001"), findings(fixture));
  }

  /** A fixture rule 80001 (with a positive case) whose {@code <match>x</match>} is {@code patterns}. */
  private RulesetFixture ruleWithPatterns(String patterns) throws IOException {
    return RulesetFixture.in(scratch.resolve("fixture"))
        .rules(RulesetFixture.rule(80001, 5, "mitre_t1110,").replace("<match>x</match>", patterns))
        .positiveCase("a.json", 80001);
  }

  @Test
  void pcre2PatternsOssecAcceptsPassBackreferencesAndBoundedClassesIncluded() throws IOException {
    assertEquals(List.of(), findings(ruleWithPatterns("<pcre2>\"userName\":\"(\\w+)\",\"arn\":\"[^\"]*/\\1\"</pcre2>"
        + "<match_pcre2>\"recipientAccountId\":\"[0-9]{12}\"</match_pcre2><url_pcre2>^/x</url_pcre2><url>/y</url>")));
  }

  @Test
  void aPcre2PatternOssecRefusesIsReportedWithTheRuleId() throws IOException {
    RulesetFixture fixture = ruleWithPatterns("<match_pcre2>\"eventName\":\"(Delete</match_pcre2>");
    List<String> findings = findings(fixture);
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).startsWith(fixture.rulesFile() + ":9: rule 80001: refused-pattern: <match_pcre2>"
        + " '\"eventName\":\"(Delete': OSSEC refuses it (code "), findings.get(0));
  }

  @Test
  void aPcre2DecoderPatternOssecRefusesIsReported() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch.resolve("fixture"));
    Path decoders = fixture.ruleset().resolve("decoders/extra.xml");
    Files.writeString(decoders, "<!-- version 1.0.0 --><decoder name=\"amazon-x\">\n  <parent>amazon</parent>\n  <pcre2>\"x\":\"([a-z]+\"</pcre2>\n"
        + "  <order>extra_data</order>\n</decoder>\n");
    List<String> findings = findings(fixture);
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).startsWith(decoders + ":3: refused-pattern: <pcre2> "), findings.get(0));
  }

  @Test
  void aPcre2ElementBesideItsClassicOneIsReportedAsDropped() throws IOException {
    RulesetFixture fixture = ruleWithPatterns("<match>x</match><match_pcre2>[0-9]{12}</match_pcre2>");
    assertEquals(List.of(fixture.rulesFile() + ":9: rule 80001: refused-pattern: <match_pcre2> is silently dropped:"
        + " OSSEC uses <match> instead when both are given"), findings(fixture));
  }

  @Test
  void versionDisagreeingWithAHeaderIsReported() throws IOException {
    Files.writeString(project.ruleset().resolve("VERSION"), "1.1.0\n");
    List<Finding> findings = counted();
    assertEquals(3, findings.size(), findings.toString());
    assertTrue(findings.get(0).toString().endsWith("CHANGELOG.md: version-mismatch: no '## 1.1.0' section for the version in ruleset/VERSION"), findings.get(0).toString());
    assertTrue(findings.stream().allMatch(f -> f.check() == Check.VERSION_MISMATCH), findings.toString());
  }

  @Test
  void malformedCaseIsReportedByFile() throws IOException {
    Files.writeString(project.samples().resolve("iam/broken.json"), "{\"description\": \"x\", \"events\": [");
    Finding finding = onlyFinding();
    assertEquals(Check.MALFORMED_CASE, finding.check());
    assertTrue(finding.file().endsWith("broken.json"), finding.file());
  }

  @Test
  void aDirectoryNamedLikeARulesFileIsOneUnreadableFileFinding() throws IOException {
    Path directory = Files.createDirectory(project.ruleset().resolve("rules/extra.xml"));
    Finding finding = onlyFinding();
    assertEquals(Check.UNREADABLE_FILE, finding.check(), finding.toString());
    assertTrue(finding.toString().startsWith(directory + ":1: "), finding.toString());
  }

  @Test
  void aDecoderWhoseParentIsNotDeclaredBeforeItIsADanglingReference() throws IOException {
    Path decoders = project.ruleset().resolve("decoders/extra.xml");
    Files.writeString(decoders, "<decoder name=\"amazon-child\">\n  <parent>amazon</parent>\n  <prematch>x</prematch>\n</decoder>\n"
        + "<decoder name=\"orphan\">\n  <parent>nosuch</parent>\n  <prematch>x</prematch>\n</decoder>\n");
    List<Finding> dangling = counted().stream().filter(f -> f.check() == Check.DANGLING_REFERENCE).toList();
    assertEquals(1, dangling.size(), dangling.toString());
    assertEquals(decoders + ":6: dangling-reference: decoder orphan: <parent> nosuch is not a decoder declared before it",
        dangling.get(0).toString());
  }
}
