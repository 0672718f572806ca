package dev.ossecaws.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.Oracle;
import dev.ossecaws.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lines that the amazon decoder's prematch takes but that are not flattened records. OSSEC 4.3.0
 * dies with a segmentation fault when a {@code <field>} rule (80022 first) reads a dynamic field
 * that no pattern set, so the amazon-fields pattern ends with an alternative that sets all sixteen
 * to ''. Through the real ossec-logtest and ours: no crash, and the same report.
 */
class AmazonFieldsFallbackTest {
  private static final Pattern START_UP =
      Pattern.compile("(?m)^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d ossec-testrule: INFO: .*\n");

  @TempDir Path scratch;

  @ParameterizedTest
  @ValueSource(strings = {
    "\"AmazonAWS\":x",
    "\"AmazonAWS\":\"eventVersion\":\"1.08\",\"eventTime\":\"2026-01-01T00:00:00Z\"",
    "\"AmazonAWS\":\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"sourceIPAddress\":\"203.0.113.7\""
  })
  void aLineThatIsNoFlattenedRecordGetsEmptyFieldsAndTheSameVerdictAsOssec(String line) throws Exception {
    Path script = Oracle.script();
    Oracle.requireFaketime();
    byte[] input = (line + "\n").getBytes(ISO_8859_1);

    String ours = withoutStartUp(ours(input));
    assertTrue(ours.contains("       session_mfa: ''\n"), ours);

    Path in = Files.write(scratch.resolve("input.log"), input);
    Process process = new ProcessBuilder(script.toString(), "-D", SharedData.ossecHome().toString(),
        "--ruleset", Path.of("ruleset").toAbsolutePath().toString(), "--clock", "2026-01-01 00:00:00", "--", "-q")
        .redirectInput(in.toFile()).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the oracle hangs");
    assertEquals(0, process.exitValue(), () -> "OSSEC's ossec-logtest failed:\n" + new String(output, ISO_8859_1));
    assertEquals(withoutStartUp(new String(output, ISO_8859_1)), ours);
  }

  private static String ours(byte[] input) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new LogtestCommand(new ByteArrayInputStream(input), out, err).run(java.util.List.of(
        "-q", "-D", SharedData.ossecHome().toString(), "--ruleset", "ruleset",
        "--hostname", "melancia", "--clock", "fixed:2026-01-01T00:00:00Z"));
    assertEquals(0, exit, () -> new String(err.toByteArray(), ISO_8859_1));
    return new String(out.toByteArray(), ISO_8859_1);
  }

  /** Start-up lines differ in one place: the oracle's --ruleset lists the decoders in its own way. */
  private static String withoutStartUp(String report) {
    return START_UP.matcher(report).replaceAll("");
  }
}
