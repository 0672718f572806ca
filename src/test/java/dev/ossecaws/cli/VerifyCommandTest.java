package dev.ossecaws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossecaws.cloudtrail.S3MockServer;
import dev.ossecaws.integrity.SignedTrail;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;

class VerifyCommandTest {
  @RegisterExtension static final S3MockExtension S3_MOCK = S3MockServer.extension();
  private static S3Client s3;
  private static int buckets;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void connect() {
    s3 = S3MockServer.client(S3_MOCK);
    // The SDK's default chain reads these; S3Mock accepts any.
    System.setProperty("aws.accessKeyId", "AKIAOSSECAWSTEST0002");
    System.setProperty("aws.secretAccessKey", "not-a-secret");
  }

  @AfterAll
  static void disconnect() {
    s3.close();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private int verify(SignedTrail trail, String... more) throws Exception {
    Path keys = SignedTrail.publicKeysFile(dir.resolve("keys.json"), trail.key);
    String[] base = {"cloudtrail", "verify", "-b", trail.bucket, "--since", "2024-03-10", "--until", "2024-03-10",
        "--public-keys", keys.toString(), "--endpoint-url", S3MockServer.endpoint(S3_MOCK).toString(), "--path-style",
        "--region", "us-east-1"};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return run(args);
  }

  private static SignedTrail oneSignedHour(SignedTrail.LogFile[] logs) {
    SignedTrail trail = new SignedTrail(s3, "verify-cli-" + (++buckets));
    logs[0] = trail.putLogFile("111122223333", "us-east-1", Instant.parse("2024-03-10T08:15:00Z"), 2);
    logs[1] = trail.putLogFile("111122223333", "us-east-1", Instant.parse("2024-03-10T08:40:00Z"), 2);
    trail.putDigest("111122223333", "us-east-1", Instant.parse("2024-03-10T08:01:31Z"), Instant.parse("2024-03-10T09:01:31Z"),
        null, logs);
    return trail;
  }

  @Test
  void exitsZeroWhenAllIsValidAndOneWithTheModifiedFileNamedWhenOneWasEdited() throws Exception {
    SignedTrail.LogFile[] logs = new SignedTrail.LogFile[2];
    SignedTrail trail = oneSignedHour(logs);

    assertEquals(0, verify(trail));
    assertEquals("digests: 1 valid; log files: 2 valid: all valid\n", out.toString());

    out.getBuffer().setLength(0);
    trail.overwrite(logs[1].key(), "{\"Records\":[]}");
    assertEquals(1, verify(trail));
    String report = out.toString();
    assertTrue(report.startsWith("log file MODIFIED " + logs[1].key() + ": its SHA-256 is "), report);
    assertTrue(report.endsWith("digests: 1 valid; log files: 1 valid, 1 modified: NOT VALID\n"), report);
    assertEquals("", err.toString());
  }

  @Test
  void jsonFormatPrintsOneDocumentForAuditors() throws Exception {
    SignedTrail.LogFile[] logs = new SignedTrail.LogFile[2];
    SignedTrail trail = oneSignedHour(logs);
    trail.delete(logs[0].key());

    assertEquals(1, verify(trail, "--format", "json"));

    var json = new ObjectMapper().readTree(out.toString());
    assertEquals(false, json.get("valid").asBoolean());
    assertEquals(1, json.at("/summary/logFiles/missing").asInt());
    assertEquals(2, json.get("logFiles").size());
  }

  @Test
  void helpDocumentsTheExitCodesAndUsageErrorsExitTwoInPlainWords() throws Exception {
    assertEquals(0, run("cloudtrail", "verify", "--help"));
    assertTrue(out.toString().replaceAll("\\s+", " ").contains("Exit code: 0 all valid, 1 something is not valid, 2 bad usage or unusable"
        + " --public-keys file, 3 nothing invalid found but some object or listing could not be read"), out.toString());

    assertEquals(2, run("cloudtrail", "verify", "-b", "x", "--format", "xml"));
    assertTrue(err.toString().contains("--format: expected text or json: 'xml'"), err.toString());
    assertEquals(2, run("cloudtrail", "verify", "-b", "x", "--since", "2024-03-10", "--until", "2024-03-09"));
    assertTrue(err.toString().contains("--until 2024-03-09 is before --since 2024-03-10"), err.toString());

    err.getBuffer().setLength(0);
    Path notKeys = Files.writeString(dir.resolve("keys.json"), "{\"Keys\": []}");
    assertEquals(2, run("cloudtrail", "verify", "-b", "x", "--public-keys", notKeys.toString()));
    assertEquals("verify: " + notKeys + ": no PublicKeyList array (expected what aws cloudtrail list-public-keys prints)\n",
        err.toString());
    assertTrue(!err.toString().contains("\tat "), err.toString());
  }
}
