package dev.ossecaws.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFileTest {
  @TempDir Path dir;

  private static final String EXPECT = "{\"rule\": 80801, \"level\": 2, \"description\": \"d\","
      + " \"groups\": [\"pci_dss_10.2.5\"], \"alert\": true, \"decoder\": \"amazon\","
      + " \"fields\": {\"action\": \"ConsoleLogin\"}}";

  private Path write(String json) throws IOException {
    Path file = dir.resolve("case.json");
    Files.writeString(file, json);
    return file;
  }

  private String error(String json) throws IOException {
    Path file = write(json);
    CaseException e = assertThrows(CaseException.class, () -> CaseFile.read(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    return e.getMessage().substring(file.toString().length() + 2);
  }

  @Test
  void readsEveryPartOfACase() throws Exception {
    SampleCase sample = CaseFile.read(write("{\"description\": \"a login\", \"events\": [{\"record\": {\"eventName\": \"ConsoleLogin\"},"
        + " \"expect\": " + EXPECT.replace("}}", "}, \"notRules\": [80811]}") + "}]}"));
    assertEquals("a login", sample.description());
    Expectation expect = sample.events().get(0).expect();
    assertEquals(new Expectation(80801, 2, "d", List.of("pci_dss_10.2.5"), true, "amazon",
        Map.of("action", "ConsoleLogin"), List.of(80811)), expect);
    assertEquals("ConsoleLogin", sample.events().get(0).record().get("eventName").asText());
  }

  @Test
  void aNullRuleNeedsNoLevelDescriptionOrGroups() throws Exception {
    SampleCase sample = CaseFile.read(write("{\"description\": \"x\", \"events\": [{\"record\": {},"
        + " \"expect\": {\"rule\": null, \"alert\": false, \"decoder\": null, \"fields\": {}}}]}"));
    assertNull(sample.events().get(0).expect().rule());
  }

  @Test
  void secondsLaterDefaultsToZeroAndMustNotBeNegative() throws Exception {
    String event = "{\"record\": {}, \"expect\": " + EXPECT + "}";
    SampleCase sample = CaseFile.read(write("{\"description\": \"x\", \"events\": [" + event + ", "
        + event.replace("{\"record\"", "{\"secondsLater\": 361, \"record\"") + "]}"));
    assertEquals(List.of(0, 361), sample.events().stream().map(SampleCase.Event::secondsLater).toList());
    assertEquals("events[0].secondsLater: expected a number of seconds (0 or more)",
        error("{\"description\": \"x\", \"events\": [" + event.replace("{\"record\"", "{\"secondsLater\": -1, \"record\"") + "]}"));
  }

  @Test
  void badJsonNamesTheFileAndThePlace() throws IOException {
    assertTrue(error("{\"description\": \"x\",\n \"events\": [}").matches("not valid JSON: .* \\(line 2, column \\d+\\)"));
  }

  @Test
  void unknownFieldIsRefused() throws IOException {
    assertEquals("events[0].expect: unknown field \"levle\" (expected alert, decoder, description, fields, groups, level, notRules, rule)",
        error("{\"description\": \"x\", \"events\": [{\"record\": {}, \"expect\": " + EXPECT.replace("\"level\"", "\"levle\"") + "}]}"));
  }

  @Test
  void missingExpectationIsRefused() throws IOException {
    assertEquals("events[0]: missing \"expect\"", error("{\"description\": \"x\", \"events\": [{\"record\": {}}]}"));
  }

  @Test
  void missingPartOfAnExpectationIsRefused() throws IOException {
    assertEquals("events[0].expect: missing \"groups\"",
        error("{\"description\": \"x\", \"events\": [{\"record\": {}, \"expect\": " + EXPECT.replace("\"groups\": [\"pci_dss_10.2.5\"],", "") + "}]}"));
  }

  @Test
  void duplicateKeyIsRefused() throws IOException {
    assertTrue(error("{\"description\": \"x\", \"description\": \"y\", \"events\": []}").contains("Duplicate field 'description'"));
  }
}
