package dev.ossecaws.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one key order a record is written in, whatever order its file gave: so that the same record
 * always becomes the same line, and decoders and rules may rely on where a key stands.
 *
 * <p>CloudTrail's own objects (the record, {@code userIdentity}, its {@code sessionContext}, {@code
 * sessionIssuer} and {@code attributes}) list the keys CloudTrail documents in CloudTrail's order,
 * then any other key by name. Every other object, at any depth ({@code requestParameters}, {@code
 * responseElements}, {@code additionalEventData}, {@code resources}' elements, ...), lists its keys
 * by name (Java's {@link String#compareTo}: by UTF-16 code unit, upper case before lower case).
 * Arrays keep their order.
 */
final class CanonicalOrder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The record's keys: the ones rules key on first (see {@link RecordLine#LEADING_FIELDS}), then the
   * rest of CloudTrail's record in its documented order.
   */
  private static final Layout RECORD = new Layout(concat(RecordLine.LEADING_FIELDS, List.of(
      "requestParameters", "responseElements", "additionalEventData", "requestID", "eventID",
      "readOnly", "resources", "managementEvent", "eventCategory", "apiVersion", "sharedEventID",
      "vpcEndpointId", "vpcEndpointAccountId", "serviceEventDetails", "sessionCredentialFromConsole",
      "edgeDeviceDetails", "tlsDetails", "insightDetails", "addendum")))
      .with("userIdentity", new Layout(List.of(
              "type", "principalId", "arn", "accountId", "accessKeyId", "userName", "invokedBy",
              "credentialId", "identityProvider", "sessionContext", "onBehalfOf", "inScopeOf"))
          .with("sessionContext", new Layout(List.of(
                  "sessionIssuer", "webIdFederationData", "attributes", "sourceIdentity",
                  "ec2RoleDelivery", "assumedRoot"))
              .with("sessionIssuer", new Layout(List.of("type", "principalId", "arn", "accountId", "userName")))
              .with("attributes", new Layout(List.of("creationDate", "mfaAuthenticated")))));

  private CanonicalOrder() {}

  /** A copy of {@code record} with every object's keys in the canonical order. */
  static ObjectNode of(ObjectNode record) {
    return RECORD.apply(record);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  /** The documented keys of one kind of object, and the layouts of its documented children. */
  private static final class Layout {
    /** Objects CloudTrail does not document: keys by name, at any depth. */
    static final Layout BY_NAME = new Layout(List.of());

    private final List<String> documented;
    private final Map<String, Layout> children;

    Layout(List<String> documented) {
      this(documented, Map.of());
    }

    private Layout(List<String> documented, Map<String, Layout> children) {
      this.documented = documented;
      this.children = children;
    }

    Layout with(String key, Layout child) {
      Map<String, Layout> more = new HashMap<>(children);
      more.put(key, child);
      return new Layout(documented, Map.copyOf(more));
    }

    ObjectNode apply(ObjectNode object) {
      ObjectNode ordered = NODES.objectNode();
      for (String key : documented) {
        JsonNode value = object.get(key);
        if (value != null) ordered.set(key, ordered(value, children.getOrDefault(key, BY_NAME)));
      }
      List<String> others = new ArrayList<>();
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!documented.contains(key)) others.add(key);
      }
      others.sort(null);
      for (String key : others) ordered.set(key, ordered(object.get(key), children.getOrDefault(key, BY_NAME)));
      return ordered;
    }

    private static JsonNode ordered(JsonNode value, Layout layout) {
      if (value.isObject()) return layout.apply((ObjectNode) value);
      if (value.isArray()) {
        ArrayNode array = NODES.arrayNode(value.size());
        for (JsonNode element : value) array.add(ordered(element, BY_NAME));
        return array;
      }
      return value;
    }
  }
}
