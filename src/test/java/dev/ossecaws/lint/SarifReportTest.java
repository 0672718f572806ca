package dev.ossecaws.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {
  @Test
  void findingsBecomeResultsWithRelativeLocationsAndBaselineSuppressions() throws Exception {
    Finding counted = new Finding(Check.NO_SAMPLE, "ruleset/rules/amazon_rules.xml", 42, "80121", "no sample", null);
    Finding accepted = new Finding(Check.NO_COMPLIANCE_GROUP, "ruleset/rules/amazon_rules.xml", 7, "80411", "no group", "contract");
    JsonNode sarif = new ObjectMapper().readTree(SarifReport.of(List.of(counted, accepted), Path.of(""), "ossec-aws 1"));

    assertEquals("2.1.0", sarif.get("version").asText());
    JsonNode run = sarif.get("runs").get(0);
    assertEquals(Check.values().length, run.at("/tool/driver/rules").size());
    JsonNode first = run.get("results").get(0);
    assertEquals("no-sample", first.get("ruleId").asText());
    assertEquals("Rule 80121: no sample", first.at("/message/text").asText());
    assertEquals("ruleset/rules/amazon_rules.xml", first.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(42, first.at("/locations/0/physicalLocation/region/startLine").asInt());
    assertFalse(first.has("suppressions"));
    assertEquals("contract", run.get("results").get(1).at("/suppressions/0/justification").asText());
  }
}
