package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** A bucket laid out as CloudTrail writes it, filled with generated, real-shaped log files. */
final class TrailBucket {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final S3Client s3;
  final String name;
  private int files;

  TrailBucket(S3Client s3, String name) {
    this.s3 = s3;
    this.name = name;
    s3.createBucket(b -> b.bucket(name));
  }

  static String logKey(String account, String region, LocalDate day, int sequence) {
    return "AWSLogs/" + account + "/CloudTrail/" + region + "/" + day.format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + "/"
        + account + "_CloudTrail_" + region + "_" + day.format(STAMP) + "T" + String.format("%04d", sequence % 2400)
        + "Z_" + String.format("%016d", sequence) + ".json.gz";
  }

  static String digestKey(String account, String region, LocalDate day) {
    return "AWSLogs/" + account + "/CloudTrail-Digest/" + region + "/" + day.format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + "/"
        + account + "_CloudTrail-Digest_" + region + "_trail_" + region + "_" + day.format(STAMP) + "T0000Z.json.gz";
  }

  /** Puts a log file of {@code records} generated records at {@code key}; returns their eventIDs. */
  List<String> putLogFile(String key, int records) throws IOException {
    ArrayNode array = JSON.createArrayNode();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      ObjectNode record = record(key, i);
      ids.add(record.get("eventID").textValue());
      array.add(record);
    }
    ObjectNode file = JSON.createObjectNode();
    file.set("Records", array);
    put(key, RecordReaderTest.gzip(JSON.writeValueAsBytes(file)));
    return ids;
  }

  void put(String key, byte[] content) {
    s3.putObject(PutObjectRequest.builder().bucket(name).key(key).build(), RequestBody.fromBytes(content));
    files++;
  }

  void put(String key, String content) {
    put(key, content.getBytes(UTF_8));
  }

  /** A real-shaped record as CloudTrail writes it for an object at {@code key}. */
  static ObjectNode record(String key, int index) {
    String[] parts = key.split("/");
    ObjectNode record = JSON.createObjectNode();
    record.put("eventVersion", "1.08");
    ObjectNode identity = record.putObject("userIdentity");
    identity.put("type", "IAMUser");
    identity.put("principalId", "AIDAJ45Q7YFFAREXAMPLE");
    identity.put("arn", "arn:aws:iam::" + parts[1] + ":user/alice");
    identity.put("accountId", parts[1]);
    identity.put("accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    identity.put("userName", "alice");
    record.put("eventTime", parts[4] + "-" + parts[5] + "-" + parts[6] + "T10:" + String.format("%02d", index % 60) + ":00Z");
    record.put("eventSource", "ec2.amazonaws.com");
    record.put("eventName", index % 3 == 0 ? "RunInstances" : "DescribeInstances");
    record.put("awsRegion", parts[3]);
    record.put("sourceIPAddress", "203.0.113." + (index % 250));
    record.put("userAgent", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.amzn.2023");
    record.putObject("requestParameters").putObject("instancesSet").putArray("items").addObject().put("instanceId", "i-0abcd" + index);
    record.putNull("responseElements");
    record.put("requestID", UUID.randomUUID().toString());
    record.put("eventID", UUID.randomUUID().toString());
    record.put("readOnly", index % 3 != 0);
    record.put("eventType", "AwsApiCall");
    record.put("managementEvent", true);
    record.put("recipientAccountId", parts[1]);
    record.put("eventCategory", "Management");
    return record;
  }
}
