package dev.ossecaws.install;

import dev.ossecaws.engine.ConfigException;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.engine.RulesetFile;
import dev.ossecaws.xml.OssecXml;
import dev.ossecaws.xml.XmlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A quicker stand-in for {@link EngineVerifier} in installer tests, which load hundreds of
 * managers: it reads ossec.conf with the project's {@link ManagerConfig} and every file it names
 * with the project's XML reader (an absent default etc/local_decoder.xml is fine), and instead of replaying samples it checks that the ruleset's
 * files are all loaded, OSSEC's etc/decoder.xml too, and local_rules.xml after ours.
 */
final class LoadingVerifier implements ManagerVerifier {
  private final Ruleset ruleset;

  LoadingVerifier(Ruleset ruleset) {
    this.ruleset = ruleset;
  }

  @Override
  public Result verify(Path home, boolean replaySamples) {
    ManagerConfig config;
    try {
      config = ManagerConfig.load(home);
    } catch (ConfigException e) {
      return new Result(List.of(e.getMessage()), "");
    }
    List<String> problems = new ArrayList<>();
    List<String> decoders = config.decoderFiles().stream().map(RulesetFile::ossecPath).toList();
    List<String> rules = config.ruleFiles().stream().map(f -> home.relativize(f.path()).toString()).toList();
    for (RulesetFile file : Stream.concat(config.decoderFiles().stream(), config.ruleFiles().stream()).toList()) {
      if (file.ossecPath().equals(ConfBlock.LOCAL_DECODERS) && config.legacyDecoders() && !Files.exists(file.path())) {
        continue;
      }
      try {
        OssecXml.read(file.ossecPath(), file.path());
      } catch (XmlException e) {
        problems.add(e.getMessage());
      }
    }
    if (!decoders.contains(ConfBlock.STOCK_DECODERS)) problems.add("OSSEC's etc/decoder.xml is not loaded");
    if (replaySamples) {
      for (String decoder : ruleset.decoders()) {
        if (!decoders.contains(decoder)) problems.add(decoder + " is not loaded");
      }
      for (String file : ruleset.ruleFiles()) {
        int ours = rules.indexOf("rules/" + file);
        int local = rules.indexOf("rules/local_rules.xml");
        if (ours < 0) problems.add("rules/" + file + " is not loaded");
        if (local >= 0 && local < ours) problems.add("local_rules.xml is loaded before " + file);
      }
    }
    return new Result(problems, decoders.size() + " decoder files and " + rules.size() + " rules files read");
  }
}
