package dev.ossecaws.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ossecaws.SharedData;
import dev.ossecaws.engine.ManagerConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's own sample cases, replayed as `ossec-aws test` does: every one must pass. */
class SampleCasesTest {
  private static final Path RULESET = Path.of("ruleset");
  private static final Path SAMPLES = Path.of("samples");

  private static List<String> failures(ManagerConfig config) throws Exception {
    return new Harness(EngineReplay.load(config)).run(SAMPLES).stream()
        .filter(r -> !r.passed()).map(r -> r.file() + ": " + r.problems()).toList();
  }

  @Test
  void everySamplePassesWithTheRulesetAlone() throws Exception {
    assertEquals(List.of(), failures(ManagerConfig.defaults(RULESET).addRuleset(RULESET).build()));
  }

  @Test
  void everySamplePassesOnTopOfOssecsFullConfiguration() throws Exception {
    ManagerConfig manager = ManagerConfig.load(SharedData.ossecHome());
    assertEquals(List.of(), failures(manager.newBuilder().addRuleset(RULESET).build()));
  }
}
