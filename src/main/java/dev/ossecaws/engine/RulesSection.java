package dev.ossecaws.engine;

import dev.ossecaws.pattern.OsPattern;
import dev.ossecaws.pattern.PatternException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dom4j.Attribute;
import org.dom4j.Element;

/**
 * The {@code <rules>} sections of ossec.conf (spec/xml.md §5.4): decoder, list and rules files in
 * document order. A section that names files of a kind replaces the previous sections' files of
 * that kind (OSSEC restarts its list positions at every section); no decoder at all means the
 * legacy {@code etc/decoder.xml} and {@code etc/local_decoder.xml}.
 */
final class RulesSection {
  private static final String DEFAULT_DIR_PATTERN = ".xml$";

  private final Path home;
  private final OssecConfReader reader;
  private List<RulesetFile> decoders = List.of();
  private List<ListFile> lists = List.of();
  private List<RulesetFile> rules = List.of();

  RulesSection(Path home, OssecConfReader reader) {
    this.home = home;
    this.reader = reader;
  }

  void read(Element section) throws ConfigException {
    List<RulesetFile> sectionDecoders = new ArrayList<>();
    List<ListFile> sectionLists = new ArrayList<>();
    List<RulesetFile> sectionRules = new ArrayList<>();
    for (Element entry : section.elements()) {
      String name = entry.getName();
      String content = entry.getText();
      switch (name) {
        case "include":
        case "rule":
          sectionRules.add(ruleFile(content));
          break;
        case "decoder":
          sectionDecoders.add(file(content, content));
          break;
        case "list":
          sectionLists.add(listFile(content));
          break;
        case "rule_dir":
          sectionRules.addAll(directory(entry, sectionRules, this::ruleFile));
          break;
        case "decoder_dir":
          sectionDecoders.addAll(directory(entry, sectionDecoders, f -> file(f, f)));
          break;
        default:
          throw reader.sectionError(entry, OssecConfReader.invalidElement(name));
      }
    }
    if (!sectionDecoders.isEmpty()) decoders = sectionDecoders;
    if (!sectionLists.isEmpty()) lists = sectionLists;
    if (!sectionRules.isEmpty()) rules = sectionRules;
  }

  void finish(ManagerConfig.Builder config) {
    if (decoders.isEmpty()) {
      config.legacyDecoders = true;
      decoders = List.of(file("etc/decoder.xml", "etc/decoder.xml"),
          file("etc/local_decoder.xml", "etc/local_decoder.xml"));
    }
    config.decoderFiles.addAll(decoders);
    config.listFiles.addAll(lists);
    config.ruleFiles.addAll(rules);
  }

  private RulesetFile ruleFile(String configured) {
    return file(configured, configured.contains("/") ? configured : "rules//" + configured);
  }

  private ListFile listFile(String configured) {
    String name = configured.contains("/") ? configured : "rules/" + configured;
    int cdb = name.indexOf(".cdb");
    if (cdb >= 0) name = name.substring(0, cdb);
    return new ListFile(configured, name, resolve(name), resolve(name + ".cdb"));
  }

  private RulesetFile file(String configured, String ossecPath) {
    return new RulesetFile(configured, ossecPath, resolve(ossecPath));
  }

  /** OSSEC runs chrooted in its home, so even absolute paths are under it. */
  private Path resolve(String ossecPath) {
    int start = 0;
    while (start < ossecPath.length() && ossecPath.charAt(start) == '/') start++;
    return home.resolve(ossecPath.substring(start));
  }

  /**
   * The files of a {@code rule_dir} or {@code decoder_dir} whose {@code <dir>/<entry>} matches the
   * pattern and that {@code listed} names neither in full nor by entry name, in byte order; an
   * unreadable directory adds nothing.
   */
  private List<RulesetFile> directory(
      Element entry, List<RulesetFile> listed, Function<String, RulesetFile> toFile)
      throws ConfigException {
    OsPattern pattern = dirPattern(entry);
    String dir = entry.getText();
    List<String> names;
    try (Stream<Path> files = Files.list(resolve(dir))) {
      names = files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
    } catch (IOException unreadable) {
      return List.of();
    }
    List<RulesetFile> found = new ArrayList<>();
    for (String name : names) {
      String configured = dir + "/" + name;
      boolean known = listed.stream()
          .anyMatch(f -> f.configured().equals(configured) || f.configured().equals(name));
      if (!known && pattern.matches(configured)) found.add(toFile.apply(configured));
    }
    return found;
  }

  private OsPattern dirPattern(Element entry) throws ConfigException {
    String source = DEFAULT_DIR_PATTERN;
    if (entry.attributeCount() > 0) {
      Attribute attribute = entry.attributes().stream()
          .filter(a -> a.getName().equalsIgnoreCase("pattern")).findFirst()
          .orElseThrow(() -> reader.sectionError(entry, "ossec-testrule: ERROR: Invalid attribute '"
              + entry.attribute(0).getName() + "' for '" + entry.getName() + "': only 'pattern' is allowed."));
      source = attribute.getValue();
    }
    try {
      return OsPattern.regex(source);
    } catch (PatternException e) {
      throw reader.sectionError(entry, "ossec-testrule: ERROR: Invalid pattern '" + source
          + "' for '" + entry.getName() + "': " + e.getMessage());
    }
  }
}
