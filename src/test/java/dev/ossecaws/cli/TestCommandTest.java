package dev.ossecaws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.Oracle;
import dev.ossecaws.ProjectCopy;
import dev.ossecaws.SharedData;
import dev.ossecaws.harness.CaseFile;
import dev.ossecaws.harness.Golden;
import dev.ossecaws.harness.SampleCase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
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

  // --ossec-logtest: the samples through a contributor's own ossec-logtest instead of the evaluator.

  private Path program(String name, String script) throws Exception {
    Path program = Files.writeString(scratch.resolve(name), "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    return program;
  }

  /**
   * OSSEC's own ossec-logtest (the oracle of ../shared) as on a manager with the project copy's
   * ruleset installed: a wrapper adds the home and the ruleset, which the oracle's script takes as
   * options, and leaves its host name (not the approved reports' one) and the wall clock.
   */
  private Path ossecWithTheRuleset() throws Exception {
    Path oracle = Oracle.script().toAbsolutePath();
    Path home = SharedData.ossecHome().toAbsolutePath();
    return program("ossec-logtest", "exec " + oracle + " -D " + home + " --ruleset " + project.ruleset() + " \"$@\"");
  }

  @Test
  void everySamplePassesThroughOssecItselfAndTheEventsAfterAGapAreListed() throws Exception {
    Path binary = ossecWithTheRuleset();
    assertEquals(0, run("test", "--ossec-logtest", binary.toString(), "--samples", project.samples().toString()),
        out + "" + err);
    List<String> notCompared = new ArrayList<>();
    for (Path file : CaseFile.list(project.samples())) {
      List<SampleCase.Event> events = CaseFile.read(file).events();
      for (int i = 1; i < events.size(); i++) {
        if (events.get(i).secondsLater() == 0) continue;
        notCompared.add("NOT COMPARED " + file + ": event" + (i + 1 == events.size() ? " " : "s " + (i + 1) + "-")
            + events.size() + " not compared: event " + (i + 1) + " comes " + events.get(i).secondsLater()
            + " s after event " + i + ", and ossec-logtest times events by its own clock");
        break;
      }
    }
    List<String> lines = lines();
    assertEquals(notCompared, lines.stream().filter(l -> !l.matches("\\d+ .*")).toList(), out.toString());
    int cases = CaseFile.list(project.samples()).size();
    assertEquals(cases + " cases in " + project.samples() + ", through " + binary + " -q", lines.get(lines.size() - 2));
    assertTrue(lines.get(lines.size() - 1).startsWith(cases + " passed, 0 failed"), lines.get(lines.size() - 1));
  }

  @Test
  void aVerdictOrReportOtherThanTheCaseSaysFailsItWithExitOne() throws Exception {
    Path file = null;
    for (Path candidate : CaseFile.list(project.samples())) {
      if (file == null && CaseFile.read(candidate).events().get(0).expect().rule() != null) file = candidate;
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode sample = (ObjectNode) json.readTree(file.toFile());
    ObjectNode expect = (ObjectNode) sample.get("events").get(0).get("expect");
    int level = expect.get("level").asInt();
    expect.put("level", level + 1);
    json.writeValue(file.toFile(), sample);
    Path approved = Golden.approved(file);
    String report = Files.readString(approved, StandardCharsets.ISO_8859_1);
    Files.writeString(approved, report.replaceFirst("\n       Level: '" + level + "'\n",
        "\n       Level: '" + (level + 1) + "'\n"), StandardCharsets.ISO_8859_1);

    assertEquals(1, run("test", "--ossec-logtest", ossecWithTheRuleset().toString(), "--samples", file.toString()));
    int line = (int) report.substring(0, report.indexOf("       Level: '")).chars().filter(c -> c == '\n').count() + 1;
    assertEquals("FAIL " + file + ": event 1: level " + level + ", expected " + (level + 1) + "; event 1: line " + line
        + " of its report is 'Level: '" + level + "'', approved 'Level: '" + (level + 1) + "''", lines().get(0));
    assertEquals("0 passed, 1 failed", lines().get(lines().size() - 1));
  }

  @Test
  void withAHomeTheBinaryIsToldToReadThatHomesConfiguration() throws Exception {
    Path arguments = scratch.resolve("arguments");
    Path binary = program("ossec-logtest", "echo \"$@\" > " + arguments + "; cat > /dev/null");
    Path one = CaseFile.list(project.samples()).get(0);
    Path home = scratch.resolve("home");
    assertEquals(1, run("test", "--ossec-logtest", binary.toString(), "-D", home.toString(), "--samples", one.toString()));
    assertEquals("-D " + home + " -c " + home.resolve("etc/ossec.conf") + " -q\n", Files.readString(arguments));
    assertTrue(lines().get(0).startsWith("FAIL " + one + ": 0 reports for "), out.toString());
  }

  @Test
  void aMissingBinaryIsBadUsage() {
    Path missing = scratch.resolve("bin/ossec-logtest");
    assertEquals(2, run("test", "--ossec-logtest", missing.toString(), "--samples", project.samples().toString()));
    assertEquals("test: ossec-logtest not found: " + missing + "\n", err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void aFileThatIsNotAProgramIsBadUsage() throws Exception {
    Path text = Files.writeString(scratch.resolve("ossec-logtest"), "not a program");
    assertEquals(2, run("test", "--ossec-logtest", text.toString(), "--samples", project.samples().toString()));
    assertEquals("test: not an executable program: " + text + " (give the ossec-logtest binary, e.g."
        + " /var/ossec/bin/ossec-logtest)\n", err.toString());
  }

  @Test
  void aBinaryThatFailsBeforeReadingALineIsBadUsageAndSaysWhy() throws Exception {
    Path binary = program("ossec-logtest", "echo \"2026/01/01 00:00:00 ossec-testrule(1202): ERROR: Configuration error"
        + " at '/etc/decoder.xml'. Exiting.\" >&2; exit 1");
    assertEquals(2, run("test", "--ossec-logtest", binary.toString(), "--samples", project.samples().toString()));
    assertEquals("test: " + binary + " exited with status 1 before reading any log line: 2026/01/01 00:00:00"
        + " ossec-testrule(1202): ERROR: Configuration error at '/etc/decoder.xml'. Exiting.\n", err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void optionsForTheEvaluatorAreBadUsage() throws Exception {
    Path binary = program("ossec-logtest", "exit 0");
    assertEquals(2, run("test", "--ossec-logtest", binary.toString(), "--ruleset", project.ruleset().toString()));
    assertTrue(err.toString().startsWith("--ruleset does not apply to --ossec-logtest: the binary loads the rules its"
        + " ossec.conf names"), err.toString());
    assertEquals(2, run("test", "--ossec-logtest", binary.toString(), "--junit", "junit.xml"));
    assertTrue(err.toString().contains("--junit does not apply to --ossec-logtest\n"), err.toString());
  }
}
