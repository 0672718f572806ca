package dev.ossecaws.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.ProjectCopy;
import dev.ossecaws.engine.ManagerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness catches what it exists to catch, on a scratch copy of the project broken on purpose. */
class HarnessTest {
  @TempDir Path scratch;
  ProjectCopy project;

  @BeforeEach
  void copyProject() throws IOException {
    project = ProjectCopy.into(scratch);
  }

  /** The failing cases, by file name relative to samples/, with their problems. */
  private Map<String, List<String>> failures() throws Exception {
    ManagerConfig config = ManagerConfig.defaults(project.ruleset()).addRuleset(project.ruleset()).build();
    return new Harness(EngineReplay.load(config)).run(project.samples()).stream()
        .filter(r -> !r.passed())
        .collect(Collectors.toMap(r -> project.samples().relativize(r.file()).toString(), CaseResult::problems));
  }

  @Test
  void changingARulesLevelFailsTheCasesThatExpectIt() throws Exception {
    project.replaceOnce(project.rulesFile(), "<rule id=\"80306\" level=\"5\">", "<rule id=\"80306\" level=\"6\">");
    Map<String, List<String>> failures = failures();
    assertEquals(List.of("ec2/start-instances-unauthorized.json"), List.copyOf(failures.keySet()));
    List<String> problems = failures.get("ec2/start-instances-unauthorized.json");
    assertEquals("event 1: level 6, expected 5", problems.get(0));
    assertTrue(problems.get(1).startsWith("report differs from start-instances-unauthorized.approved.txt at line 35; wrote "), problems.get(1));
    assertTrue(Files.exists(project.samples().resolve("ec2/start-instances-unauthorized.received.txt")));
  }

  @Test
  void changingOnePciGroupFailsTheCasesThatExpectIt() throws Exception {
    project.replaceOnce(project.rulesFile(), "<group>amazon,pci_dss_10.2.4,pci_dss_10.2.5,</group>", "<group>amazon,pci_dss_10.2.4,pci_dss_10.2.6,</group>");
    Map<String, List<String>> failures = failures();
    assertEquals(List.of("iam/create-user-denied.json"), List.copyOf(failures.keySet()));
    assertEquals(List.of("event 1: groups [pci_dss_10.2.4, pci_dss_10.2.6], expected [pci_dss_10.2.4, pci_dss_10.2.5]"),
        failures.get("iam/create-user-denied.json"));
  }

  @Test
  void aMalformedCaseFailsAloneNamingItsFile() throws Exception {
    Files.writeString(project.samples().resolve("iam/bad-json.json"), "{\"description\": \"x\", \"events\": [");
    Files.writeString(project.samples().resolve("iam/unknown-field.json"), "{\"description\": \"x\", \"event\": []}");
    Files.writeString(project.samples().resolve("iam/no-expectation.json"), "{\"description\": \"x\", \"events\": [{\"record\": {}}]}");
    Map<String, List<String>> failures = failures();
    assertEquals(3, failures.size(), failures.toString());
    Function<String, String> only = name -> {
      List<String> problems = failures.get("iam/" + name);
      assertEquals(1, problems.size(), problems.toString());
      return problems.get(0);
    };
    // The result names the file already: a problem says only what is wrong, without Jackson's internals.
    assertTrue(only.apply("bad-json.json").matches("not valid JSON: [^\\[]*\\[line: 1, column: \\d+\\]\\) \\(line 1, column \\d+\\)"),
        only.apply("bad-json.json"));
    assertEquals("the case: unknown field \"event\" (expected description, events)", only.apply("unknown-field.json"));
    assertEquals("events[0]: missing \"expect\"", only.apply("no-expectation.json"));
  }

  @Test
  void aChangedReportFailsEvenWhenEveryExpectationHolds() throws Exception {
    project.replaceOnce(project.samples().resolve("iam/create-user.approved.txt"), "decoder: 'amazon'", "decoder: 'amazon2'");
    Map<String, List<String>> failures = failures();
    assertEquals(List.of("iam/create-user.json"), List.copyOf(failures.keySet()));
    assertFalse(failures.get("iam/create-user.json").get(0).startsWith("event"), failures.toString());
  }

  @Test
  void aMatchingReportRemovesAStaleReceivedFile() throws Exception {
    Path received = project.samples().resolve("iam/create-user.received.txt");
    Files.writeString(received, "old");
    assertEquals(Map.of(), failures());
    assertFalse(Files.exists(received));
  }
}
