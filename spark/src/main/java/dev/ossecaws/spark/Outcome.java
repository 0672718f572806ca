package dev.ossecaws.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;

/** What the sessions of one Spark partition give: alert lines, the problems passed on, and a count of records. */
record Outcome(String line, int ruleId, int level, String description, Item.Problem problem, long records)
    implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One alert: its line (replay's {@code --alerts} JSON object) and its rule, for the summary. */
  static Outcome alert(ObjectNode line) {
    JsonNode rule = line.get("rule");
    return new Outcome(text(line), rule.get("id").intValue(), rule.get("level").intValue(),
        rule.get("description").textValue(), null, 0);
  }

  static Outcome problem(Item.Problem problem) {
    return new Outcome(null, 0, 0, null, problem, 0);
  }

  /** Records evaluated by one task. */
  static Outcome evaluated(long records) {
    return new Outcome(null, 0, 0, null, null, records);
  }

  /** As replay writes it. */
  private static String text(ObjectNode line) {
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  boolean isAlert() {
    return line != null;
  }
}
