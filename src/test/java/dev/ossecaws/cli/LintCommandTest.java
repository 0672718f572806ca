package dev.ossecaws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossecaws.ProjectCopy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LintCommandTest {
  @TempDir Path scratch;
  StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  @Test
  void theProjectsRulesetPassesWithItsBaselineShown() {
    assertEquals(0, run("lint"));
    assertTrue(out.toString().endsWith("0 findings (1 more accepted by the baseline)\n"), out.toString());
  }

  @Test
  void aRuleWithoutSampleFailsInTextAndSarif() throws Exception {
    ProjectCopy project = ProjectCopy.into(scratch);
    Files.delete(project.samples().resolve("config/stop-configuration-recorder.json"));
    String[] where = {"--ruleset", project.ruleset().toString(), "--samples", project.samples().toString()};
    assertEquals(1, run(("lint " + String.join(" ", where)).split(" ")));
    assertTrue(out.toString().contains(": rule 80162: no-sample: "), out.toString());
    assertTrue(out.toString().endsWith("1 finding (1 more accepted by the baseline)\n"), out.toString());

    Path sarif = scratch.resolve("lint.sarif");
    assertEquals(1, run(("lint --format sarif --output " + sarif + " " + String.join(" ", where)).split(" ")));
    JsonNode results = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results");
    assertEquals(2, results.size());
    String message = results.get(1).at("/message/text").asText();
    assertTrue(message.startsWith("Rule 80162: no sample case under " + project.samples() + " expects rule 80162"), message);
  }
}
