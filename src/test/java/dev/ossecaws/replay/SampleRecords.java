package dev.ossecaws.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every record of the sample cases (samples/**), case by case in path order, and the ruleset loaded. */
public final class SampleRecords {
  public static final Path RULESET = Path.of("ruleset");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleRecords() {}

  /** Each case's records in replay order, cases by path. */
  public static List<ObjectNode> all() throws IOException {
    List<ObjectNode> records = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("samples"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode event : JSON.readTree(file.toFile()).get("events")) records.add((ObjectNode) event.get("record"));
      }
    }
    return records;
  }

  /** The records of one case, e.g. {@code signin/console-login-brute-force}. */
  public static List<ObjectNode> ofCase(String name) throws IOException {
    List<ObjectNode> records = new ArrayList<>();
    for (JsonNode event : JSON.readTree(Path.of("samples", name + ".json").toFile()).get("events")) {
      records.add((ObjectNode) event.get("record"));
    }
    return records;
  }

  /** {@code {"Records":[...]}}, as CloudTrail writes a log file. */
  public static byte[] logFile(List<ObjectNode> records) throws IOException {
    ObjectNode file = JSON.createObjectNode();
    ArrayNode array = file.putArray("Records");
    records.forEach(array::add);
    return JSON.writeValueAsBytes(file);
  }

  public static Engine.Builder engine() throws IOException {
    return Engine.builder().config(ManagerConfig.defaults(RULESET).addRuleset(RULESET).build()).hostname("ossec-aws");
  }
}
