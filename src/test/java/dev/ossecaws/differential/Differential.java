package dev.ossecaws.differential;

import dev.ossecaws.harness.ClockedOracle;
import dev.ossecaws.harness.LogtestProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs one session through OSSEC 4.3.0's ossec-logtest ({@code -v}, on a clock that moves by each
 * line's gap, see {@link ClockedOracle}) and through the evaluator on the same home and clock,
 * and finds where their output first differs.
 */
final class Differential {
  private final Path ossecHome;
  private final Path scratch;
  private int runs;

  Differential(Path ossecHome, Path scratch) {
    this.ossecHome = ossecHome;
    this.scratch = scratch;
  }

  /** Where the two sessions' output first differs. */
  record Difference(String where, int line, String ossec, String evaluator) {
    @Override
    public String toString() {
      return where;
    }
  }

  /**
   * Both sides' output of one session. When OSSEC crashed ({@code crashed}), both stop at the
   * last event it finished.
   */
  record Result(SessionReport ossec, SessionReport evaluator, List<Line> lines, boolean crashed) {
    /** The input line where the two first differ, or where OSSEC crashed; -1 if neither. */
    int focusLine() {
      Difference difference = firstDifference();
      if (difference != null) return difference.line();
      return crashed ? lineOf(ossec.events().size()) : -1;
    }

    /** The first difference, null when the two printed the same. */
    Difference firstDifference() {
      if (ossec.refused() != evaluator.refused() || !ossec.startUp().equals(evaluator.startUp())) {
        return new Difference("start-up (" + (ossec.refused() ? "OSSEC refused the configuration" : "OSSEC loaded it")
            + ", the evaluator " + (evaluator.refused() ? "refused it" : "loaded it") + ")", -1,
            ossec.startUp(), evaluator.startUp());
      }
      List<String> theirs = ossec.events();
      List<String> ours = evaluator.events();
      for (int i = 0; i < Math.min(theirs.size(), ours.size()); i++) {
        if (!theirs.get(i).equals(ours.get(i))) {
          int line = lineOf(i);
          return new Difference("event " + (i + 1) + " (input line " + (line + 1) + ")", line, theirs.get(i), ours.get(i));
        }
      }
      if (theirs.size() == ours.size()) return null;
      int shorter = Math.min(theirs.size(), ours.size());
      return new Difference("OSSEC printed " + theirs.size() + " events, the evaluator " + ours.size(), lineOf(shorter),
          theirs.size() > shorter ? theirs.get(shorter) : "", ours.size() > shorter ? ours.get(shorter) : "");
    }

    /** The 0-based input line that made the 0-based event {@code event}. */
    private int lineOf(int event) {
      int seen = 0;
      for (int line = 0; line < lines.size(); line++) {
        seen += EvaluatorSession.eventsOf(lines.get(line));
        if (seen > event) return line;
      }
      return lines.size() - 1;
    }
  }

  /** How the oracle's shell tells that OSSEC died of a signal, in place of what it had not flushed. */
  private static final String CRASH_MESSAGE = "ossec-logtest-real: line ";

  /** {@code scenario}'s home written afresh, and its session through both. */
  Result run(Scenario scenario) throws IOException {
    Path dir = scratch.resolve("run-" + ++runs);
    try {
      return run(scenario.writeHome(ossecHome, dir.resolve("home")), scenario.lines(), dir);
    } finally {
      delete(dir);
    }
  }

  /** A session of {@code lines} on {@code home} through both; {@code work} holds the oracle's copy. */
  static Result run(Path home, List<Line> lines, Path work) throws IOException {
    SessionReport evaluator = EvaluatorSession.run(home, lines);
    List<String> texts = new ArrayList<>();
    List<Integer> gaps = new ArrayList<>();
    int[] eventsBefore = new int[lines.size() + 1];
    for (int i = 0; i < lines.size(); i++) {
      texts.add(lines.get(i).text());
      gaps.add(lines.get(i).secondsLater());
      eventsBefore[i + 1] = eventsBefore[i] + EvaluatorSession.eventsOf(lines.get(i));
    }
    ClockedOracle oracle = ClockedOracle.on(home, null, work.resolve("oracle"));
    LogtestProcess.Ended ended = oracle.replayCountingEvents(texts, gaps, events -> linesDone(eventsBefore, events), "-v");
    boolean crashed = ended.exitCode() > 128;  // killed by a signal
    SessionReport ossec = SessionReport.parse(ended.output(), ended.exitCode() != 0 && !crashed);
    if (crashed) {
      int finished = Math.max(0, ossec.events().size() - 1);  // the last report was cut by the crash
      String startUp = ossec.startUp();
      int shellSays = startUp.indexOf(CRASH_MESSAGE);
      if (shellSays >= 0) {
        // Crashed on its first line: the start-up it had not yet flushed is lost, and the shell's
        // message stands in its place. What it did print is compared; the rest is the crash's.
        startUp = startUp.substring(0, startUp.lastIndexOf('\n', shellSays) + 1);
        if (evaluator.startUp().startsWith(startUp)) {
          evaluator = new SessionReport(startUp, evaluator.events(), evaluator.refused());
        }
      }
      ossec = new SessionReport(startUp, ossec.events().subList(0, finished), false);
      evaluator = new SessionReport(evaluator.startUp(),
          evaluator.events().subList(0, Math.min(finished, evaluator.events().size())), evaluator.refused());
    }
    return new Result(ossec, evaluator, lines, crashed);
  }

  /** The lines whose events have all been printed, once {@code events} have. */
  private static int linesDone(int[] eventsBefore, int events) {
    int lines = 0;
    while (lines + 1 < eventsBefore.length && eventsBefore[lines + 1] <= events) lines++;
    return lines;
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
