package dev.ossecaws.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossecaws.cloudtrail.S3Errors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysResponse;

/**
 * CloudTrail's public keys, by fingerprint: each region signs its digests with its own keys. A
 * digest is checked with the key whose fingerprint it names, never with another.
 */
public abstract class PublicKeys {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The AlgorithmIdentifier of rsaEncryption (OID 1.2.840.113549.1.1.1, NULL parameters), DER. */
  private static final byte[] RSA_ALGORITHM = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
  };

  PublicKeys() {}

  /**
   * The key of {@code region} with this fingerprint, or null when there is none; throws when the
   * keys cannot be had (the message says why).
   */
  abstract PublicKey find(String region, String fingerprint) throws IOException;

  /**
   * The keys in files holding what {@code aws cloudtrail list-public-keys} prints (a {@code
   * PublicKeyList} of {@code Value} in base64 and {@code Fingerprint}), for checking offline.
   */
  public static PublicKeys fromFiles(List<Path> files) throws IOException {
    Map<String, PublicKey> keys = new HashMap<>();
    for (Path file : files) {
      byte[] content = Files.readAllBytes(file);
      JsonNode root;
      try {
        root = JSON.readTree(content);
      } catch (IOException e) {
        throw new IOException(file + ": not JSON (expected what aws cloudtrail list-public-keys prints)");
      }
      JsonNode list = root == null ? null : root.has("PublicKeyList") ? root.get("PublicKeyList") : root.get("publicKeyList");
      if (list == null || !list.isArray()) throw new IOException(file + ": no PublicKeyList array (expected what aws cloudtrail list-public-keys prints)");
      int index = 0;
      for (JsonNode key : list) {
        index++;
        String where = file + ": key " + index + " of PublicKeyList";
        if (!key.path("Fingerprint").isTextual() || !key.path("Value").isTextual()) {
          throw new IOException(where + " has no Fingerprint or Value string");
        }
        byte[] der;
        try {
          der = Base64.getDecoder().decode(key.get("Value").textValue());
        } catch (IllegalArgumentException e) {
          throw new IOException(where + ": Value is not base64");
        }
        keys.put(key.get("Fingerprint").textValue(), rsaKey(der, where));
      }
    }
    return new Fixed(keys);
  }

  /**
   * The keys CloudTrail's ListPublicKeys returns from {@code start} through now, asked per region
   * through {@code clients} (a new client for the given region, closed after use); asked again
   * when a digest names a key not yet seen, since CloudTrail rotates its keys.
   */
  public static PublicKeys fromCloudTrail(Function<String, CloudTrailClient> clients, Instant start) {
    return new Listed(clients, start);
  }

  /**
   * An RSA key from the DER CloudTrail gives: PKCS #1 {@code RSAPublicKey} as documented, or an
   * X.509 {@code SubjectPublicKeyInfo}, which the documentation's own sample key is.
   */
  static PublicKey rsaKey(byte[] der, String where) throws IOException {
    KeyFactory rsa;
    try {
      rsa = KeyFactory.getInstance("RSA");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has RSA", e);
    }
    try {
      return rsa.generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException notX509) {
      try {
        return rsa.generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo(der)));
      } catch (GeneralSecurityException e) {
        throw new IOException(where + ": not an RSA public key (PKCS #1 or X.509 DER)");
      }
    }
  }

  /** Wraps a PKCS #1 key as X.509 expects it: SEQUENCE { rsaEncryption, BIT STRING { key } }. */
  private static byte[] subjectPublicKeyInfo(byte[] pkcs1) {
    ByteArrayOutputStream bitString = new ByteArrayOutputStream();
    bitString.write(0x00); // no unused bits
    bitString.writeBytes(pkcs1);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(RSA_ALGORITHM);
    body.writeBytes(derElement(0x03, bitString.toByteArray()));
    return derElement(0x30, body.toByteArray());
  }

  private static byte[] derElement(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) out.write(length >>> (8 * i));
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** Keys read from files, whatever their region: a fingerprint names one key. */
  private static final class Fixed extends PublicKeys {
    private final Map<String, PublicKey> keys;

    Fixed(Map<String, PublicKey> keys) {
      this.keys = Map.copyOf(keys);
    }

    @Override
    PublicKey find(String region, String fingerprint) {
      return keys.get(fingerprint);
    }
  }

  /** Keys asked of CloudTrail per region, again for a fingerprint not seen before. */
  private static final class Listed extends PublicKeys {
    private final Function<String, CloudTrailClient> clients;
    private final Instant start;
    private final Map<String, Map<String, PublicKey>> byRegion = new HashMap<>();
    private final Set<String> askedAgainFor = new HashSet<>();

    Listed(Function<String, CloudTrailClient> clients, Instant start) {
      this.clients = Objects.requireNonNull(clients, "clients == null");
      this.start = Objects.requireNonNull(start, "start == null");
    }

    @Override
    synchronized PublicKey find(String region, String fingerprint) throws IOException {
      Map<String, PublicKey> keys = byRegion.get(region);
      if (keys == null || !keys.containsKey(fingerprint) && askedAgainFor.add(region + " " + fingerprint)) {
        keys = list(region);
        byRegion.put(region, keys);
      }
      return keys.get(fingerprint);
    }

    private Map<String, PublicKey> list(String region) throws IOException {
      Map<String, PublicKey> keys = new HashMap<>();
      // No EndTime: through now.
      ListPublicKeysRequest request = ListPublicKeysRequest.builder().startTime(start).build();
      try (CloudTrailClient cloudTrail = clients.apply(region)) {
        for (ListPublicKeysResponse page : cloudTrail.listPublicKeysPaginator(request)) {
          for (var key : page.publicKeyList()) {
            String where = "ListPublicKeys in " + region + ", key " + key.fingerprint();
            keys.put(key.fingerprint(), rsaKey(key.value().asByteArray(), where));
          }
        }
      } catch (SdkException e) {
        throw new IOException("cannot list CloudTrail's public keys in " + region + ": " + S3Errors.describe(e));
      }
      return keys;
    }
  }
}
