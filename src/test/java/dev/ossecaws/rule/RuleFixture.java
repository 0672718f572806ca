package dev.ossecaws.rule;

import dev.ossecaws.event.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rules files written to a folder, loaded with the stock templates' shape, and a session that
 * evaluates hand-made events: a real loader and evaluator, no decoders.
 */
final class RuleFixture {
  static final String SYSLOG_TEMPLATE =
      "<group name=\"syslog,\"><rule id=\"1\" level=\"0\" noalert=\"1\"><category>syslog</category>"
          + "<description>Generic template for all syslog rules.</description></rule></group>\n";
  private static final Map<String, Integer> DECODERS = Map.of("sshd", 5, "pam", 6);

  final List<String> messages = new ArrayList<>();
  /** What the bookkeeping after the alerts printed, which ossec-logtest prints after the report. */
  final List<String> trailingMessages = new ArrayList<>();
  final RuleSet rules;
  final RuleSession session;

  private RuleFixture(RuleSet rules) {
    this.rules = rules;
    this.session = rules.newSession(messages::add, trailingMessages::add);
  }

  /** The syslog template followed by {@code rulesXml}, loaded from {@code folder}. */
  static RuleFixture load(Path folder, String rulesXml) throws IOException, RuleException {
    return load(folder, rulesXml, List.of());
  }

  static RuleFixture load(Path folder, String rulesXml, List<CdbList> lists) throws IOException, RuleException {
    Path file = folder.resolve("test_rules.xml");
    Files.write(file, (SYSLOG_TEMPLATE + rulesXml).getBytes(StandardCharsets.ISO_8859_1));
    List<String> log = new ArrayList<>();
    RuleLoader loader = new RuleLoader(
        RuleSettings.DEFAULTS, name -> DECODERS.getOrDefault(name, -1), lists, log::add);
    RuleFixture fixture = new RuleFixture(
        loader.load(List.of(new RuleLoader.RulesFile("test_rules.xml", "rules/test_rules.xml", file))));
    fixture.messages.addAll(log);
    return fixture;
  }

  static Event event(String log, long second) {
    Event event = new Event();
    event.fullLog = log;
    event.log = log;
    event.hostname = "host";
    event.time = ZonedDateTime.ofInstant(Instant.ofEpochSecond(second), ZoneOffset.UTC);
    return event;
  }

  Firing evaluate(Event event) {
    return rules.evaluate(event, session, null);
  }

  /** The id of the rule found, 0 when none, negated when the firing does not alert. */
  int fire(Event event) {
    Firing firing = evaluate(event);
    if (firing == null) return 0;
    return firing.alert() ? firing.rule().id() : -firing.rule().id();
  }

  /** The {@code -v} trace of one event, one string per step. */
  List<String> trace(Event event) {
    List<String> steps = new ArrayList<>();
    RuleTrace trace = new RuleTrace();
    rules.evaluate(event, session, trace);
    for (RuleTrace.Entry entry : trace.entries()) {
      switch (entry.step()) {
        case TRYING -> steps.add("try " + entry.rule().id());
        case MATCHED -> steps.add("matched " + entry.rule().id());
        case TRYING_CHILDREN -> steps.add("children");
      }
    }
    return steps;
  }
}
