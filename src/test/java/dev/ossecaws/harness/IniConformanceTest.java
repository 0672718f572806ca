package dev.ossecaws.harness;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ossecaws.SharedData;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** OSSEC 4.3.0's .ini suite through the engine gives OSSEC's own verdicts, exit codes included. */
class IniConformanceTest {
  @Test
  void theSuiteFailsExactlyWhereOssecFailsWithTheSameCodes() throws Exception {
    Path home = SharedData.ossecHome();
    Path resultsFile = home.resolve("tests/ini-results-ossec-4.3.0.txt");
    Engine engine = Engine.builder().config(ManagerConfig.load(home)).load(message -> {});
    List<IniResult> results = IniSuite.load(home.resolve("tests/ini")).run(new EngineEvaluator(engine));
    List<String> failures = results.stream().filter(r -> !r.passed()).map(IniResult::toString)
        .collect(Collectors.toList());
    List<String> ossecFailures = Files.readAllLines(resultsFile, ISO_8859_1).stream()
        .filter(l -> !l.startsWith("#") && !l.startsWith("TOTAL ")).collect(Collectors.toList());
    assertEquals(ossecFailures, failures);
    assertEquals("255 passed, 6 failed", IniReport.of(results, KnownFailures.none()).summary());
  }
}
