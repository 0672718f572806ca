package dev.ossecaws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CoverageCommandTest {
  @TempDir Path scratch;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void theProjectsTableIsMarkdownByDefaultListsGapsAndExitsZero() {
    assertEquals(0, run("coverage"));
    String table = out.toString();
    assertTrue(table.startsWith("| tactic | technique | rule | level | description | positive cases | negative cases |\n"), table);
    assertTrue(table.contains("| Defense Evasion | T1562.008 Impair Defenses: Disable or Modify Cloud Logs | "), table);
    assertTrue(table.matches("(?s).*\n\\d+ of \\d+ techniques covered, by \\d+ rules?\\.\n"), table);
  }

  @Test
  void jsonGoesToTheOutputFile() throws Exception {
    Path file = scratch.resolve("coverage.json");
    assertEquals(0, run("coverage", "--format", "json", "-o", file.toString()));
    assertEquals("", out.toString());
    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    assertEquals("initial-access", json.at("/tactics/0/shortName").asText());
    assertTrue(json.get("techniques").asInt() >= 48, json.toString());
  }

  @Test
  void aMissingRulesetIsAUsageErrorNamingIt() {
    assertEquals(2, run("coverage", "--ruleset", scratch.resolve("nothing").toString()));
    assertEquals("coverage: ruleset directory not found: " + scratch.resolve("nothing") + "\n", err.toString());
  }
}
