package dev.ossecaws.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

class PublicKeysTest {
  /** The sample response of AWS's "Custom implementations of CloudTrail log file integrity validation". */
  static final String DOCUMENTED_SAMPLE = """
      {
          "publicKeyList": [
              {
                  "ValidityStartTime": "1436317441.0",
                  "ValidityEndTime": "1438909441.0",
                  "Value": "MIIBCgKCAQEAn11L2YZ9h7onug2ILi1MWyHiMRsTQjfWE+pHVRLk1QjfWhirG+lpOa8NrwQ/r7Ah5bNL6HepznOU9XTDSfmmnP97mqyc7z/upfZdS/AHhYcGaz7n6Wc/RRBU6VmiPCrAUojuSk6/GjvA8iOPFsYDuBtviXarvuLPlrT9kAd4Lb+rFfR5peEgBEkhlzc5HuWO7S0y+KunqxX6jQBnXGMtxmPBPP0FylgWGNdFtks/4YSKcgqwH0YDcawP9GGGDAeCIqPWIXDLG1jOjRRzWfCmD0iJUkz8vTsn4hq/5ZxRFE7UBAUiVcGbdnDdvVfhF9C3dQiDq3k7adQIziLT0cShgQIDAQAB",
                  "Fingerprint": "8eba5db5bea9b640d1c96a77256fe7f2"
              },
              {
                  "ValidityStartTime": "1434589370.0",
                  "ValidityEndTime": "1437181370.0",
                  "Value": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqlzPJbvZJ42UdcmLfPUqXYNfOs6I8lCfao/tOs8CmzPOEdtLWugB9xoIUz78qVHdKIqxbaG4jWHfJBiOSSFBM0lt8cdVo4TnRa7oG9io5pysS6DJhBBAeXsicufsiFJR+wrUNh8RSLxL4k6G1+BhLX20tJkZ/erT97tDGBujAelqseGg3vPZbTx9SMfOLN65PdLFudLP7Gat0Z9p5jw/rjpclKfo9Bfc3heeBxWGKwBBOKnFAaN9V57pOaosCvPKmHd9bg7jsQkI9Xp22IzGLsTFJZYVA3KiTAElDMu80iFXPHEq9hKNbt9e4URFam+1utKVEiLkR2disdCmPTK0VQIDAQAB",
                  "Fingerprint": "31e8b5433410dfb61a9dc45cc65b22ff"
              }
          ]
      }
      """;

  @TempDir Path dir;

  @Test
  void readsTheDocumentedListWithAPkcs1KeyAndAnX509One() throws Exception {
    PublicKeys keys = PublicKeys.fromFiles(List.of(Files.writeString(dir.resolve("keys.json"), DOCUMENTED_SAMPLE)));

    RSAPublicKey pkcs1 = (RSAPublicKey) keys.find("us-east-2", "8eba5db5bea9b640d1c96a77256fe7f2");
    RSAPublicKey x509 = (RSAPublicKey) keys.find("us-east-2", "31e8b5433410dfb61a9dc45cc65b22ff");
    assertEquals(2048, pkcs1.getModulus().bitLength());
    assertEquals(2048, x509.getModulus().bitLength());
    assertNull(keys.find("us-east-2", "00000000000000000000000000000000"));
  }

  @Test
  void aKeyOfWhatTheCliPrintsIsTheKeyItEncodes() throws Exception {
    SignedTrail.SigningKey key = SignedTrail.newKey();
    Path file = SignedTrail.publicKeysFile(dir.resolve("keys.json"), key);

    assertEquals(key.pair().getPublic(), PublicKeys.fromFiles(List.of(file)).find("eu-west-3", key.fingerprint()));
  }

  @Test
  void aFileThatIsNotAKeyListIsNamedInOneSentence() throws Exception {
    Path notJson = Files.writeString(dir.resolve("a.json"), "PublicKeyList:");
    Path badValue = Files.writeString(dir.resolve("b.json"),
        "{\"PublicKeyList\":[{\"Fingerprint\":\"ab\",\"Value\":\"bm90IGEga2V5\"}]}");

    assertEquals(notJson + ": not JSON (expected what aws cloudtrail list-public-keys prints)",
        assertThrows(IOException.class, () -> PublicKeys.fromFiles(List.of(notJson))).getMessage());
    assertEquals(badValue + ": key 1 of PublicKeyList: not an RSA public key (PKCS #1 or X.509 DER)",
        assertThrows(IOException.class, () -> PublicKeys.fromFiles(List.of(badValue))).getMessage());
  }

  @Test
  void listPublicKeysIsAskedInTheDigestsRegionAndAskedAgainForAFingerprintNotYetSeen() throws Exception {
    SignedTrail.SigningKey key = SignedTrail.newKey();
    // CloudTrail's JSON 1.1 protocol, as its API reference gives ListPublicKeys' response.
    String response = "{\"PublicKeyList\":[{\"Value\":\"" + Base64.getEncoder().encodeToString(key.pkcs1())
        + "\",\"ValidityStartTime\":1.7089344E9,\"ValidityEndTime\":1.7115264E9,\"Fingerprint\":\"" + key.fingerprint() + "\"}]}";
    List<String> asked = new ArrayList<>();
    HttpServer cloudTrail = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cloudTrail.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Matcher scope = Pattern.compile("Credential=[^/]+/\\d+/([^/]+)/cloudtrail/").matcher(exchange.getRequestHeaders().getFirst("Authorization"));
      asked.add((scope.find() ? scope.group(1) : "?") + " " + exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + body);
      byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    cloudTrail.start();
    try {
      URI endpoint = URI.create("http://127.0.0.1:" + cloudTrail.getAddress().getPort());
      PublicKeys keys = PublicKeys.fromCloudTrail(region -> CloudTrailClient.builder().endpointOverride(endpoint)
          .region(Region.of(region))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAOSSECAWSTEST0003", "not-a-secret")))
          .build(), Instant.parse("2024-03-09T00:00:00Z"));

      assertEquals(key.pair().getPublic(), keys.find("eu-west-3", key.fingerprint()));
      assertEquals(key.pair().getPublic(), keys.find("eu-west-3", key.fingerprint()));
      assertNull(keys.find("eu-west-3", "0123456789abcdef0123456789abcdef"));
      assertNull(keys.find("eu-west-3", "0123456789abcdef0123456789abcdef"));

      String target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.ListPublicKeys";
      assertEquals(List.of("eu-west-3 " + target + " {\"StartTime\":1709942400.000}", "eu-west-3 " + target + " {\"StartTime\":1709942400.000}"), asked);
    } finally {
      cloudTrail.stop(0);
    }
  }
}
