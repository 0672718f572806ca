package dev.ossecaws.differential;

import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.rule.Firing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the configuration without generated rules makes of one line: the rule generator hangs
 * rules where lines go (under the rule a line fires, on its decoder and groups) and cuts their
 * patterns from that line's log, so that most generated rules meet events they match. Found with
 * the evaluator, which is only a guide here: both sides then run the rules.
 *
 * @param log phase 1's log
 * @param rule the id of the rule the line fires, 0 if none
 * @param level that rule's level
 * @param groups that rule's groups, empty if none
 * @param decoder the line's decoder, null if none
 * @param fields what rules read of it: the decoded values by {@code <order>} name, and
 *     {@code hostname} and {@code program_name} of phase 1
 */
record Anchor(String log, int rule, int level, String groups, String decoder, Map<String, String> fields) {
  /** One session of {@code engine} over {@code lines}. */
  static List<Anchor> of(Engine engine, List<Line> lines) {
    Engine session = engine.newSession();
    List<Anchor> anchors = new ArrayList<>();
    for (Line line : lines) {
      if (line.text().length() < 2) continue;
      Verdict verdict = session.process(line.text().length() > 6_000 ? line.text().substring(0, 6_000) : line.text());
      Firing firing = verdict.ruled().firing();
      Map<String, String> fields = new HashMap<>(verdict.decoded().values());
      if (verdict.predecoded().hostname() != null) fields.put("hostname", verdict.predecoded().hostname());
      if (verdict.predecoded().programName() != null) fields.put("program_name", verdict.predecoded().programName());
      anchors.add(new Anchor(verdict.predecoded().log(), firing == null ? 0 : firing.rule().id(),
          firing == null ? 0 : firing.rule().level(), firing == null ? "" : firing.rule().groups(),
          verdict.decoded().decoderName(), fields));
    }
    return anchors;
  }
}
