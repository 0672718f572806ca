package dev.ossecaws.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ossec-aws logtest}'s rule phase end to end: trace, alerts, unit-test mode, correlation. */
class LogtestRulePhaseTest {
  private static final String LOGIN = "Jan 10 10:00:00 host1 myapp[12]: login user=root from=1.2.3.4 port=22";
  private static final String FIXED = "fixed:2026-01-01T00:00:00Z";

  @TempDir Path home;
  private int exit;
  private String err;

  @BeforeEach
  void writeHome() throws IOException {
    write("etc/internal_options.conf", "analysisd.default_timeframe=360\nanalysisd.decoder_order_size=256\n"
        + "analysisd.sid_prev_matched_max=128\nanalysisd.fts_list_size=32\nanalysisd.fts_min_size_for_str=14\n");
    write("etc/ossec.conf", "<ossec_config>\n  <rules>\n    <decoder>etc/test_decoders.xml</decoder>\n"
        + "    <include>test_rules.xml</include>\n  </rules>\n</ossec_config>\n");
    write("etc/test_decoders.xml", "<decoder name=\"myapp\">\n  <program_name>^myapp</program_name>\n"
        + "  <regex>user=(\\S+) from=(\\S+) port=(\\d+)</regex>\n  <order>user, srcip, srcport</order>\n"
        + "</decoder>\n<decoder name=\"quiet\">\n  <program_name>^quiet</program_name>\n</decoder>\n");
    write("rules/test_rules.xml", "<group name=\"test,\">\n"
        + "  <rule id=\"1\" level=\"0\" noalert=\"1\"><category>syslog</category><description>t</description></rule>\n"
        + "  <rule id=\"100100\" level=\"3\"><program_name>^myapp</program_name><description>myapp</description></rule>\n"
        + "  <rule id=\"100101\" level=\"5\"><if_sid>100100</if_sid><user>root</user><description>root login</description></rule>\n"
        + "  <rule id=\"100200\" level=\"3\"><if_sid>100100</if_sid><match>fail </match><description>fail</description></rule>\n"
        + "  <rule id=\"100201\" level=\"10\" frequency=\"2\" timeframe=\"60\">\n"
        + "    <if_matched_sid>100200</if_matched_sid><description>freq 2</description>\n  </rule>\n"
        + "</group>\n");
  }

  @Test
  void alertModePrintsAlertsLogEntriesWithCorrelatedLogs() throws IOException {
    String fails = "Jan 10 10:00:00 host1 myapp: fail 1\nJan 10 10:00:00 host1 myapp: fail 2\n"
        + "Jan 10 10:00:00 host1 myapp: fail 3\nJan 10 10:00:00 host1 myapp: fail 4\n";

    String out = logtest(LOGIN + "\n" + fails, "-a", "--clock", FIXED);

    assertEquals(0, exit, err);
    assertEquals("** Alert 1767225600.1: - test,\n"
        + "2026 Jan 01 00:00:00 host1->stdin\n"
        + "Rule: 100101 (level 5) -> 'root login'\n"
        + "Src IP: 1.2.3.4\nSrc Port: 22\nUser: root\n"
        + LOGIN + "\n\n", alertNumber(out, 1));
    assertEquals("** Alert 1767225600.5: mail  - test,\n"
        + "2026 Jan 01 00:00:00 host1->stdin\n"
        + "Rule: 100201 (level 10) -> 'freq 2'\n"
        + "Jan 10 10:00:00 host1 myapp: fail 4\nJan 10 10:00:00 host1 myapp: fail 3\n"
        + "Jan 10 10:00:00 host1 myapp: fail 2\nJan 10 10:00:00 host1 myapp: fail 1\n\n", alertNumber(out, 5));
  }

  @Test
  void jsonCarriesTheRuleAndWhetherItAlerts() throws IOException {
    String out = logtest(LOGIN + "\n", "--format", "json", "--clock", FIXED);

    assertTrue(out.contains("\"rule\":{\"id\":100101,\"level\":5,\"description\":\"root login\","
        + "\"groups\":[\"test\"],\"alert\":true}"), out);
  }

  @Test
  void unitTestModeExitCodesFollowOssec() throws IOException {
    assertEquals(List.of(0, 0, 1, 2, 3), List.of(
        unitTest("100101:5:myapp"), unitTest("100101:5:MYAPP"), unitTest("100101:4:myapp"),
        unitTest("100100:5:myapp"), unitTest("100101:5:other")));
  }

  @Test
  void unitTestModePrintsTheDecoderLinesAndAZeroOnSuccess() throws IOException {
    String out = logtest(LOGIN + "\n", "-q", "-U", "100101:5:myapp", "--clock", FIXED);

    assertTrue(out.endsWith("**Alert to be generated.\n\n\n"
        + "lf->decoder_info->name: 'myapp'\nut_decoder_name       : 'myapp'\n0\n"), out);
  }

  @Test
  void unitTestModeReportsAMissingDecoder() throws IOException {
    String out = logtest("Jan 10 10:00:00 host1 other: x\n", "-q", "-U", "1:0:myapp", "--clock", FIXED);

    assertEquals(3, exit);
    assertTrue(out.endsWith("lf->decoder_info->name: '(null)'\nut_decoder_name       : 'myapp'\n"
        + "decoder matched : 'NULL'\n"), out);
  }

