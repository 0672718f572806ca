package dev.ossecaws.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads one digest object and checks it as AWS's "custom implementations of log file integrity
 * validation" says: delivered where it says, signed with SHA256withRSA (the object's {@code
 * x-amz-meta-signature-algorithm}) by the CloudTrail key it names, over the data-signing string,
 * the signature in hex in {@code x-amz-meta-signature}.
 */
final class DigestReader {
  static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

  private final S3Client s3;
  private final PublicKeys keys;

  /**
   * A digest as read: its content (null when unreadable), the signature its metadata holds, whether
   * that signature verifies ({@link DigestStatus#VALID}) or not, and why not.
   */
  record Checked(String key, DigestFile file, String signature, DigestStatus status, String reason) {
    boolean signed() {
      return status == DigestStatus.VALID;
    }
  }

  DigestReader(S3Client s3, PublicKeys keys) {
    this.s3 = s3;
    this.keys = keys;
  }

  /**
   * Reads and checks the digest at {@code key}; S3's failures (NoSuchKey among them) are thrown as
   * the SDK's exceptions, and a public key that cannot be had as an IOException.
   */
  Checked read(String bucket, String key) throws IOException {
    ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build());
    Map<String, String> metadata = object.response().metadata();
    String signature = metadata.get("signature");
    String algorithm = metadata.get("signature-algorithm");
    byte[] content;
    try (InputStream in = Hashes.uncompressed(object.asInputStream())) {
      content = in.readAllBytes();
    } catch (IOException e) {
      return invalid(key, null, signature, "not a gzip file");
    }
    DigestFile file;
    try {
      file = DigestFile.parse(content);
    } catch (IOException e) {
      return invalid(key, null, signature, "not a digest file: " + e.getMessage());
    }
    if (!file.bucket.equals(bucket) || !file.key.equals(key)) {
      return invalid(key, file, signature, "moved: it says it was delivered to " + file.bucket + "/" + file.key);
    }
    if (signature == null) return invalid(key, file, null, "no signature (x-amz-meta-signature) in its metadata");
    if (!SIGNATURE_ALGORITHM.equals(algorithm)) {
      return invalid(key, file, signature, "its x-amz-meta-signature-algorithm is "
          + (algorithm == null ? "missing" : "'" + algorithm + "'") + ", not " + SIGNATURE_ALGORITHM);
    }
    String region = TrailKeys.digest(key) == null ? "" : TrailKeys.digest(key).region();
    PublicKey publicKey = keys.find(region, file.fingerprint);
    if (publicKey == null) {
      return invalid(key, file, signature, "signed by an unknown key: its fingerprint " + file.fingerprint
          + " matches none of CloudTrail's public keys" + (region.isEmpty() ? "" : " for " + region));
    }
    if (!verifies(publicKey, file.signedData(), signature)) {
      return invalid(key, file, signature, "its signature does not verify: the digest was changed, or not signed by CloudTrail");
    }
    return new Checked(key, file, signature, DigestStatus.VALID, null);
  }

  private static boolean verifies(PublicKey key, byte[] data, String hexSignature) {
    try {
      Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(HexFormat.of().parseHex(hexSignature));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false; // not hex, or not a signature of this key's size
    }
  }

  private static Checked invalid(String key, DigestFile file, String signature, String reason) {
    return new Checked(key, file, signature, DigestStatus.INVALID, reason);
  }
}
