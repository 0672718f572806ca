package dev.ossecaws.harness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads sample case files (CONTRIBUTING.md, "Sample cases"), strictly: a misspelt or missing key is
 * an error naming the file and the place, never a silently weaker test.
 */
public final class CaseFile {
  /** The name sample case files end with. */
  public static final String SUFFIX = ".json";

  private static final Set<String> CASE_KEYS = Set.of("description", "events");
  private static final Set<String> EVENT_KEYS = Set.of("record", "expect", "secondsLater");
  private static final Set<String> EXPECT_KEYS =
      Set.of("rule", "level", "description", "groups", "alert", "decoder", "fields", "notRules");

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final Path file;

  private CaseFile(Path file) {
    this.file = file;
  }

  /** Every case file under {@code directory}, in path order. */
  public static List<Path> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
          .sorted().toList();
    }
  }

  public static SampleCase read(Path file) throws CaseException {
    return new CaseFile(file).read();
  }

  private SampleCase read() throws CaseException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new CaseException(file, "not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw new CaseException(file, "cannot be read: " + e);
    }
    if (root == null || !root.isObject()) throw new CaseException(file, "expected a JSON object");
    checkKeys(root, CASE_KEYS, "the case");
    String description = text(root, "description", "the case");
    JsonNode events = required(root, "events", "the case");
    if (!events.isArray() || events.isEmpty()) {
      throw new CaseException(file, "\"events\" must be a non-empty array of {\"record\", \"expect\"}");
    }
    List<SampleCase.Event> parsed = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) parsed.add(event(events.get(i), "events[" + i + "]"));
    return new SampleCase(file, description, parsed);
  }

  private SampleCase.Event event(JsonNode node, String where) throws CaseException {
    if (!node.isObject()) throw new CaseException(file, where + ": expected {\"record\", \"expect\"}");
    checkKeys(node, EVENT_KEYS, where);
    JsonNode record = required(node, "record", where);
    if (!record.isObject()) throw new CaseException(file, where + ".record: expected a CloudTrail record (a JSON object)");
    JsonNode expect = required(node, "expect", where);
    if (!expect.isObject()) throw new CaseException(file, where + ".expect: expected an object");
    JsonNode later = node.get("secondsLater");
    if (later != null && !(later.canConvertToInt() && later.intValue() >= 0)) {
      throw new CaseException(file, where + ".secondsLater: expected a number of seconds (0 or more)");
    }
    return new SampleCase.Event((ObjectNode) record, expectation(expect, where + ".expect"),
        later == null ? 0 : later.intValue());
  }

  private Expectation expectation(JsonNode node, String where) throws CaseException {
    checkKeys(node, EXPECT_KEYS, where);
    JsonNode rule = required(node, "rule", where);
    if (!rule.isNull() && !rule.canConvertToInt()) throw new CaseException(file, where + ".rule: expected a rule id or null");
    Integer ruleId = rule.isNull() ? null : rule.intValue();
    Integer level = null;
    String description = null;
    List<String> groups = null;
    if (ruleId != null) {
      JsonNode levelNode = required(node, "level", where);
      if (!levelNode.canConvertToInt()) throw new CaseException(file, where + ".level: expected a number");
      level = levelNode.intValue();
      description = text(node, "description", where);
      groups = strings(required(node, "groups", where), where + ".groups");
    } else {
      for (String key : List.of("level", "description", "groups")) {
        if (node.has(key)) throw new CaseException(file, where + "." + key + ": not allowed when \"rule\" is null");
      }
    }
    JsonNode alert = required(node, "alert", where);
    if (!alert.isBoolean()) throw new CaseException(file, where + ".alert: expected true or false");
    JsonNode decoder = required(node, "decoder", where);
    if (!decoder.isNull() && !decoder.isTextual()) throw new CaseException(file, where + ".decoder: expected a name or null");
    return new Expectation(ruleId, level, description, groups, alert.booleanValue(),
        decoder.isNull() ? null : decoder.textValue(), fields(required(node, "fields", where), where + ".fields"),
        ruleIds(node.get("notRules"), where + ".notRules"));
  }

  private Map<String, String> fields(JsonNode node, String where) throws CaseException {
    if (!node.isObject()) throw new CaseException(file, where + ": expected an object of Phase 2 labels, e.g. {\"srcip\": \"192.0.2.1\"}");
    Map<String, String> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isTextual()) throw new CaseException(file, where + "." + field.getKey() + ": expected a string");
      fields.put(field.getKey(), field.getValue().textValue());
    }
    return fields;
  }

  private List<String> strings(JsonNode node, String where) throws CaseException {
    if (!node.isArray()) throw new CaseException(file, where + ": expected an array of strings");
    List<String> values = new ArrayList<>();
    for (JsonNode value : node) {
      if (!value.isTextual()) throw new CaseException(file, where + ": expected an array of strings");
      values.add(value.textValue());
    }
    return values;
  }

  private List<Integer> ruleIds(JsonNode node, String where) throws CaseException {
    if (node == null) return List.of();
    if (!node.isArray()) throw new CaseException(file, where + ": expected an array of rule ids");
    List<Integer> ids = new ArrayList<>();
    for (JsonNode value : node) {
      if (!value.canConvertToInt()) throw new CaseException(file, where + ": expected an array of rule ids");
      ids.add(value.intValue());
    }
    return ids;
  }

  private void checkKeys(JsonNode node, Set<String> known, String where) throws CaseException {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new CaseException(file, where + ": unknown field \"" + key + "\" (expected " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  private JsonNode required(JsonNode node, String key, String where) throws CaseException {
    JsonNode value = node.get(key);
    if (value == null) throw new CaseException(file, where + ": missing \"" + key + "\"");
    return value;
  }

  private String text(JsonNode node, String key, String where) throws CaseException {
    JsonNode value = required(node, key, where);
    if (!value.isTextual()) throw new CaseException(file, where + "." + key + ": expected a string");
    return value.textValue();
  }
}