  @Test
  void unitTestModeStopsWith255WhenTheDecoderMatchedButNoRule() throws IOException {
    String out = logtest("Jan 10 10:00:00 host1 quiet: x\n" + LOGIN + "\n", "-q", "-U", "1:0:quiet", "--clock", FIXED);

    assertEquals(255, exit);
    assertTrue(out.endsWith(" ossec-testrule: No rule matched for decoder 'quiet'. Verify that rules exist for this"
        + " decoder and check if rules have required dependencies (if_sid, if_matched_sid, if_matched_group, etc.).\n"),
        out);
  }

  @Test
  void frequencyFiresOnTheFourthEventNotEarlierNorLater() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 5; i++) lines.append("Jan 10 10:00:0").append(i).append(" host1 myapp: fail ").append(i).append('\n');

    assertEquals(List.of("100200", "100200", "100200", "100201", "100200"), ruleIds(logtest(lines.toString(), "-q",
        "--clock", FIXED)));
  }

  @Test
  void timeframeExpiresOnTheLogsOwnClock() throws IOException {
    String lines = "Jan 10 10:00:00 host1 myapp: fail 1\nJan 10 10:00:20 host1 myapp: fail 2\n"
        + "Jan 10 10:01:10 host1 myapp: fail 3\nJan 10 10:01:20 host1 myapp: fail 4\n"
        + "Jan 10 10:01:25 host1 myapp: fail 5\nJan 10 10:01:29 host1 myapp: fail 6\n";

    assertEquals(List.of("100200", "100200", "100200", "100200", "100200", "100201"),
        ruleIds(logtest(lines, "-q", "--clock", "event")));
  }

  @Test
  void verboseTraceListsEveryRuleTriedAsOssecDoes() throws IOException {
    String out = logtestStock("Nov 11 22:46:29 localhost vsftpd: pam_unix(vsftpd:auth): authentication failure;"
        + " logname= uid=0 euid=0 tty= ruser= rhost=1.2.3.4\n", "-v");

    assertTrue(out.contains("       decoder: 'pam'\n\n**Rule debugging:\n"
        + "    Trying rule: 1 - Generic template for all syslog rules.\n"
        + "       *Rule 1 matched.\n       *Trying child rules.\n"
        + "    Trying rule: 5500 - Grouping of the pam_unix rules.\n"
        + "       *Rule 5500 matched.\n       *Trying child rules.\n"
        + "    Trying rule: 5552 - PAM and gdm are not playing nicely.\n"
        + "    Trying rule: 5503 - User login failed.\n"
        + "       *Rule 5503 matched.\n       *Trying child rules.\n"
        + "    Trying rule: 5551 - Multiple failed logins in a small period of time.\n"
        + "    Trying rule: 40111 - Multiple authentication failures.\n"
        + "    Trying rule: 51004 - dropbear brute force attempt.\n\n"
        + "**Phase 3: Completed filtering (rules).\n"), out);
  }

  @Test
  void brokenRulesFileStopsWithOssecsMessagesAndExitOne() throws IOException {
    write("rules/test_rules.xml", "<group name=\"test,\">\n  <rule id=\"100100\" level=\"3\">\n"
        + "    <if_sid>99</if_sid>\n  </rule>\n</group>\n");

    logtest(LOGIN + "\n", "-q", "--clock", FIXED);

    assertEquals(1, exit);
    assertTrue(err.contains(" rules_list: Signature ID '99' not found. Invalid 'if_sid'.\n"), err);
    assertTrue(err.contains("test_rules.xml:2: rule 100100"), err);
  }

  private int unitTest(String expected) throws IOException {
    logtest(LOGIN + "\n", "-q", "-U", expected, "--clock", FIXED);
    return exit;
  }

  private String logtest(String input, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("-D", home.toString(), "--hostname", "melancia"));
    args.addAll(List.of(options));
    return run(input, args);
  }

  private String logtestStock(String input, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("-q", "-D", SharedData.ossecHome().toString(),
        "--hostname", "melancia", "--clock", FIXED));
    args.addAll(List.of(options));
    return run(input, args);
  }

  private String run(String input, List<String> args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    exit = new LogtestCommand(new ByteArrayInputStream(input.getBytes(ISO_8859_1)), out, errors).run(args);
    err = errors.toString(ISO_8859_1);
    return out.toString(ISO_8859_1);
  }

  private void write(String relative, String content) throws IOException {
    Path file = home.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, ISO_8859_1);
  }

  /** The {@code n}th alert (1-based) of an {@code -a} run. */
  private static String alertNumber(String out, int n) {
    String[] alerts = out.substring(out.indexOf("** Alert ")).split("(?=\\*\\* Alert )");
    for (String alert : alerts) {
      if (alert.startsWith("** Alert 1767225600." + n + ":")) return alert;
    }
    throw new AssertionError("no alert " + n + " in:\n" + out);
  }

  /** The rule id of every Phase 3 block, in order. */
  private static List<String> ruleIds(String out) {
    List<String> ids = new ArrayList<>();
    Matcher ruleId = Pattern.compile("       Rule id: '(\\d+)'").matcher(out);
    while (ruleId.find()) ids.add(ruleId.group(1));
    return ids;
  }
}
