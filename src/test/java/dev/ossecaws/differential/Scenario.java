package dev.ossecaws.differential;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.ProjectCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated comparison: rules layered on OSSEC's default configuration, optionally the
 * project's Amazon ruleset beside it, CDB lists, and the lines of one session.
 *
 * @param rules generated rules files' groups, each one {@code <group>} element holding one rule,
 *     in load order (so a shrinker can drop any of them)
 * @param lists CDB lists by name (the file under {@code rules/}), text as {@code key:value} lines
 * @param amazon whether {@code ruleset/}'s decoder and rules are loaded too, before the generated ones
 * @param lines the session's input
 */
record Scenario(List<String> rules, Map<String, String> lists, boolean amazon, List<Line> lines) {
  static final String RULES_FILE = "differential_rules.xml";
  private static final String LOCAL_RULES = "<include>local_rules.xml</include>";

  Scenario {
    rules = List.copyOf(rules);
    lists = new LinkedHashMap<>(lists);
    lines = List.copyOf(lines);
  }

  Scenario withLines(List<Line> lines) {
    return new Scenario(rules, lists, amazon, lines);
  }

  Scenario withRules(List<String> rules) {
    return new Scenario(rules, lists, amazon, lines);
  }

  Scenario withoutAmazon() {
    return new Scenario(rules, lists, false, lines);
  }

  Scenario withoutLists() {
    return new Scenario(rules, Map.of(), amazon, lines);
  }

  int events() {
    return lines.stream().mapToInt(EvaluatorSession::eventsOf).sum();
  }

  /** The generated rules file's text, empty when there are none. */
  String rulesFile() {
    return String.join("\n", rules) + (rules.isEmpty() ? "" : "\n");
  }

  /**
   * Writes an OSSEC home into {@code dir} (which must not exist): {@code ossecHome}'s {@code etc/}
   * and {@code rules/}, its ossec.conf naming the lists and rules files, and the files themselves.
   */
  Path writeHome(Path ossecHome, Path dir) throws IOException {
    ProjectCopy.copyTree(ossecHome.resolve("etc"), dir.resolve("etc"));
    ProjectCopy.copyTree(ossecHome.resolve("rules"), dir.resolve("rules"));
    StringBuilder added = new StringBuilder();
    for (Map.Entry<String, String> list : lists.entrySet()) {
      Files.writeString(dir.resolve("rules").resolve(list.getKey()), list.getValue(), ISO_8859_1);
      Files.write(dir.resolve("rules").resolve(list.getKey() + ".cdb"), Cdb.of(list.getValue()));
      added.append("<list>rules/").append(list.getKey()).append("</list>");
    }
    String decoders = "";
    if (amazon) {
      Path ruleset = Path.of("ruleset");
      Files.copy(ruleset.resolve("decoders/amazon_decoders.xml"), dir.resolve("etc/amazon_decoders.xml"));
      Files.copy(ruleset.resolve("rules/amazon_rules.xml"), dir.resolve("rules/amazon_rules.xml"));
      decoders = "<decoder>etc/decoder.xml</decoder><decoder>etc/amazon_decoders.xml</decoder>";
      added.append("<include>amazon_rules.xml</include>");
    }
    if (!rules.isEmpty()) {
      Files.writeString(dir.resolve("rules").resolve(RULES_FILE), rulesFile(), ISO_8859_1);
      added.append("<include>").append(RULES_FILE).append("</include>");
    }
    Path conf = dir.resolve("etc/ossec.conf");
    String text = Files.readString(conf, ISO_8859_1);
    if (!text.contains(LOCAL_RULES)) throw new IOException(conf + " names no " + LOCAL_RULES);
    text = text.replace("<rules>", "<rules>" + decoders).replace(LOCAL_RULES, added + LOCAL_RULES);
    Files.writeString(conf, text, ISO_8859_1);
    return dir;
  }

  /** The session's input as ossec-logtest reads it, and each line's gap. */
  List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (Line line : lines) texts.add(line.text());
    return texts;
  }
}
