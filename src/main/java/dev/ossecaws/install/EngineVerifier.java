package dev.ossecaws.install;

import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.engine.ConfigException;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The installer's verifier on the project's evaluator: loads the manager's ossec.conf and every
 * file it names (OSSEC's own, the site's and ours) exactly as ossec-logtest would.
 */
public final class EngineVerifier implements ManagerVerifier {
  private final Path samples;

  /** {@code samples}: the sample cases to replay once the ruleset is installed. */
  public EngineVerifier(Path samples) {
    this.samples = samples;
  }

  @Override
  public Result verify(Path home, boolean replaySamples) {
    ManagerConfig config;
    try {
      config = ManagerConfig.load(home);
      Engine.builder().config(config).hostname("ossec-aws-install").load(line -> {});
    } catch (ConfigException e) {
      return new Result(List.of(e.getMessage()), "");
    } catch (DecoderException e) {
      return new Result(List.of(e.getMessage()), "");
    }
    String loaded = config.decoderFiles().size() + " decoder files and " + config.ruleFiles().size()
        + " rules files loaded";
    return new Result(List.of(), loaded);
  }
}
