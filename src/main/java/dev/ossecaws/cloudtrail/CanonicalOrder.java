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
  static AsciiJson.KeyOrder record() {
    return RECORD;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  /** The documented keys of one kind of object, and the layouts of its documented children. */
  private static final class Layout implements AsciiJson.KeyOrder {
    /** Objects CloudTrail does not document: keys by name, at any depth. */
    static final Layout BY_NAME = new Layout(List.of());

    private final List<String> documented;
    /** Each documented key's place in {@code documented}. */
    private final Map<String, Integer> ranks;
    private final Map<String, Layout> children;

    Layout(List<String> documented) {
      this(documented, Map.of());
    }

    private Layout(List<String> documented, Map<String, Layout> children) {
      this.documented = documented;
      Map<String, Integer> ranks = new HashMap<>();
      for (String key : documented) ranks.put(key, ranks.size());
      this.ranks = Map.copyOf(ranks);
      this.children = children;
    }

    Layout with(String key, Layout child) {
      Map<String, Layout> more = new HashMap<>(children);
      more.put(key, child);
      return new Layout(documented, Map.copyOf(more));
    }

    @Override
    public List<Map.Entry<String, JsonNode>> fields(ObjectNode object) {
      @SuppressWarnings("unchecked")
      Map.Entry<String, JsonNode>[] documentedFields = new Map.Entry[documented.size()];
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.size());
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        Integer rank = ranks.get(field.getKey());
        if (rank != null) documentedFields[rank] = field;
        else fields.add(field);
      }
      fields.sort(Map.Entry.comparingByKey());
      int at = 0;
      for (Map.Entry<String, JsonNode> field : documentedFields) {
        if (field != null) fields.add(at++, field);
      }
      return fields;
    }

    @Override
    public AsciiJson.KeyOrder child(String key) {
      return children.getOrDefault(key, BY_NAME);
    }

    @Override
    public AsciiJson.KeyOrder element() {
      return BY_NAME;
    }
  }
}
