package dev.ossecaws.engine;

import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.decode.DecoderLoader;
import dev.ossecaws.decode.DecoderSet;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;

/** Loads a configuration's decoder files in order, with ossec-logtest's messages. */
final class DecoderFiles {
  private static final String LOCAL_DECODERS = "etc/local_decoder.xml";

  private DecoderFiles() {}

  static DecoderSet load(ManagerConfig config, Consumer<String> log) throws DecoderException {
    DecoderLoader loader = new DecoderLoader(config.internalOptions().decoderOrderSize(), log);
    List<RulesetFile> files = config.decoderFiles();
    int configured = 0;
    if (config.legacyDecoders()) {
      // etc/decoder.xml, then etc/local_decoder.xml only if it is there (spec/xml.md §6.3).
      RulesetFile main = files.get(0);
      loader.read(main.ossecPath(), main.path());
      RulesetFile local = files.get(1);
      if (local.ossecPath().equals(LOCAL_DECODERS) && Files.exists(local.path())) {
        loader.read(local.ossecPath(), local.path());
      }
      log.accept("ossec-testrule: INFO: Reading local decoder file.");
      configured = 2;
    }
    for (RulesetFile file : files.subList(configured, files.size())) {
      log.accept("ossec-testrule: INFO: Reading decoder file " + file.ossecPath() + ".");
      loader.read(file.ossecPath(), file.path());
    }
    return loader.build();
  }
}
