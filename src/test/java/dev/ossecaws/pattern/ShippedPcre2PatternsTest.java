package dev.ossecaws.pattern;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.SharedData;
import dev.ossecaws.xml.OssecXml;
import dev.ossecaws.xml.XmlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dom4j.Document;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

/** The pcre2 patterns of OSSEC 4.3.0's shipped rules and decoders, compiled and run. */
class ShippedPcre2PatternsTest {
  /**
   * Counted in the shipped files (comments excluded). spec/regex.md §7.6 says 1756; the files hold
   * 1770 pcre2 elements of which 21 are inside comments.
   */
  private static final int SHIPPED_PCRE2_PATTERNS = 1749;

  @Test
  void everyShippedPcre2PatternCompiles() throws Exception {
    List<Element> elements = new ArrayList<>();
    for (Document document : shippedFiles()) collectPcre2(document.getRootElement(), elements);

    List<String> failures = new ArrayList<>();
    for (Element element : elements) {
      try {
        OsPattern.pcre2(element.getText());
      } catch (PatternException e) {
        failures.add(OssecXml.line(element) + ": " + e.getMessage() + " (" + e.getCause() + ")");
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(SHIPPED_PCRE2_PATTERNS, elements.size());
  }

  /**
   * In the real binary's session report, the rule that fired on an event had all its conditions
   * met: its {@code <pcre2>}/{@code <match_pcre2>} matched {@code log}, its
   * {@code <program_name_pcre2>} the program name.
   */
  @Test
  void firedRulesPcre2PatternsMatchTheirEvents() throws Exception {
    Map<String, Element> rules = new HashMap<>();
    Set<String> repeatedIds = new HashSet<>();
    for (Document document : shippedFiles()) {
      for (Element rule : elements(document.getRootElement(), "rule")) {
        String id = rule.attributeValue("id");
        if (rules.put(id, rule) != null) repeatedIds.add(id);
      }
    }
    rules.keySet().removeAll(repeatedIds);

    Map<String, OsPattern> compiled = new HashMap<>();
    int checked = 0;
    List<String> failures = new ArrayList<>();
    for (SessionEvent event : sessionEvents()) {
      Element rule = rules.get(event.ruleId);
      if (rule == null) continue;
      for (String[] condition : List.of(
          new String[] {"pcre2", "regex", event.log},
          new String[] {"match_pcre2", "match", event.log},
          new String[] {"program_name_pcre2", "program_name", event.programName})) {
        String source = concatenated(rule, condition[0]);
        if (source.isEmpty() || !concatenated(rule, condition[1]).isEmpty()) continue;
        OsPattern pattern = compiled.computeIfAbsent(source, ShippedPcre2PatternsTest::pcre2);
        checked++;
        if (!pattern.matches(condition[2])) failures.add("rule " + event.ruleId + " " + source + " on " + condition[2]);
      }
    }
    assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())));
    assertTrue(checked > 1000, "only " + checked + " conditions checked");
  }

  private static OsPattern pcre2(String source) {
    try {
      return OsPattern.pcre2(source);
    } catch (PatternException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static String concatenated(Element rule, String name) {
    StringBuilder text = new StringBuilder();
    for (Element option : rule.elements()) {
      if (option.getName().equalsIgnoreCase(name)) text.append(option.getText());
    }
    return text.toString();
  }

  private record SessionEvent(String log, String programName, String ruleId) {}

  private static List<SessionEvent> sessionEvents() throws IOException {
    String report = Files.readString(SharedData.ossecHome().resolve("tests/session/expected.txt"), ISO_8859_1);
    List<SessionEvent> events = new ArrayList<>();
    for (String block : report.split("\\*\\*Phase 1: Completed pre-decoding\\.\n")) {
      String ruleId = field(block, "Rule id");
      if (ruleId != null) events.add(new SessionEvent(field(block, "log"), field(block, "program_name"), ruleId));
    }
    return events;
  }

  private static String field(String block, String name) {
    String prefix = "       " + name + ": '";
    for (String line : block.split("\n")) {
      if (line.startsWith(prefix) && line.endsWith("'")) return line.substring(prefix.length(), line.length() - 1);
    }
    return null;
  }

  private static List<Document> shippedFiles() throws IOException, XmlException {
    List<Document> documents = new ArrayList<>();
    List<Path> files = new ArrayList<>(ruleFiles());
    files.add(SharedData.ossecHome().resolve("etc/decoder.xml"));
    for (Path file : files) {
      Document document = OssecXml.read(file);
      OssecXml.substituteVariables(document);
      documents.add(document);
    }
    return documents;
  }

  private static List<Path> ruleFiles() throws IOException {
    try (Stream<Path> files = Files.list(SharedData.ossecHome().resolve("rules"))) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }

  private static void collectPcre2(Element parent, List<Element> into) {
    for (Element child : parent.elements()) {
      if (child.getName().toLowerCase(Locale.ROOT).endsWith("pcre2")) into.add(child);
      collectPcre2(child, into);
    }
  }

  private static List<Element> elements(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Element child : parent.elements()) {
      if (child.getName().equals(name)) found.add(child);
      found.addAll(elements(child, name));
    }
    return found;
  }
}
