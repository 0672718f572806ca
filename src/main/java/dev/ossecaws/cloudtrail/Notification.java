package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * What one SQS message body says, in any of the shapes S3 delivers it: S3's event notification
 * ({@code {"Records":[...]}}) straight from S3 or through SNS with raw message delivery, the same
 * inside an SNS envelope ({@code "Type":"Notification"}, the event as the {@code Message} string),
 * or EventBridge's {@code Object Created} event; S3's {@code s3:TestEvent} in the first two ways.
 *
 * <p>S3 notifications URL-encode the key ({@code red flower.jpg} arrives as {@code red+flower.jpg});
 * EventBridge's events carry it as it is.
 */
record Notification(boolean testEvent, List<CreatedObject> objects, List<String> otherEvents) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An object the notification says was created; {@code size} -1 and {@code etag} null when not said. */
  record CreatedObject(String bucket, String key, long size, String etag) {}

  /** A message body that is not an S3 notification of any known shape; the message says why. */
  static final class UnreadableException extends Exception {
    UnreadableException(String message) {
      super(message);
    }
  }

  static Notification parse(String body) throws UnreadableException {
    JsonNode root = read(body);
    if ("Notification".equals(root.path("Type").asText()) && root.path("Message").isTextual()) {
      root = read(root.get("Message").asText()); // SNS without raw message delivery
    }
    if ("s3:TestEvent".equals(root.path("Event").asText())) return new Notification(true, List.of(), List.of());
    if (root.path("Records").isArray()) return fromS3(root.get("Records"));
    if ("aws.s3".equals(root.path("source").asText()) && root.has("detail-type")) return fromEventBridge(root);
    throw new UnreadableException("not an S3 event notification (no Records, s3:TestEvent or EventBridge aws.s3 event)");
  }

  private static Notification fromS3(JsonNode records) throws UnreadableException {
    List<CreatedObject> objects = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (JsonNode record : records) {
      String event = record.path("eventName").asText();
      if (!"aws:s3".equals(record.path("eventSource").asText()) || !record.path("s3").isObject()) {
        throw new UnreadableException("a record is not an S3 event (eventSource " + quoted(record.path("eventSource")) + ")");
      }
      JsonNode s3 = record.get("s3");
      String bucket = text(s3.path("bucket").path("name"), "s3.bucket.name");
      String key = URLDecoder.decode(text(s3.path("object").path("key"), "s3.object.key"), UTF_8);
      if (!event.startsWith("ObjectCreated:")) {
        others.add(event + " " + key);
        continue;
      }
      JsonNode object = s3.get("object");
      objects.add(new CreatedObject(bucket, key, object.path("size").asLong(-1), object.path("eTag").textValue()));
    }
    return new Notification(false, objects, others);
  }

  private static Notification fromEventBridge(JsonNode event) throws UnreadableException {
    JsonNode detail = event.path("detail");
    String bucket = text(detail.path("bucket").path("name"), "detail.bucket.name");
    String key = text(detail.path("object").path("key"), "detail.object.key");
    String type = event.path("detail-type").asText();
    if (!"Object Created".equals(type)) return new Notification(false, List.of(), List.of(type + " " + key));
    JsonNode object = detail.get("object");
    return new Notification(false, List.of(new CreatedObject(bucket, key, object.path("size").asLong(-1),
        object.path("etag").textValue())), List.of());
  }

  private static JsonNode read(String body) throws UnreadableException {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) throw new UnreadableException("not a JSON object");
      return node;
    } catch (JsonProcessingException e) {
      throw new UnreadableException("invalid JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr());
    }
  }

  private static String text(JsonNode node, String field) throws UnreadableException {
    if (!node.isTextual() || node.asText().isEmpty()) throw new UnreadableException("no " + field);
    return node.asText();
  }

  private static String quoted(JsonNode node) {
    return node.isMissingNode() ? "missing" : "'" + node.asText() + "'";
  }
}
