package dev.ossecaws.install;

import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.engine.ConfigException;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.harness.CaseResult;
import dev.ossecaws.harness.EngineReplay;
import dev.ossecaws.harness.Harness;
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
    int events = 0;
    List<CaseResult> results = new Harness(replay).checkVerdicts(samples);
    for (CaseResult result : results) {
      events += result.events();
      for (String problem : result.problems()) problems.add(samples.relativize(result.file()) + " " + problem);
    }
    return new Result(problems, loaded + "; " + results.size() + " sample cases (" + events + " events) replayed");
  }
}
