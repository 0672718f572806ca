package dev.ossecaws.rule;

import dev.ossecaws.xml.OssecXml;
import dev.ossecaws.xml.XmlException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.Element;

/** Loads rules files, in order, into a {@link RuleSet} (spec/rules.md §1, §3). */
public final class RuleLoader {
  /**
   * A rules file: its name as configured and as OSSEC opens it (both quoted in OSSEC's messages),
   * and where it is.
   */
  public record RulesFile(String configured, String ossecPath, Path path) {}

  final RuleSettings settings;
  final ToIntFunction<String> decoderIds;
  private final Map<String, CdbList> lists = new HashMap<>();
  private final Consumer<String> log;

  /**
   * @param decoderIds the id of a decoder name (spec/decoders.md §3.1), or -1 if no decoder has it
   * @param lists the configured CDB lists
   * @param log receives OSSEC's non-fatal load messages, without timestamps
   */
  public RuleLoader(
      RuleSettings settings, ToIntFunction<String> decoderIds, List<CdbList> lists, Consumer<String> log) {
    this.settings = settings;
    this.decoderIds = decoderIds;
    for (CdbList list : lists) this.lists.put(list.name(), list);
    this.log = log;
  }

  public RuleSet load(List<RulesFile> files) throws RuleException {
    RuleTreeBuilder tree = new RuleTreeBuilder(log);
    for (RulesFile file : files) load(file, tree);
    return tree.build(settings);
  }

  private void load(RulesFile file, RuleTreeBuilder tree) throws RuleException {
    Document document;
    try {
      document = OssecXml.read(file.path());
    } catch (XmlException e) {
      throw new RuleException(e.file() + ":" + e.line(), List.of(
          "ossec-analysisd(1226): ERROR: Error reading XML file '" + file.ossecPath() + "': " + e.detail()
              + " (line " + e.line() + ").",
          loadingFailed(file.configured())));
    }
    try {
      OssecXml.substituteVariables(document);
    } catch (XmlException e) {
      // The real binary applies variables after reading, and says so without a line.
      throw new RuleException(e.file() + ":" + e.line(), List.of(
          "ossec-analysisd(1227): ERROR: Error applying XML variables '" + file.ossecPath() + "': " + e.detail() + ".",
          loadingFailed(file.configured())));
    }
    for (Element group : document.getRootElement().elements()) {
      String where = file.configured() + ":" + OssecXml.line(group);
      if (!group.getName().equalsIgnoreCase("group")) {
        throw new RuleException(where, List.of(
            "rules_op: Invalid root element \"" + group.getName() + "\".Only \"group\" is allowed", loadingFailed(file.configured())));
      }
      List<Attribute> attributes = group.attributes();
      if (attributes.size() != 1 || !attributes.get(0).getName().toLowerCase(Locale.ROOT).equals("name")) {
        throw new RuleException(where, List.of(
            "rules_op: Invalid root element '" + group.getName() + "'.Only the group name is allowed",
            loadingFailed(file.configured())));
      }
      List<Element> rules = group.elements();
      if (rules.isEmpty()) {
        throw new RuleException(where, List.of(
            "ossec-analysisd: Group '" + group.getName() + "' without any rule.", loadingFailed(file.configured())));
      }
      for (int position = 0; position < rules.size(); position++) {
        Element rule = rules.get(position);
        if (!rule.getName().equalsIgnoreCase("rule")) {
          throw new RuleException(file.configured() + ":" + OssecXml.line(rule), List.of(
              "ossec-analysisd: Invalid configuration. '" + rule.getName() + "' is not a valid element.",
              loadingFailed(file.configured())));
        }
        tree.add(new RuleReader(this, file.configured(), rule).read(position, attributes.get(0).getValue()));
      }
    }
  }

  /** What ossec-logtest prints last when the rules file configured as {@code configured} fails to load. */
  static String loadingFailed(String configured) {
    return "ossec-testrule(1220): ERROR: Error loading the rules: '" + configured + "'.";
  }

  void log(String line) {
    log.accept(line);
  }

  /** The list configured as {@code name} or {@code name} minus {@code .cdb}; null if none. */
  CdbList list(String name) {
    CdbList list = lists.get(name);
    if (list == null && name.endsWith(".cdb")) list = lists.get(name.substring(0, name.length() - 4));
    return list;
  }
}
