package dev.ossecaws.differential;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ossecaws.harness.ClockedOracle;
import dev.ossecaws.SharedData;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.harness.EngineReplay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator against OSSEC 4.3.0's own ossec-logtest on generated rules and corpora: each
 * session (generated rules and lists on OSSEC's default configuration, sometimes with the Amazon
 * ruleset, and a few hundred generated lines) runs through both, with {@code -v}, on the same
 * moving clock, and every byte they print must be the same, start-up lines included. A difference
 * is shrunk to a few lines and rules, written under {@code target/differential/} and printed with
 * the command that replays it.
 *
 * <p>The normal suite runs a fixed-seed slice. A longer run: {@code mvn -o -q
 * -Dtest=DifferentialTest -Dossecaws.differential.seed=7 -Dossecaws.differential.events=100000 test}
 * ({@code .lines} sets the lines per session, {@code .shrink} the sessions a shrink may run,
 * {@code .firstSession} the session to begin with: {@code .firstSession=13 .events=400} runs session 13 alone).
 */
class DifferentialTest {
  private static final long SEED = Long.getLong("ossecaws.differential.seed", 20_261_201L);
  private static final int EVENTS = Integer.getInteger("ossecaws.differential.events", 1_200);
  private static final int LINES_PER_SESSION = Integer.getInteger("ossecaws.differential.lines", 400);
  private static final int SHRINK_BUDGET = Integer.getInteger("ossecaws.differential.shrink", 150);
  private static final int FIRST_SESSION = Integer.getInteger("ossecaws.differential.firstSession", 0);
  private static final Path REPRODUCTIONS = Path.of("target/differential");
  /** A session whose rules OSSEC and the evaluator refuse alike loses the refused rule and runs again, this often. */
  private static final int REFUSALS_PER_SESSION = 6;

  @TempDir Path scratch;

  @Test
  void generatedRulesAndLinesGetOssecsOwnReports() throws Exception {
    Path ossecHome = SharedData.ossecHome();
    CorpusGenerator corpus = CorpusGenerator.load(ossecHome, Path.of("samples"));
    Differential differential = new Differential(ossecHome, scratch);
    List<String> differences = new ArrayList<>();
    List<String> crashes = new ArrayList<>();
    OptionCoverage coverage = new OptionCoverage();
    Map<String, Integer> refusedWith = new TreeMap<>();
    Map<Boolean, Engine> guides = new HashMap<>();
    int sessions = 0;
    int lines = 0;
    int events = 0;
    int rules = 0;
    int refusals = 0;
    int dropped = 0;
    for (int session = FIRST_SESSION; lines < EVENTS; session++) {
      Random random = new Random(SEED * 1_000_003L + session);
      boolean amazon = random.nextInt(100) < 30;
      List<Line> input = corpus.generate(random, Math.min(LINES_PER_SESSION, EVENTS - lines), amazon);
      List<Anchor> anchors = Anchor.of(guides.computeIfAbsent(amazon, this::guide), input);
      Scenario scenario = new Scenario(RuleGenerator.generate(random, 15 + random.nextInt(35), anchors, amazon),
          RuleGenerator.lists(), amazon, input);
      rules += scenario.rules().size();
      Differential.Result result = differential.run(scenario);
      for (int refused = 0; refused < REFUSALS_PER_SESSION && result.firstDifference() == null
          && result.ossec().refused(); refused++) {
        refusals++;
        List<String> said = result.ossec().startUp().lines().toList();
        refusedWith.merge(said.get(Math.max(0, said.size() - 2)).replaceAll("^[0-9/: ]+", "")
            .replaceAll("'[^']*'", "'...'").replaceAll("\\d+", "N"), 1, Integer::sum);
        int culprit = firstRefused(scenario);
        if (culprit < 0) break;
        List<String> kept = new ArrayList<>(scenario.rules());
        kept.remove(culprit);
        dropped++;
        scenario = scenario.withRules(kept);
        result = differential.run(scenario);
      }
      sessions++;
      coverage.add(scenario, result);
      lines += input.size();
      events += result.ossec().events().size();
      if (result.firstDifference() != null) {
        Shrinker shrinker = new Shrinker(differential, r -> r.firstDifference() != null, SHRINK_BUDGET);
        Shrinker.Shrunk shrunk = shrinker.shrink(scenario, result);
        differences.add("session " + session + " (seed " + SEED + "), shrunk in " + shrinker.tries() + " runs: "
            + Reproduction.write(ossecHome, shrunk, REPRODUCTIONS.resolve(SEED + "-" + session)));
      } else if (result.crashed()) {
        // OSSEC's bug, not the evaluator's: the events before it were compared. The session up to the
        // crash is kept to be seen; -Dossecaws.differential.shrinkCrashes=true shrinks it too (slow).
        Path kept = REPRODUCTIONS.resolve("crash-" + SEED + "-" + session);
        Scenario upToCrash = scenario.withLines(scenario.lines().subList(0, result.focusLine() + 1));
        Shrinker.Shrunk shrunk = Boolean.getBoolean("ossecaws.differential.shrinkCrashes")
            ? new Shrinker(differential, Differential.Result::crashed, SHRINK_BUDGET).shrink(scenario, result)
            : new Shrinker.Shrunk(upToCrash, result);
        Reproduction.write(ossecHome, shrunk, kept);
        crashes.add("session " + session + " at input line " + (result.focusLine() + 1) + ", kept in " + kept);
      }
    }
    System.err.println("DifferentialTest: seed " + SEED + ", " + sessions + " sessions, " + lines + " lines ("
        + corpus.ossecLines() + " OSSEC sample lines and " + corpus.cloudTrailLines() + " CloudTrail lines to"
        + " draw from), " + events + " events compared with -v, " + rules + " generated rules; " + refusals
        + " configurations refused alike by both, " + dropped + " rules dropped for it " + refusedWith
        + "; OSSEC crashed in " + crashes.size() + " sessions " + crashes + "; " + differences.size()
        + " sessions differ. " + coverage);
    assertTrue(differences.isEmpty(), differences.size() + " sessions differ from OSSEC's own ossec-logtest:\n"
        + String.join("\n", differences));
  }

