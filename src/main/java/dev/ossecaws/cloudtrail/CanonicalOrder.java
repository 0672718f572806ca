package dev.ossecaws.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
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

  /** The order of a record's keys, and of its values' keys at every depth. */
  static Layout record() {
    return RECORD;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  /**
   * The documented keys of one kind of object, and the layouts of its documented children. Its
   * order is by rank ({@link Key}), then by name: {@link #fields} sorts a tree's object so, {@link
   * LineWriter} a streamed object's fields.
   */
  static final class Layout implements AsciiJson.KeyOrder {
    /** Objects CloudTrail does not document: keys by name, at any depth. */
    static final Layout BY_NAME = new Layout(List.of());

    private final List<String> documented;
    /** Each documented key's place in {@code documented} and its value's layout; a HashMap, the quickest to look in. */
    private final Map<String, Key> keys;
    /** Every other key: after the documented ones, its value's keys by name. */
    private final Key other;

    Layout(List<String> documented) {
      this(documented, Map.of());
    }

    private Layout(List<String> documented, Map<String, Layout> children) {
      this.documented = documented;
      this.keys = new HashMap<>();
      for (String key : documented) keys.put(key, new Key(keys.size(), children.getOrDefault(key, BY_NAME)));
      // Every key of BY_NAME has BY_NAME for its value, but the field is still null while BY_NAME is
      // being made: a layout without documented keys (BY_NAME is the one) is its own child.
      this.other = new Key(documented.size(), documented.isEmpty() ? this : BY_NAME);
    }

    Layout with(String key, Layout child) {
      if (!documented.contains(key)) throw new IllegalArgumentException("not a documented key: " + key);
      Map<String, Layout> children = new HashMap<>();
      keys.forEach((name, known) -> children.put(name, known.child()));
      children.put(key, child);
      return new Layout(documented, children);
    }

    @Override
    public List<Map.Entry<String, JsonNode>> fields(ObjectNode object) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.size());
      if (documented.isEmpty()) {
        fields.addAll(object.properties());
        fields.sort(Map.Entry.comparingByKey());
        return fields;
      }
      @SuppressWarnings("unchecked")
      Map.Entry<String, JsonNode>[] documentedFields = new Map.Entry[documented.size()];
      List<Map.Entry<String, JsonNode>> others = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        Key key = keys.get(field.getKey());
        if (key != null) documentedFields[key.rank()] = field;
        else others.add(field);
      }
      for (Map.Entry<String, JsonNode> field : documentedFields) {
        if (field != null) fields.add(field);
      }
      others.sort(Map.Entry.comparingByKey());
      fields.addAll(others);
      return fields;
    }

    /** Where {@code name} goes in this kind of object, and the layout of its value. */
    Key key(String name) {
      return keys.getOrDefault(name, other);
    }

    @Override
    public Layout child(String key) {
      return key(key).child();
    }

    @Override
    public Layout element() {
      return BY_NAME;
    }
  }

  /**
   * A key's place in its object: a documented key's rank is its place among the documented ones,
   * every other key's is after them all (and those are ordered by name).
   */
  record Key(int rank, Layout child) {}
}
