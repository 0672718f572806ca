package dev.ossecaws.engine;

import dev.ossecaws.decode.DecoderSet;
import dev.ossecaws.rule.CdbList;
import dev.ossecaws.rule.RuleException;
import dev.ossecaws.rule.RuleLoader;
import dev.ossecaws.rule.RuleSet;
import dev.ossecaws.rule.RuleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Loads a configuration's CDB lists, then its rules files in order, with ossec-logtest's messages. */
final class RuleFiles {
  private RuleFiles() {}

  static RuleSet load(ManagerConfig config, DecoderSet decoders, Consumer<String> log) throws RuleException {
    List<CdbList> lists = new ArrayList<>();
    for (ListFile list : config.listFiles()) {
      log.accept("ossec-testrule: INFO: Reading the lists file: '" + list.name() + "'");
      lists.add(CdbList.read(list.name(), list.textFile()));
    }
    InternalOptions options = config.internalOptions();
    RuleSettings settings = new RuleSettings(
        config.emailAlertLevel(), config.logAlertLevel(), config.memorySize(), options.defaultTimeframe(),
        options.sidPrevMatchedMax(), options.ftsListSize(), options.ftsMinSizeForStr());
    List<RuleLoader.RulesFile> files = new ArrayList<>();
    for (RulesetFile file : config.ruleFiles()) {
      files.add(new RuleLoader.RulesFile(file.configured(), file.ossecPath(), file.path()));
    }
    return new RuleLoader(settings, decoders::idOf, lists, log).load(files);
  }
}
