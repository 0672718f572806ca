package dev.ossecaws.lint;

import static dev.ossecaws.lint.RulesetFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageTest {
  @TempDir Path scratch;

  private static Coverage.Technique technique(Coverage coverage, String tactic, String id) {
    return coverage.tactics().stream().filter(t -> t.shortName().equals(tactic)).findFirst().orElseThrow()
        .techniques().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<Integer> ruleIds(Coverage.Technique technique) {
    return technique.rules().stream().map(Coverage.Rule::id).toList();
  }

  @Test
  void everyTechniqueOfTheTableShowsUnderItsTacticsAndOnesNoRuleNamesAreNotCovered() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch).rules(rule(80001, 5, "mitre_t1110,"));
    Coverage coverage = Coverage.of(fixture.ruleset(), fixture.samples());
    assertEquals(List.of("credential-access", "defense-evasion", "impact"),
        coverage.tactics().stream().map(Coverage.Tactic::shortName).toList(), "the table's order");
    assertEquals(List.of("T1110", "T1556"),
        coverage.tactics().get(0).techniques().stream().map(Coverage.Technique::id).toList());
    assertEquals(List.of(80001), ruleIds(technique(coverage, "credential-access", "T1110")));
    assertFalse(technique(coverage, "impact", "T1485").covered());
  }

  @Test
  void aRuleShowsUnderEachTacticOfItsTechniqueAndUnderEachOfItsTechniques() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch)
        .rules(rule(80002, 8, "mitre_t1556,mitre_t1562.008,mitre_t1556,"), rule(80001, 5, "mitre_t1556,"));
    Coverage coverage = Coverage.of(fixture.ruleset(), fixture.samples());
    assertEquals(List.of(80001, 80002), ruleIds(technique(coverage, "credential-access", "T1556")), "by id, each once");
    assertEquals(List.of(80001, 80002), ruleIds(technique(coverage, "defense-evasion", "T1556")));
    assertEquals(List.of(80002), ruleIds(technique(coverage, "defense-evasion", "T1562.008")));
  }

  @Test
  void positiveCasesExpectTheRuleAndNegativeCasesListItInNotRules() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch).rules(rule(80001, 5, "mitre_t1485,"))
        .positiveCase("s3/b-delete.json", 80001).positiveCase("s3/a-delete.json", 80001)
        .negativeCase("s3/read.json", 80001).positiveCase("s3/other.json", 80009);
    Coverage.Rule shown = technique(Coverage.of(fixture.ruleset(), fixture.samples()), "impact", "T1485").rules().get(0);
    assertEquals(new Coverage.Rule(80001, 5, "Fixture rule 80001",
        List.of(fixture.samples().resolve("s3/a-delete.json"), fixture.samples().resolve("s3/b-delete.json")),
        List.of(fixture.samples().resolve("s3/read.json"))), shown);
  }

  @Test
  void rulesThatCannotAlertAndTechniquesTheTableLacksAreLeftOut() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch).rules(rule(80001, 0, "mitre_t1485,"),
        rule(80002, 5, "mitre_t1485,").replace("level=\"5\"", "level=\"5\" noalert=\"1\""),
        rule(80003, 5, "mitre_t1190,mitre_T1485,pci_dss_10.2.5,"));
    Coverage coverage = Coverage.of(fixture.ruleset(), fixture.samples());
    assertTrue(coverage.tactics().stream().flatMap(t -> t.techniques().stream()).noneMatch(Coverage.Technique::covered),
        coverage.toString());
  }

  @Test
  void aCaseThatCannotBeReadIsAnErrorNotAGap() throws IOException {
    RulesetFixture fixture = RulesetFixture.in(scratch).rules(rule(80001, 5, "mitre_t1485,"));
    Files.writeString(fixture.samples().resolve("broken.json"), "{\"events\": [");
    IOException e = assertThrows(IOException.class, () -> Coverage.of(fixture.ruleset(), fixture.samples()));
    assertTrue(e.getMessage().startsWith(fixture.samples().resolve("broken.json") + ": "), e.getMessage());
  }
}
