package dev.ossecaws.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.event.Event;
import dev.ossecaws.rule.Firing;
import java.nio.charset.StandardCharsets;

/**
 * One event's verdict as one line of JSON, for machines. Byte strings are read as UTF-8 (invalid
 * sequences become U+FFFD); unset values are JSON null.
 *
 * <p>{@code fields} holds what rules read (plugin decoders' and the accumulator's values too);
 * {@code assignments} holds the {@code <order>} assignments phase 2 prints, in order, with its
 * labels.
 */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReport() {}

  /** The UTF-8 bytes of the JSON object, newline included. */
  public static byte[] of(Verdict verdict) {
    try {
      return (MAPPER.writeValueAsString(tree(verdict)) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  /** The same object as a tree, for callers that add keys of their own (replay's alert lines). */
  public static ObjectNode tree(Verdict verdict) {
    ObjectNode root = MAPPER.createObjectNode();
    Verdict.Predecoded phase1 = verdict.predecoded();
    root.put("full_log", text(phase1.fullLog()));
    root.put("hostname", text(phase1.hostname()));
    root.put("program_name", text(phase1.programName()));
    root.put("log", text(phase1.log()));
    Verdict.Decoded phase2 = verdict.decoded();
    root.put("decoder", text(phase2.decoderName()));
    ObjectNode fields = root.putObject("fields");
    phase2.values().forEach((name, value) -> fields.put(text(name), text(value)));
    ArrayNode assignments = root.putArray("assignments");
    for (Event.FieldValue field : phase2.fields()) {
      assignments.addObject().put("name", text(field.label())).put("value", text(field.value()));
    }
    Firing firing = verdict.ruled().firing();
    if (firing == null) {
      root.putNull("rule");
    } else {
      ObjectNode rule = root.putObject("rule");
      rule.put("id", firing.rule().id());
      rule.put("level", firing.rule().level());
      rule.put("description", text(firing.rule().description()));
      ArrayNode groups = rule.putArray("groups");
      for (String group : firing.rule().groups().split(",")) {
        if (!group.isEmpty()) groups.add(text(group));
      }
      rule.put("alert", firing.alert());
    }
    return root;
  }

  private static String text(String byteString) {
    if (byteString == null) return null;
    return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
