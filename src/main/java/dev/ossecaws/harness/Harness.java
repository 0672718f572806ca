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
    List<CaseResult> results = new ArrayList<>();
    for (Path file : CaseFile.list(samples)) results.add(runCase(file));
    return results;
  }

  private CaseResult runCase(Path file) throws IOException {
    SampleCase sample;
    try {
      sample = CaseFile.read(file);
    } catch (CaseException e) {
      return new CaseResult(file, List.of(), List.of(e.getMessage()));
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
    String golden = Golden.verify(file, report.toString());
    if (golden != null) problems.add(golden);
    return new CaseResult(file, expectedRules, problems);
  }
}
