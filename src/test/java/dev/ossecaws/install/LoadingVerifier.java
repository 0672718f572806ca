package dev.ossecaws.install;

import dev.ossecaws.xml.OssecXml;
import dev.ossecaws.xml.XmlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dom4j.Document;
import org.dom4j.Element;

/**
 * A stand-in for the engine's verifier in installer tests: it lists the decoder and rules files
 * the manager would load from ossec.conf (spec/xml.md §5.4, including the etc/decoder.xml default)
 * and reads each with the project's XML reader; instead of replaying samples it checks that the
 * ruleset's files are all loaded, OSSEC's decoder.xml too, and local_rules.xml after ours.
 */
final class LoadingVerifier implements ManagerVerifier {
  private final Ruleset ruleset;

  LoadingVerifier(Ruleset ruleset) {
    this.ruleset = ruleset;
  }

  @Override
  public Result verify(Path home, boolean replaySamples) throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> decoders = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    try {
      Document conf = OssecXml.read(ManagerHome.CONF, home.resolve(ManagerHome.CONF));
      for (Element section : conf.getRootElement().element("ossec_config").elements("rules")) {
        for (Element entry : section.elements()) {
          String name = entry.getText();
          switch (entry.getName()) {
            case "include", "rule" -> rules.add(name.contains("/") ? name : "rules/" + name);
            case "decoder" -> decoders.add(name);
            case "rule_dir" -> rules.addAll(xmlFiles(home, name, rules));
            case "decoder_dir" -> decoders.addAll(xmlFiles(home, name, decoders));
            default -> problems.add("unexpected <" + entry.getName() + "> in <rules>");
          }
        }
      }
    } catch (XmlException e) {
      return new Result(List.of(e.getMessage()), "");
    }
    if (decoders.isEmpty()) {
      decoders.add(ConfBlock.STOCK_DECODERS);
      if (Files.exists(home.resolve(ConfBlock.LOCAL_DECODERS))) decoders.add(ConfBlock.LOCAL_DECODERS);
    }
    for (String file : concat(decoders, rules)) {
      try {
        OssecXml.read(file, home.resolve(file));
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

  private static List<String> xmlFiles(Path home, String dir, List<String> already) throws IOException {
    if (!Files.isDirectory(home.resolve(dir))) return List.of();
    try (Stream<Path> files = Files.list(home.resolve(dir))) {
      return files.map(f -> dir + "/" + f.getFileName())
          .filter(name -> name.toLowerCase().endsWith(".xml") && !already.contains(name))
          .sorted()
          .toList();
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
