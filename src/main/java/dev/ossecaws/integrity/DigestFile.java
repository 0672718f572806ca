package dev.ossecaws.integrity;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One digest file's content, as AWS documents it ("CloudTrail digest file structure"): the hour it
 * covers, where it was delivered, the key that signed it, the previous digest of its chain (all
 * null in a chain's first digest), and the log files delivered in the hour with their hashes.
 */
final class DigestFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A log file as the digest lists it: {@code hashValue} is hex over its uncompressed content. */
  record Listed(String bucket, String key, String hashValue, String hashAlgorithm) {}

  final byte[] content;
  final String endTime;
  final Instant end;
  final String bucket;
  final String key;
  final String fingerprint;
  final String previousBucket;
  final String previousKey;
  final String previousHashValue;
  final String previousSignature;
  final List<Listed> logFiles;

  private DigestFile(byte[] content, JsonNode root) throws IOException {
    this.content = content;
    this.endTime = required(root, "digestEndTime");
    try {
      this.end = Instant.parse(endTime);
    } catch (DateTimeParseException e) {
      throw new IOException("digestEndTime is not a UTC time: '" + endTime + "'");
    }
    this.bucket = required(root, "digestS3Bucket");
    this.key = required(root, "digestS3Object");
    this.fingerprint = required(root, "digestPublicKeyFingerprint");
    if (!root.has("previousDigestSignature")) throw new IOException("no previousDigestSignature field");
    this.previousBucket = optional(root, "previousDigestS3Bucket");
    this.previousKey = optional(root, "previousDigestS3Object");
    this.previousHashValue = optional(root, "previousDigestHashValue");
    this.previousSignature = optional(root, "previousDigestSignature");
    JsonNode files = root.get("logFiles");
    if (files == null || !files.isArray()) throw new IOException("no logFiles array");
    List<Listed> listed = new ArrayList<>();
    for (JsonNode file : files) {
      listed.add(new Listed(required(file, "s3Bucket"), required(file, "s3Object"),
          required(file, "hashValue"), required(file, "hashAlgorithm")));
    }
    this.logFiles = List.copyOf(listed);
  }

  /** Parses a digest's uncompressed content; the message says what is wrong with it. */
  static DigestFile parse(byte[] content) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (IOException e) {
      throw new IOException("not JSON");
    }
    if (root == null || !root.isObject()) throw new IOException("not a JSON object");
    return new DigestFile(content, root);
  }

  /**
   * What CloudTrail signed: the end time as written, the digest's bucket/key, the hex SHA-256 of
   * its uncompressed content, and the previous digest's hex signature ("null" in a chain's first).
   */
  byte[] signedData() {
    String previous = previousSignature == null ? "null" : previousSignature;
    return (endTime + "\n" + bucket + "/" + key + "\n" + Hashes.sha256Hex(content) + "\n" + previous).getBytes(UTF_8);
  }

  private static String required(JsonNode node, String field) throws IOException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) throw new IOException("no " + field + " string");
    return value.textValue();
  }

  private static String optional(JsonNode node, String field) throws IOException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) return null;
    if (!value.isTextual()) throw new IOException(field + " is not a string");
    return value.textValue();
  }
}
