package dev.ossecaws.cli;

import dev.ossecaws.engine.ConfigException;
import dev.ossecaws.engine.ManagerConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -D}, {@code -c} and {@code --ruleset}: which manager configuration a command evaluates with. */
final class ManagerOptions {
  @Option(names = "-D", paramLabel = "DIR", description = "OSSEC home (default: /var/ossec).")
  Path home;

  @Option(names = "-c", paramLabel = "FILE", description = "ossec.conf (default: <DIR>/etc/ossec.conf).")
  Path config;

  @Option(names = "--ruleset", paramLabel = "DIR", description = "Also load DIR/decoders/*.xml and DIR/rules/*.xml; alone, with OSSEC's defaults.")
  Path ruleset;

  ManagerConfig managerConfig() throws ConfigException, IOException {
    return of(home, config, ruleset);
  }

  /**
   * The home's ossec.conf (or {@code config}), with a project ruleset on top; the ruleset alone,
   * with OSSEC's defaults, when neither home nor config is given. Null arguments are absent.
   */
  static ManagerConfig of(Path home, Path config, Path ruleset) throws ConfigException, IOException {
    if (ruleset != null && home == null && config == null) {
      return ManagerConfig.defaults(ruleset).addRuleset(ruleset).build();
    }
    Path ossecHome = home != null ? home : ManagerConfig.DEFAULT_HOME;
    ManagerConfig manager =
        ManagerConfig.load(ossecHome, config != null ? config : ossecHome.resolve("etc/ossec.conf"));
    return ruleset == null ? manager : manager.newBuilder().addRuleset(ruleset).build();
  }
}
