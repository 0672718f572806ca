package dev.ossecaws.cloudtrail;

import static dev.ossecaws.cloudtrail.RecordLineTest.parseLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RecordLineProperties {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Property(tries = 200)
  void aRecordThatFitsParsesBackFromItsLine(@ForAll("records") ObjectNode record) throws Exception {
    String line = RecordLine.of(record, Integer.MAX_VALUE);
    assertEquals(record, parseLine(line));
  }

  @Property(tries = 200)
  void everyLineIsPrintableAsciiWithinTheLimitAndParses(
      @ForAll("records") ObjectNode record, @ForAll @IntRange(min = 1024, max = 8000) int maxBytes)
      throws Exception {
    String line = RecordLine.of(record, maxBytes);

    assertTrue(line.length() <= maxBytes, "length " + line.length() + " > " + maxBytes);
    assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), line);
    assertTrue(parseLine(line).isObject());
  }

  @Property(tries = 200)
  void shorteningNeverTouchesTheLeadingFieldsWhenTheyFit(
      @ForAll("realisticLeadingFields") ObjectNode leading,
      @ForAll("records") ObjectNode rest,
      @ForAll @IntRange(min = 0, max = 20000) int bulk) throws Exception {
    ObjectNode record = rest.deepCopy();
    record.remove(RecordLine.LEADING_FIELDS);
    record.setAll(leading);
    record.putObject("requestParameters").put("policy", "x".repeat(bulk));

    JsonNode back = parseLine(RecordLine.of(record));

    List<String> expectedOrder = new ArrayList<>();
    for (String name : RecordLine.LEADING_FIELDS) {
      if (!record.has(name)) continue;
      expectedOrder.add(name);
      assertEquals(record.get(name), back.get(name), name);
    }
    List<String> order = new ArrayList<>();
    back.fieldNames().forEachRemaining(order::add);
    assertEquals(expectedOrder, order.subList(0, expectedOrder.size()));
  }

  @Provide
  Arbitrary<ObjectNode> records() {
    return Arbitraries.maps(names(), values(2)).ofMaxSize(12).map(RecordLineProperties::object);
  }

  @Provide
  Arbitrary<ObjectNode> realisticLeadingFields() {
    Arbitrary<String> shortText = Arbitraries.strings().all().ofMaxLength(60);
    Arbitrary<JsonNode> identity = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), shortText)
        .ofMaxSize(8).map(m -> object(Map.copyOf(m.entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> NODES.textNode(e.getValue()))))));
    return Combinators.combine(shortText.list().ofSize(9), identity, Arbitraries.integers().between(0, 1023))
        .as((texts, userIdentity, present) -> {
          ObjectNode leading = NODES.objectNode();
          for (int i = 0; i < 9; i++) {
            if ((present & (1 << i)) != 0) leading.put(RecordLine.LEADING_FIELDS.get(i), texts.get(i));
          }
          if ((present & (1 << 9)) != 0) leading.set("userIdentity", userIdentity);
          return leading;
        });
  }

  private Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.of(RecordLine.LEADING_FIELDS),
        Arbitraries.of(RecordLine.BULKY_FIELDS),
        Arbitraries.strings().all().ofMaxLength(20));
  }

  private Arbitrary<JsonNode> values(int depth) {
    List<Arbitrary<? extends JsonNode>> choices = new ArrayList<>(List.of(
        Arbitraries.strings().all().ofMaxLength(3000).map(NODES::textNode),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).map(NODES::textNode),
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode())));
    if (depth > 0) {
      choices.add(Arbitraries.maps(names(), values(depth - 1)).ofMaxSize(5).map(RecordLineProperties::object));
      choices.add(values(depth - 1).list().ofMaxSize(5).map(list -> NODES.arrayNode().addAll(list)));
    }
    return Arbitraries.oneOf(choices);
  }

  private static ObjectNode object(Map<String, ? extends JsonNode> fields) {
    ObjectNode node = NODES.objectNode();
    fields.forEach(node::set);
    return node;
  }
}
