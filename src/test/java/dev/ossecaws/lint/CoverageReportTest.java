package dev.ossecaws.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageReportTest {
  private static final Coverage COVERAGE = new Coverage(List.of(
      new Coverage.Tactic("TA0006", "credential-access", "Credential Access", List.of(
          new Coverage.Technique("T1110", "Brute Force", List.of(
              new Coverage.Rule(80803, 10, "Possible breakin attempt | many logins",
                  List.of(Path.of("samples/signin/a.json"), Path.of("samples/signin/b.json")), List.of()))),
          new Coverage.Technique("T1556", "Modify Authentication Process", List.of()))),
      new Coverage.Tactic("TA0005", "defense-evasion", "Defense Evasion", List.of(
          new Coverage.Technique("T1556", "Modify Authentication Process", List.of()),
          new Coverage.Technique("T1562.008", "Impair Defenses: Disable or Modify Cloud Logs", List.of(
              new Coverage.Rule(80101, 9, null, List.of(), List.of(Path.of("samples/cloudtrail/read.json")))))))));

  @Test
  void markdownIsOneRowPerTacticTechniqueAndRuleWithGapsMarkedAndATotal() {
    assertEquals("""
        | tactic | technique | rule | level | description | positive cases | negative cases |
        |---|---|---|---|---|---|---|
        | Credential Access | T1110 Brute Force | 80803 | 10 | Possible breakin attempt \\| many logins | samples/signin/a.json, samples/signin/b.json | none |
        | Credential Access | T1556 Modify Authentication Process | not covered | | | | |
        | Defense Evasion | T1556 Modify Authentication Process | not covered | | | | |
        | Defense Evasion | T1562.008 Impair Defenses: Disable or Modify Cloud Logs | 80101 | 9 |  | none | samples/cloudtrail/read.json |

        2 of 3 techniques covered, by 2 rules.
        """, CoverageReport.markdown(COVERAGE));
  }

  @Test
  void jsonNestsTacticsTechniquesRulesAndCasesAndCountsEachTechniqueOnce() throws Exception {
    JsonNode json = new ObjectMapper().readTree(CoverageReport.json(COVERAGE));
    assertEquals(3, json.get("techniques").asInt());
    assertEquals(2, json.get("coveredTechniques").asInt());
    assertEquals(2, json.get("rules").asInt());
    JsonNode bruteForce = json.at("/tactics/0/techniques/0");
    assertEquals("T1110", bruteForce.get("id").asText());
    assertEquals(true, bruteForce.get("covered").asBoolean());
    assertEquals(80803, bruteForce.at("/rules/0/id").asInt());
    assertEquals(10, bruteForce.at("/rules/0/level").asInt());
    assertEquals("samples/signin/b.json", bruteForce.at("/rules/0/positiveCases/1").asText());
    assertEquals(0, bruteForce.at("/rules/0/negativeCases").size());
    assertEquals("defense-evasion", json.at("/tactics/1/shortName").asText());
    assertEquals(false, json.at("/tactics/1/techniques/0/covered").asBoolean());
    assertEquals(true, json.at("/tactics/1/techniques/1/rules/0/description").isNull());
  }
}
