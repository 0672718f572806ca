package dev.ossecaws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.ProjectCopy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestCommandTest {
  @TempDir Path scratch;
  ProjectCopy project;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  @BeforeEach
  void copyProject() throws Exception {
    project = ProjectCopy.into(scratch);
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private List<String> lines() {
    return out.toString().lines().toList();
  }

  @Test
  void allPassingPrintsTheCountsAndExitsZero() {
    assertEquals(0, run("test", "--ruleset", project.ruleset().toString(), "--samples", project.samples().toString()));
    List<String> lines = lines();
    assertEquals(2, lines.size(), out.toString());
    assertTrue(lines.get(0).matches("\\d+ rules in .*ruleset, \\d+ cases in .*samples"), lines.get(0));
    assertTrue(lines.get(1).matches("\\d+ passed, 0 failed"), lines.get(1));
  }

  @Test
  void aFailingCaseGetsOneLineAndExitOneAndJUnitXml() throws Exception {
    project.replaceOnce(project.rulesFile(), "<rule id=\"80102\" level=\"12\">", "<rule id=\"80102\" level=\"11\">");
    Path junit = scratch.resolve("junit.xml");
    assertEquals(1, run("test", "--ruleset", project.ruleset().toString(), "--samples", project.samples().toString(),
        "--junit", junit.toString()));
    List<String> failing = lines().stream().filter(l -> l.startsWith("FAIL ")).toList();
    assertEquals(2, failing.size(), out.toString());
    assertTrue(failing.get(0).contains("cloudtrail/delete-trail-denied.json: event 1: level 11, expected 12; report differs"), failing.get(0));
    assertTrue(failing.get(1).contains("cloudtrail/stop-logging.json: event 1: level 11, expected 12;"), failing.get(1));
    assertTrue(lines().get(lines().size() - 1).matches("\\d+ passed, 2 failed"), out.toString());
    String xml = Files.readString(junit);
    assertTrue(xml.matches("(?s).*<testsuite name=\"ossec-aws samples\" tests=\"\\d+\" failures=\"2\".*"), xml);
    assertTrue(xml.contains("name=\"cloudtrail/stop-logging.json\"><failure message=\"event 1: level 11, expected 12\">"), xml);
  }

  @Test
  void missingSamplesDirectoryIsAUsageError() {
    assertEquals(2, run("test", "--ruleset", project.ruleset().toString(), "--samples", scratch.resolve("nowhere").toString()));
    assertTrue(err.toString().contains("samples not found: "), err.toString());
  }

  @Test
  void aSamplesDirectoryWithoutCasesIsUnusableInputNotAPass() throws Exception {
    Path empty = Files.createDirectory(scratch.resolve("empty"));
    assertEquals(2, run("test", "--ruleset", project.ruleset().toString(), "--samples", empty.toString()));
    assertEquals("test: no sample case (*.json) in " + empty + "\n", err.toString());
  }

  @Test
  void knownFailuresWithoutIniIsAUsageError() {
    assertEquals(2, run("test", "--ruleset", project.ruleset().toString(), "--samples", project.samples().toString(),
        "--known-failures", "known.txt"));
    assertTrue(err.toString().startsWith("--known-failures applies to --ini only"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void aMalformedCaseFailsOnOneLineNamingItsFileOnce() throws Exception {
    Path broken = Files.writeString(project.samples().resolve("iam/broken.json"), "{\"description\": \"x\", \"events\": [");
    assertEquals(1, run("test", "--ruleset", project.ruleset().toString(), "--samples", project.samples().toString()));
    String failure = lines().stream().filter(l -> l.startsWith("FAIL ")).findFirst().orElseThrow();
    assertTrue(failure.startsWith("FAIL " + broken + ": not valid JSON: "), failure);
    assertTrue(!failure.contains("Source:"), failure);
  }

  @Test
  void oneCaseFileCanBeReplayedAlone() {
    Path one = project.samples().resolve("iam/create-user.json");
    assertEquals(0, run("test", "--ruleset", project.ruleset().toString(), "--samples", one.toString()), err.toString());
    assertTrue(lines().get(0).matches("\\d+ rules in .*ruleset, 1 cases in .*create-user\\.json"), out.toString());
    assertEquals("1 passed, 0 failed", lines().get(1));
  }
}
