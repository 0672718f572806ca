package dev.ossecaws.integrity;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A bucket written as CloudTrail writes a trail with log file validation on: gzipped log files and
 * hourly digests in the shape AWS documents ("CloudTrail digest file structure"), each signed
 * SHA256withRSA over AWS's data-signing string by a key this fixture makes, the hex signature in
 * the object's {@code x-amz-meta-signature}. The signing here is written from AWS's documentation,
 * apart from the code under test.
 */
public final class SignedTrail {
  public static final String TRAIL = "management-events";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOG_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DIGEST_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** An RSA key pair as CloudTrail holds one per region, and its fingerprint. */
  public record SigningKey(KeyPair pair, String fingerprint) {
    /**
     * The public key as ListPublicKeys returns it: DER PKCS #1 RSAPublicKey, which is the X.509
     * SubjectPublicKeyInfo of a 2048-bit key without its fixed 24-byte header.
     */
    byte[] pkcs1() {
      byte[] x509 = pair.getPublic().getEncoded();
      return Arrays.copyOfRange(x509, 24, x509.length);
    }
  }

  /** A log file as written: its key and the hex SHA-256 of its uncompressed content. */
  public record LogFile(String key, String sha256, List<String> eventIds) {}

  /** A digest as written: its key, its signature (hex), and the SHA-256 of its uncompressed content. */
  public record Digest(String key, String signature, String sha256) {}

  private final S3Client s3;
  public final String bucket;
  public final SigningKey key;
  private int sequence;

  public SignedTrail(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = newKey();
    s3.createBucket(b -> b.bucket(bucket));
  }

  public static SigningKey newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      byte[] x509 = pair.getPublic().getEncoded();
      String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Arrays.copyOfRange(x509, 24, x509.length)));
      return new SigningKey(pair, fingerprint);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes what {@code aws cloudtrail list-public-keys} prints for these keys. */
  public static Path publicKeysFile(Path file, SigningKey... keys) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("PublicKeyList");
    for (SigningKey signingKey : keys) {
      list.addObject()
          .put("Value", Base64.getEncoder().encodeToString(signingKey.pkcs1()))
          .put("ValidityStartTime", "2024-02-20T00:00:00+00:00")
          .put("ValidityEndTime", "2024-03-21T00:00:00+00:00")
          .put("Fingerprint", signingKey.fingerprint());
    }
    return Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }

  public static String logKey(String account, String region, Instant delivered, int sequence) {
    return "AWSLogs/" + account + "/CloudTrail/" + region + "/" + DAY.format(delivered) + "/" + account + "_CloudTrail_"
        + region + "_" + LOG_STAMP.format(delivered) + "_" + String.format("%016d", sequence) + ".json.gz";
  }

  public static String digestKey(String account, String region, Instant end) {
    return "AWSLogs/" + account + "/CloudTrail-Digest/" + region + "/" + DAY.format(end) + "/" + account
        + "_CloudTrail-Digest_" + region + "_" + TRAIL + "_" + region + "_" + DIGEST_STAMP.format(end) + ".json.gz";
  }

  /** Puts a log file of {@code records} records delivered at {@code delivered}. */
  public LogFile putLogFile(String account, String region, Instant delivered, int records) {
    String key = logKey(account, region, delivered, ++sequence);
    ArrayNode array = JSON.createArrayNode();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      array.addObject()
          .put("eventVersion", "1.09")
          .put("eventTime", delivered.minusSeconds(60 + i).toString())
          .put("eventSource", "iam.amazonaws.com")
          .put("eventName", "ListUsers")
          .put("awsRegion", region)
          .put("sourceIPAddress", "203.0.113." + (i % 250))
          .put("eventID", id)
          .put("recipientAccountId", account);
    }
    ObjectNode file = JSON.createObjectNode();
    file.set("Records", array);
    byte[] content = json(file);
    put(key, gzip(content), Map.of());
    return new LogFile(key, sha256(content), ids);
  }

  /** Replaces the object's content by this (uncompressed) text, gzipped, as an attacker would. */
  public void overwrite(String key, String uncompressed) {
    put(key, gzip(uncompressed.getBytes(UTF_8)), Map.of());
  }

  public void delete(String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }

  /** Puts the hour's digest, signed by the trail's key, linked to {@code previous} (null: a chain's first). */
  public Digest putDigest(String account, String region, Instant start, Instant end, Digest previous, LogFile... logFiles) {
    return putDigest(account, region, start, end, previous, key, key.fingerprint(), logFiles);
  }

  /**
   * Puts a digest naming {@code fingerprint} and signed by {@code signer}: a forger's key, or
   * CloudTrail's key with a fingerprint no list holds.
   */
  public Digest putDigest(String account, String region, Instant start, Instant end, Digest previous,
      SigningKey signer, String fingerprint, LogFile... logFiles) {
    String key = digestKey(account, region, end);
    ObjectNode digest = JSON.createObjectNode();
    digest.put("awsAccountId", account);
    digest.put("digestStartTime", start.toString());
    digest.put("digestEndTime", end.toString());
    digest.put("digestS3Bucket", bucket);
    digest.put("digestS3Object", key);
    digest.put("digestPublicKeyFingerprint", fingerprint);
    digest.put("digestSignatureAlgorithm", "SHA256withRSA");
    digest.put("newestEventTime", logFiles.length == 0 ? null : end.minusSeconds(120).toString());
    digest.put("oldestEventTime", logFiles.length == 0 ? null : start.toString());
    digest.put("previousDigestS3Bucket", previous == null ? null : bucket);
    digest.put("previousDigestS3Object", previous == null ? null : previous.key());
    digest.put("previousDigestHashValue", previous == null ? null : previous.sha256());
    digest.put("previousDigestHashAlgorithm", previous == null ? null : "SHA-256");
    digest.put("previousDigestSignature", previous == null ? null : previous.signature());
    ArrayNode files = digest.putArray("logFiles");
    for (LogFile logFile : logFiles) {
      files.addObject()
          .put("s3Bucket", bucket)
          .put("s3Object", logFile.key())
          .put("hashValue", logFile.sha256())
          .put("hashAlgorithm", "SHA-256")
          .put("newestEventTime", end.minusSeconds(120).toString())
          .put("oldestEventTime", start.toString());
    }
    byte[] content = json(digest);
    // AWS's Data_To_Sign_String: end time, bucket/key, hex SHA-256 of the content, previous signature ("null" first).
    String toSign = end + "\n" + bucket + "/" + key + "\n" + sha256(content) + "\n"
        + (previous == null ? "null" : previous.signature());
    String signature = sign(signer, toSign);
    put(key, gzip(content), Map.of("signature", signature, "signature-algorithm", "SHA256withRSA"));
    return new Digest(key, signature, sha256(content));
  }

  /** Replaces a digest's signature metadata, leaving its content. */
  public void resign(Digest digest, String signature) {
    byte[] content = s3.getObjectAsBytes(b -> b.bucket(bucket).key(digest.key())).asByteArray();
    put(digest.key(), content, Map.of("signature", signature, "signature-algorithm", "SHA256withRSA"));
  }

  public static String sign(SigningKey signer, String text) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(signer.pair().getPrivate());
      signature.update(text.getBytes(UTF_8));
      return HexFormat.of().formatHex(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void put(String key, byte[] content, Map<String, String> metadata) {
    s3.putObject(b -> b.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(content));
  }

  private static byte[] json(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
