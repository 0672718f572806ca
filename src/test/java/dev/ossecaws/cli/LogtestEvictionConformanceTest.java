package dev.ossecaws.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.Oracle;
import dev.ossecaws.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A long session through OSSEC's own ossec-logtest (the oracle of ../shared) and through ours,
 * whose reports must be identical: more alerts than the global list keeps (8192), from an
 * if_matched_sid target that also feeds two group lists, as 5710 feeds 40111 and 51004 in the
 * stock rules. Evictions then empty the group lists, print 'No Oldest node to delete' after the
 * report (or the alert, with -a), and change what the frequency rules count; two regex searches
 * sit on either side of what the global list holds then.
 */
class LogtestEvictionConformanceTest {
  private static final String RULES = "<group name=\"syslog,\"><rule id=\"1\" level=\"0\" noalert=\"1\">"
      + "<category>syslog</category><description>Generic template</description></rule></group>\n"
      + "<group name=\"t,\">"
      + "<rule id=\"100\" level=\"3\"><match>fail</match><group>grpA,</group><description>fail</description></rule>"
      + "<rule id=\"101\" level=\"3\"><match>bad</match><group>grpA,</group><description>bad</description></rule>"
      + "<rule id=\"102\" level=\"3\"><match>other</match><description>other</description></rule>"
      + "<rule id=\"300\" level=\"8\" frequency=\"100\" timeframe=\"99999\"><if_matched_sid>100</if_matched_sid>"
      + "<description>many fails</description></rule>"
      + "<rule id=\"200\" level=\"10\" frequency=\"20\" timeframe=\"99999\"><if_matched_group>grpA</if_matched_group>"
      + "<description>grpA burst</description></rule>"
      + "<rule id=\"201\" level=\"10\" frequency=\"5\" timeframe=\"99999\"><match>probe</match>"
      + "<if_matched_group>grpA</if_matched_group><description>grpA probe</description></rule>"
      // OSSEC: 400 fires once (event 8743), 401, which needs one event more, never.
      + "<rule id=\"401\" level=\"11\" frequency=\"8140\" timeframe=\"99999\"><match>rprobe</match>"
      + "<if_matched_regex>^other</if_matched_regex><description>all others</description></rule>"
      + "<rule id=\"400\" level=\"11\" frequency=\"8139\" timeframe=\"99999\"><match>rprobe</match>"
      + "<if_matched_regex>^other</if_matched_regex><description>many others</description></rule>"
      + "</group>\n";
  private static final Pattern START_UP = Pattern.compile("(?m)^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d ossec-testrule: INFO: .*\n");

  @TempDir Path home;

  @BeforeEach
  void writeHome() throws IOException {
    Path ossec = SharedData.ossecHome();
    Files.createDirectories(home.resolve("etc"));
    Files.createDirectories(home.resolve("rules"));
    for (String file : List.of("decoder.xml", "internal_options.conf")) {
      Files.copy(ossec.resolve("etc").resolve(file), home.resolve("etc").resolve(file));
    }
    Files.writeString(home.resolve("etc/ossec.conf"), "<ossec_config><global><email_notification>no"
        + "</email_notification></global><rules><include>test_rules.xml</include></rules></ossec_config>\n");
    Files.writeString(home.resolve("rules/test_rules.xml"), RULES, ISO_8859_1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-q", "-a"})
  void aSessionLongerThanTheGlobalListReportsAsOssecDoes(String option) throws Exception {
    Path script = Oracle.script();
    Oracle.requireFaketime();
    byte[] input = String.join("\n", lines()).concat("\n").getBytes(ISO_8859_1);

    String ossec = withoutStartUp(oracle(script, option, input));
    String ours = withoutStartUp(ours(option, input));

    assertTrue(ossec.contains("No Oldest node to delete"), "the session no longer overflows the group lists");
    assertSameLines(ossec.split("\n", -1), ours.split("\n", -1));
  }

  /** On a difference, the lines around the first one: whole reports are megabytes. */
  private static void assertSameLines(String[] ossec, String[] ours) {
    for (int i = 0; i < Math.min(ossec.length, ours.length); i++) {
      if (ossec[i].equals(ours[i])) continue;
      int from = Math.max(0, i - 12);
      assertEquals(String.join("\n", Arrays.copyOfRange(ossec, from, Math.min(ossec.length, i + 3))),
          String.join("\n", Arrays.copyOfRange(ours, from, Math.min(ours.length, i + 3))), "line " + (i + 1));
    }
    assertEquals(ossec.length, ours.length, "lines");
  }

  /**
   * 200 fails (the oldest 72 leave 100's list of 128) and 80 bads, then others with a group
   * probe and a regex probe every few hundred lines, and bursts of fails and bads late on.
   */
  private static List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 200; i++) lines.add("fail " + i);
    for (int i = 1; i <= 80; i++) lines.add("bad " + i);
    for (int i = 1; i <= 9500; i++) {
      lines.add("other " + i);
      if (i % 400 == 0) lines.add("bad probe " + i);
      if (i % 700 == 0) lines.add("rprobe " + i);
      if (i > 8000 && i % 250 == 0) {
        for (int j = 1; j <= 30; j++) lines.add((j % 3 == 0 ? "bad " : "fail ") + i + "." + j);
      }
    }
    return lines;
  }

  private String oracle(Path script, String option, byte[] input) throws IOException, InterruptedException {
    Path in = Files.write(home.resolveSibling(home.getFileName() + ".input"), input);
    Process process = new ProcessBuilder(script.toString(), "-D", home.toString(),
        "--clock", "2026-01-01 00:00:00", "--", option)
        .redirectInput(in.toFile()).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the oracle hangs");
    Files.delete(in);
    assertEquals(0, process.exitValue(), () -> new String(output, ISO_8859_1));
    return new String(output, ISO_8859_1);
  }

  private String ours(String option, byte[] input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new LogtestCommand(new ByteArrayInputStream(input), out, err)
        .run(List.of(option, "-D", home.toString(), "--hostname", "melancia", "--clock", "fixed:2026-01-01T00:00:00Z"));
    assertEquals(0, exit, () -> new String(err.toByteArray(), ISO_8859_1));
    return new String(out.toByteArray(), ISO_8859_1);
  }

  private static String withoutStartUp(String report) {
    return START_UP.matcher(report).replaceAll("");
  }
}