  /** Replays a difference written under {@code target/differential/} ({@code -Dossecaws.differential.replay=DIR}). */
  @Test
  void replaysAReproduction() throws Exception {
    String dir = System.getProperty("ossecaws.differential.replay");
    assumeTrue(dir != null, "no -Dossecaws.differential.replay=DIR to replay");
    Path reproduction = Path.of(dir);
    Differential.Result result = Differential.run(reproduction.resolve(Reproduction.HOME),
        Reproduction.readLines(reproduction), scratch);
    Differential.Difference difference = result.firstDifference();
    assertNull(difference, () -> "difference at " + difference + ":\n"
        + ClockedOracle.unifiedDiff(difference.ossec(), difference.evaluator()));
  }

  /**
   * The index of the rule whose loading makes the configuration refused: the shortest refused
   * prefix of the rules, as the evaluator loads them (it refused them as OSSEC did); -1 if none.
   */
  private int firstRefused(Scenario scenario) throws Exception {
    int low = 0;
    int high = scenario.rules().size();
    if (!refuses(scenario)) return -1;
    while (low < high) {  // the shortest refused prefix has high rules
      int middle = (low + high) / 2;
      if (refuses(scenario.withRules(scenario.rules().subList(0, middle + 1)))) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** The evaluator on OSSEC's configuration (with ruleset/ when {@code amazon}), which tells where lines go. */
  private Engine guide(boolean amazon) {
    try {
      Path home = new Scenario(List.of(), Map.of(), amazon, List.of()).writeHome(SharedData.ossecHome(),
          scratch.resolve("guide-" + amazon));
      return Engine.builder().config(ManagerConfig.load(home)).hostname(EngineReplay.HOSTNAME).load(message -> {});
    } catch (Exception e) {
      throw new IllegalStateException("OSSEC's configuration does not load: " + e.getMessage(), e);
    }
  }

  private int checks;

  private boolean refuses(Scenario scenario) throws Exception {
    Path home = scratch.resolve("check-" + ++checks);
    try {
      return EvaluatorSession.run(scenario.writeHome(SharedData.ossecHome(), home), List.of()).refused();
    } finally {
      Differential.delete(home);
    }
  }
}
