package dev.ossecaws.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.SharedData;
import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.ManagerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample case, replayed through OSSEC 4.3.0's own ossec-logtest and through the evaluator,
 * both with the ruleset beside OSSEC's default rules ({@code ../shared/ossec-4.3.0}): each event's
 * report (phases 1 to 3) must be the same, byte for byte. Each case is one session of each, and
 * both clocks start at {@link EngineReplay#TIME} and move by each event's {@code secondsLater}, so
 * the cases that test a correlation timeframe are compared too (see {@link ClockedOracle}).
 *
 * <p>The oracle names the ruleset's files in ossec.conf before {@code local_rules.xml}; the
 * evaluator loads them after the configured files, as {@code ossec-aws test -D} does. OSSEC's
 * local rules do not touch the ruleset's, so the two load the same tree.
 */
class RealOssecSamplesTest {
  private static final Path RULESET = Path.of("ruleset");
  private static final Path SAMPLES = Path.of("samples");
  /** An alert's first line: its time (seconds since the epoch) and a counter. */
  private static final Pattern ALERT = Pattern.compile("(?m)^\\*\\* Alert (\\d+)\\.\\d+:");

  @TempDir Path scratch;
  ClockedOracle oracle;

  @BeforeEach
  void startOracle() throws Exception {
    oracle = ClockedOracle.on(SharedData.ossecHome(), RULESET, scratch);
  }

  @Test
  void everyEventOfEverySampleGetsOssecsOwnReport() throws Exception {
    Replay evaluator = EngineReplay.load(ManagerConfig.load(SharedData.ossecHome()).newBuilder()
        .addRuleset(RULESET).build());
    List<String> differences = new ArrayList<>();
    int events = 0;
    int moved = 0;
    List<Path> files = CaseFile.list(SAMPLES);
    for (Path file : files) {
      SampleCase sample = CaseFile.read(file);
      List<String> lines = sample.events().stream().map(e -> RecordLine.of(e.record())).toList();
      List<Integer> secondsLater = sample.events().stream().map(SampleCase.Event::secondsLater).toList();
      Replay.Session session = evaluator.newSession();
      StringBuilder ours = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) ours.append(session.process(lines.get(i), secondsLater.get(i)).report());
      LogtestProcess.Ended real = oracle.replay(lines, secondsLater);
      differences.addAll(differences(file, LogtestOutput.parse(ours.toString()).events(), real));
      events += lines.size();
      moved += (int) secondsLater.stream().filter(s -> s > 0).count();
    }
    System.err.println("RealOssecSamplesTest: " + files.size() + " cases, " + events + " events compared with"
        + " OSSEC 4.3.0's ossec-logtest, the clock moved before " + moved + " of them");
    assertTrue(differences.isEmpty(), differences.size() + " differences from OSSEC's own ossec-logtest:\n"
        + String.join("\n", differences));
  }

  /**
   * What the comparison above stands on: OSSEC's clock starts at the session's time and moves by
   * each gap, no more. Read in the time stamps of its alerts ({@code -a}), for lines that alert
   * alone: the first events of cases that expect an alert, of different rules.
   */
  @Test
  void oraclesClockStartsAtTheSessionTimeAndMovesByEachGap() throws Exception {
    Map<Integer, String> alerting = new LinkedHashMap<>();
    for (Path file : CaseFile.list(SAMPLES)) {
      SampleCase.Event first = CaseFile.read(file).events().get(0);
      if (first.expect().alert()) alerting.putIfAbsent(first.expect().rule(), RecordLine.of(first.record()));
    }
    List<Integer> gaps = List.of(0, 0, 361, 86_400);
    assertTrue(alerting.size() >= gaps.size(), "too few cases start with an alert: " + alerting.keySet());
    List<String> lines = List.copyOf(alerting.values()).subList(0, gaps.size());
    LogtestProcess.Ended ended = oracle.replay(lines, gaps,
        output -> (int) ALERT.matcher(output).results().count(), "-q", "-a");
    List<Long> times = ALERT.matcher(ended.output()).results().map(m -> Long.parseLong(m.group(1))).toList();
    long start = EngineReplay.TIME.toEpochSecond();
    assertEquals(List.of(start, start, start + 361, start + 361 + 86_400), times, ended.output());
  }

  private static List<String> differences(Path file, List<String> ours, LogtestProcess.Ended real) {
    List<String> differences = new ArrayList<>();
    if (real.exitCode() != 0) differences.add(file + ": ossec-logtest exited " + real.exitCode() + ": " + real.lastLine());
    List<String> theirs = real.parsed().events();
    if (theirs.size() != ours.size()) {
      differences.add(file + ": OSSEC reported " + theirs.size() + " events, the evaluator " + ours.size());
    }
    for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
      if (ours.get(i).equals(theirs.get(i))) continue;
      differences.add(file + ", event " + (i + 1) + ":\n" + ClockedOracle.unifiedDiff(theirs.get(i), ours.get(i)));
    }
    return differences;
  }
}
