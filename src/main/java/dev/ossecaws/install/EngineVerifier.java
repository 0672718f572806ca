package dev.ossecaws.install;

import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.engine.ConfigException;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.harness.CaseException;
import dev.ossecaws.harness.CaseFile;
import dev.ossecaws.harness.EngineReplay;
import dev.ossecaws.harness.Replay;
import dev.ossecaws.harness.SampleCase;
import dev.ossecaws.rule.RuleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The installer's verifier on the project's evaluator: loads the manager's ossec.conf and every
 * file it names (OSSEC's own, the site's and ours) exactly as ossec-logtest would, then replays
 * every sample case on that configuration and reports each event whose verdict (decoder, fields,
 * rule, level, alert) differs from what the case expects. Golden reports are the harness's business.
 */
public final class EngineVerifier implements ManagerVerifier {
  private final Path samples;

  /** {@code samples}: the sample cases to replay once the ruleset is installed. */
  public EngineVerifier(Path samples) {
    this.samples = samples;
  }

  @Override
  public Result verify(Path home, boolean replaySamples) throws IOException {
    ManagerConfig config;
    EngineReplay replay;
    try {
      config = ManagerConfig.load(home);
      replay = EngineReplay.load(config);
    } catch (ConfigException | DecoderException | RuleException e) {
      return new Result(List.of(e.getMessage()), "");
    }
    String loaded = config.decoderFiles().size() + " decoder files and " + config.ruleFiles().size()
        + " rules files loaded";
    if (!replaySamples) return new Result(List.of(), loaded);
    if (samples == null || !Files.isDirectory(samples)) {
      return new Result(List.of("samples directory not found: " + samples + " (pass --samples DIR)"), loaded);
    }
    List<String> problems = new ArrayList<>();
    List<Path> cases = CaseFile.list(samples);
    int events = 0;
    for (Path file : cases) events += replay(replay, file, problems);
    return new Result(problems, loaded + "; " + cases.size() + " sample cases (" + events + " events) replayed");
  }

  /** Replays one case in a fresh session; returns its number of events. */
  private int replay(Replay replay, Path file, List<String> problems) {
    SampleCase sample;
    try {
      sample = CaseFile.read(file);
    } catch (CaseException e) {
      problems.add(e.getMessage());
      return 0;
    }
    Replay.Session session = replay.newSession();
    for (int i = 0; i < sample.events().size(); i++) {
      SampleCase.Event event = sample.events().get(i);
      for (String difference : event.expect().differences(session.process(RecordLine.of(event.record()), event.secondsLater()))) {
        problems.add(samples.relativize(file) + " event " + (i + 1) + ": " + difference);
      }
    }
    return sample.events().size();
  }
}
