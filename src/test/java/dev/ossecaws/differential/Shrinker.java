package dev.ossecaws.differential;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a failing scenario (one where the two sides differ, or where OSSEC crashes) as small as it
 * stays failing (delta debugging):
 * the lines after the first difference go, then chunks of the others (each kept line keeps its
 * time, so a removed line's gap passes to the next), then the clock gaps if they do not matter,
 * then every generated rule, the Amazon ruleset and the lists that it does not need.
 */
final class Shrinker {
  private final Differential differential;
  private final Predicate<Differential.Result> failing;
  private final int budget;
  private int tries;

  /** Keeps what {@code failing} holds for; at most {@code budget} sessions of both sides are run. */
  Shrinker(Differential differential, Predicate<Differential.Result> failing, int budget) {
    this.differential = differential;
    this.failing = failing;
    this.budget = budget;
  }

  int tries() {
    return tries;
  }

  /** A scenario on which the two sides differ, and their outputs. */
  record Shrunk(Scenario scenario, Differential.Result result) {}

  /** The smallest scenario found that still differs, with its result. */
  Shrunk shrink(Scenario scenario, Differential.Result failed) throws IOException {
    int focus = failed.focusLine();
    Scenario best = scenario;
    Differential.Result bestResult = failed;
    if (focus >= 0 && focus + 1 < scenario.lines().size()) {
      Scenario cut = scenario.withLines(scenario.lines().subList(0, focus + 1));
      Differential.Result result = differs(cut);
      if (result != null) {
        best = cut;
        bestResult = result;
      }
    }
    for (int round = 0; round < 2; round++) {
      Shrunk lines = lines(best, bestResult);
      best = lines.scenario;
      bestResult = lines.result;
      if (best.lines().stream().anyMatch(l -> l.secondsLater() > 0)) {
        Scenario still = best.withLines(best.lines().stream().map(l -> new Line(l.text(), 0)).toList());
        Differential.Result result = differs(still);
        if (result != null) {
          best = still;
          bestResult = result;
        }
      }
      for (int i = best.rules().size() - 1; i >= 0; i--) {
        List<String> fewer = new ArrayList<>(best.rules());
        fewer.remove(i);
        Differential.Result result = differs(best.withRules(fewer));
        if (result != null) {
          best = best.withRules(fewer);
          bestResult = result;
        }
      }
      for (Scenario simpler : List.of(best.withoutAmazon(), best.withoutLists())) {
        if (simpler.equals(best)) continue;
        Differential.Result result = differs(simpler);
        if (result != null) {
          best = simpler;
          bestResult = result;
        }
      }
    }
    return new Shrunk(best, bestResult);
  }

  /** ddmin over the lines: try dropping each of n chunks, refining n while nothing can go. */
  private Shrunk lines(Scenario scenario, Differential.Result result) throws IOException {
    List<Line> lines = scenario.lines();
    int chunks = 2;
    while (lines.size() >= 2 && tries < budget) {
      boolean removed = false;
      int size = lines.size();
      for (int c = 0; c < chunks && !removed; c++) {
        int from = c * size / chunks;
        int to = (c + 1) * size / chunks;
        List<Line> rest = without(lines, from, to);
        Differential.Result tried = differs(scenario.withLines(rest));
        if (tried != null) {
          lines = rest;
          result = tried;
          chunks = Math.max(chunks - 1, 2);
          removed = true;
        }
      }
      if (!removed) {
        if (chunks >= size) break;
        chunks = Math.min(chunks * 2, size);
      }
    }
    return new Shrunk(scenario.withLines(lines), result);
  }

  /** {@code lines} without {@code [from, to)}, every kept line at the time it had. */
  static List<Line> without(List<Line> lines, int from, int to) {
    List<Line> kept = new ArrayList<>();
    int carried = 0;
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (i >= from && i < to) {
        carried += line.secondsLater();
      } else {
        kept.add(new Line(line.text(), line.secondsLater() + carried));
        carried = 0;
      }
    }
    return kept;
  }

  /** The result when {@code scenario} still fails, null when it passes (or the budget is spent). */
  private Differential.Result differs(Scenario scenario) throws IOException {
    if (tries >= budget || scenario.lines().isEmpty()) return null;
    tries++;
    Differential.Result result = differential.run(scenario);
    return failing.test(result) ? result : null;
  }
}
