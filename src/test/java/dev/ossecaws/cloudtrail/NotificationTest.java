package dev.ossecaws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.cloudtrail.Notification.CreatedObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTest {
  private static final String KEY = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/10/"
      + "111122223333_CloudTrail_us-east-1_20240310T1200Z_a b+c.json.gz";
  private static final CreatedObject OBJECT = new CreatedObject("trail", KEY, 321, "0123456789abcdef0123456789abcdef");

  @Test
  void anS3NotificationGivesTheObjectWithItsKeyUrlDecoded() throws Exception {
    String body = S3Notifications.s3Event("trail", KEY, 321, "0123456789abcdef0123456789abcdef");
    assertTrue(body.contains("a+b%2Bc.json.gz"), body); // a space is '+', a '+' is %2B, '/' stays

    assertEquals(new Notification(false, List.of(OBJECT), List.of()), Notification.parse(body));
  }

  @Test
  void throughSnsTheSameNotificationIsReadRawOrInsideTheEnvelope() throws Exception {
    String s3 = S3Notifications.s3Event("trail", KEY, 321, "0123456789abcdef0123456789abcdef");

    assertEquals(List.of(OBJECT), Notification.parse(S3Notifications.snsEnvelope(s3)).objects());
    assertTrue(Notification.parse(S3Notifications.snsEnvelope(S3Notifications.testEvent("trail"))).testEvent());
  }

  @Test
  void anEventBridgeObjectCreatedEventGivesTheObjectWithItsKeyAsItIs() throws Exception {
    String body = S3Notifications.eventBridgeObjectCreated("trail", KEY, 321, "0123456789abcdef0123456789abcdef");

    assertEquals(List.of(OBJECT), Notification.parse(body).objects());
  }

  @Test
  void s3sTestEventIsRecognised() throws Exception {
    assertEquals(new Notification(true, List.of(), List.of()), Notification.parse(S3Notifications.testEvent("trail")));
  }

  @Test
  void otherS3EventsAreListedAndNotFetched() throws Exception {
    String removed = S3Notifications.s3Event("trail", "AWSLogs/x.json.gz", 1, "e").replace("ObjectCreated:Put", "ObjectRemoved:Delete");
    String deletedViaEventBridge = S3Notifications.eventBridgeObjectCreated("trail", "AWSLogs/y", 1, "e")
        .replace("Object Created", "Object Deleted");

    assertEquals(new Notification(false, List.of(), List.of("ObjectRemoved:Delete AWSLogs/x.json.gz")), Notification.parse(removed));
    assertEquals(List.of("Object Deleted AWSLogs/y"), Notification.parse(deletedViaEventBridge).otherEvents());
  }

  @Test
  void aBodyThatIsNoS3NotificationIsRefusedInPlainWords() {
    assertEquals("invalid JSON at line 1, column 12", assertThrows(Notification.UnreadableException.class,
        () -> Notification.parse("{\"Records\":")).getMessage());
    assertEquals("not an S3 event notification (no Records, s3:TestEvent or EventBridge aws.s3 event)",
        assertThrows(Notification.UnreadableException.class, () -> Notification.parse("{\"hello\":1}")).getMessage());
    assertEquals("no s3.object.key", assertThrows(Notification.UnreadableException.class, () -> Notification.parse(
        "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}"))
        .getMessage());
    assertEquals("not a JSON object", assertThrows(Notification.UnreadableException.class,
        () -> Notification.parse("[1]")).getMessage());
  }
}
