package dev.ossecaws.harness;

import dev.ossecaws.cloudtrail.RecordLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The golden-file harness: replays every sample case through the evaluator, each in a fresh
 * session, flattening its records exactly as {@code ossec-aws cloudtrail flatten} does; checks each
 * event against its expectation and the case's whole report against its approved file.
 */
public final class Harness {
  private final Replay replay;

  public Harness(Replay replay) {
    this.replay = Objects.requireNonNull(replay, "replay == null");
  }

  /** Every case under {@code samples}; a malformed case fails alone, the others still run. */
  public List<CaseResult> run(Path samples) throws IOException {
    return run(samples, true);
  }

  /**
   * Every case under {@code samples}, checking verdicts only: for a configuration other than the
   * one the golden reports were approved on (a manager with more rules loaded, say).
   */
  public List<CaseResult> checkVerdicts(Path samples) throws IOException {
    return run(samples, false);
  }

  private List<CaseResult> run(Path samples, boolean compareGolden) throws IOException {
    List<CaseResult> results = new ArrayList<>();
    for (Path file : CaseFile.list(samples)) results.add(runCase(file, compareGolden));
    return results;
  }

  private CaseResult runCase(Path file, boolean compareGolden) throws IOException {
    SampleCase sample;
    try {
      sample = CaseFile.read(file);
    } catch (CaseException e) {
      return new CaseResult(file, 0, List.of(), List.of(e.getMessage()));
    }
    Replay.Session session = replay.newSession();
    StringBuilder report = new StringBuilder();
    List<String> problems = new ArrayList<>();
    List<Integer> expectedRules = new ArrayList<>();
    for (int i = 0; i < sample.events().size(); i++) {
      SampleCase.Event event = sample.events().get(i);
      Outcome outcome = session.process(RecordLine.of(event.record()), event.secondsLater());
      report.append(outcome.report());
      if (event.expect().rule() != null) expectedRules.add(event.expect().rule());
      for (String difference : event.expect().differences(outcome)) {
        problems.add("event " + (i + 1) + ": " + difference);
      }
    }
    if (compareGolden) {
      String golden = Golden.verify(file, report.toString());
      if (golden != null) problems.add(golden);
    }
    return new CaseResult(file, sample.events().size(), expectedRules, problems);
  }
}
