package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.util.UUID;

/**
 * SQS message bodies in the shapes AWS documents: S3's event message structure (version 2.1, the
 * key URL-encoded), its {@code s3:TestEvent}, SNS's notification envelope (the S3 message as its
 * {@code Message} string; raw message delivery sends the S3 message alone), and EventBridge's
 * {@code Object Created} event for S3.
 */
final class S3Notifications {
  private static final ObjectMapper JSON = new ObjectMapper();

  private S3Notifications() {}

  /** S3's notification of one object created, as S3 sends it to SQS (or SNS with raw delivery). */
  static String s3Event(String bucket, String key, long size, String etag) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode record = root.putArray("Records").addObject();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", "us-east-1");
    record.put("eventTime", "2024-03-10T12:00:01.123Z");
    record.put("eventName", "ObjectCreated:Put");
    record.putObject("userIdentity").put("principalId", "AWS:AROAEXAMPLEROLEID:regionalDeliverySession");
    record.putObject("requestParameters").put("sourceIPAddress", "203.0.113.10");
    record.putObject("responseElements").put("x-amz-request-id", "C3D13FE58DE4C810")
        .put("x-amz-id-2", "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD");
    ObjectNode s3 = record.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", "cloudtrail-to-ossec");
    s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket)
        .putObject("ownerIdentity").put("principalId", "A3NL1KOZZKExample");
    s3.putObject("object").put("key", URLEncoder.encode(key, UTF_8).replace("%2F", "/"))
        .put("size", size).put("eTag", etag.replace("\"", "")).put("sequencer", "0055AED6DCD90281E5");
    return root.toString();
  }

  /** What S3 sends to a destination when a notification configuration is set. */
  static String testEvent(String bucket) {
    return JSON.createObjectNode().put("Service", "Amazon S3").put("Event", "s3:TestEvent")
        .put("Time", "2024-03-10T12:00:00.089Z").put("Bucket", bucket).put("RequestId", "5582815E1AEA5ADF")
        .put("HostId", "8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE").toString();
  }

  /** {@code message} published to an SNS topic, as SNS delivers it to SQS without raw message delivery. */
  static String snsEnvelope(String message) {
    return JSON.createObjectNode().put("Type", "Notification").put("MessageId", UUID.randomUUID().toString())
        .put("TopicArn", "arn:aws:sns:us-east-1:123456789012:cloudtrail-delivered")
        .put("Subject", "Amazon S3 Notification").put("Message", message)
        .put("Timestamp", "2024-03-10T12:00:01.456Z").put("SignatureVersion", "1")
        .put("Signature", "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=")
        .put("SigningCertURL", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem")
        .put("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn="
            + "arn:aws:sns:us-east-1:123456789012:cloudtrail-delivered:c7fe3a54-ab0e-4ec2-88e0-db410a0f2bee")
        .toString();
  }

  /** EventBridge's Object Created event (the key as it is), delivered to SQS by a rule. */
  static String eventBridgeObjectCreated(String bucket, String key, long size, String etag) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "0");
    root.put("id", UUID.randomUUID().toString());
    root.put("detail-type", "Object Created");
    root.put("source", "aws.s3");
    root.put("account", "123456789012");
    root.put("time", "2024-03-10T12:00:01Z");
    root.put("region", "us-east-1");
    root.putArray("resources").add("arn:aws:s3:::" + bucket);
    ObjectNode detail = root.putObject("detail");
    detail.put("version", "0");
    detail.putObject("bucket").put("name", bucket);
    detail.putObject("object").put("key", key).put("size", size).put("etag", etag.replace("\"", ""))
        .put("sequencer", "00617F08299329D189");
    detail.put("request-id", "N4N7GDK58NMKJ12R");
    detail.put("requester", "123456789012");
    detail.put("source-ip-address", "203.0.113.10");
    detail.put("reason", "PutObject");
    return root.toString();
  }
}
