package dev.ossecaws.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.ManagerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Records re-exported by CloudTrail Lake, EventBridge, Athena or {@code jq -S} keep their content
 * but not their key order: every sample case, its records' keys shuffled at every depth, must give
 * the same report, verdicts and Phase 1 included, as the case as written.
 */
class KeyOrderProperties {
  private static final Path RULESET = Path.of("ruleset");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static Replay replay;

  @BeforeContainer
  static void loadRuleset() throws Exception {
    replay = EngineReplay.load(ManagerConfig.defaults(RULESET).addRuleset(RULESET).build());
  }

  @Property(tries = 300)
  void everyCaseGivesTheSameReportWhateverTheKeyOrder(@ForAll("cases") Path file, @ForAll long seed) throws Exception {
    SampleCase sample = CaseFile.read(file);
    Random random = new Random(seed);

    assertEquals(report(sample, UnaryOperator.identity()), report(sample, r -> shuffled(r, random)));
  }

  @Provide
  Arbitrary<Path> cases() throws Exception {
    return Arbitraries.of(CaseFile.list(Path.of("samples")));
  }

  private static String report(SampleCase sample, UnaryOperator<JsonNode> reorder) {
    Replay.Session session = replay.newSession();
    StringBuilder report = new StringBuilder();
    for (SampleCase.Event event : sample.events()) {
      ObjectNode record = (ObjectNode) reorder.apply(event.record());
      report.append(session.process(RecordLine.of(record), event.secondsLater()).report());
    }
    return report.toString();
  }

  /** A copy of {@code node} whose objects, at every depth, list their keys in a random order. */
  private static JsonNode shuffled(JsonNode node, Random random) {
    if (node.isArray()) {
      ArrayNode array = NODES.arrayNode();
      node.forEach(element -> array.add(shuffled(element, random)));
      return array;
    }
    if (!node.isObject()) return node;
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    Collections.shuffle(keys, random);
    ObjectNode object = NODES.objectNode();
    for (String key : keys) object.set(key, shuffled(node.get(key), random));
    return object;
  }
}
