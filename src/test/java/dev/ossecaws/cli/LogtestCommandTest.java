package dev.ossecaws.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ossec-aws logtest}: options parsed like ossec-logtest's, streams, exit codes. */
class LogtestCommandTest {
  private static final String FIXED = "fixed:2026-01-01T00:00:00Z";

  @TempDir Path dir;

  @Test
  void rulesetAloneLoadsItsDecodersWithReadingLines() throws IOException {
    Path ruleset = ruleset("<decoder name=\"app\"><prematch>^APP </prematch></decoder>");
    Run run = run("APP hello\n", "--ruleset", ruleset.toString(), "--hostname", "h", "--clock", FIXED);
    assertEquals(0, run.exit, run.err);
    assertTrue(run.out.startsWith(
        "2026/01/01 00:00:00 ossec-testrule: INFO: Reading decoder file " + ruleset.resolve("decoders/app.xml") + ".\n"
            + "2026/01/01 00:00:00 ossec-analysisd(2106): ERROR: Error adding decoder plugin.\n"
            + "2026/01/01 00:00:00 ossec-testrule: INFO: Started (pid: "), run.out);
    assertTrue(run.out.endsWith(
        "ossec-testrule: Type one log per line.\n\n\n\n"
            + "**Phase 1: Completed pre-decoding.\n"
            + "       full event: 'APP hello'\n"
            + "       hostname: 'h'\n"
            + "       program_name: '(null)'\n"
            + "       log: 'APP hello'\n"
            + "\n"
            + "**Phase 2: Completed decoding.\n"
            + "       decoder: 'app'\n"), run.out);
  }

  @Test
  void quietDropsOnlyTheReadingLines() throws IOException {
    Path ruleset = ruleset("<decoder name=\"app\"><prematch>^APP </prematch></decoder>");
    Run run = run("", "-qt", "--ruleset", ruleset.toString(), "--clock", FIXED);
    assertEquals(0, run.exit, run.err);
    assertEquals("2026/01/01 00:00:00 ossec-analysisd(2106): ERROR: Error adding decoder plugin.\n", run.out,
        "-t stops before 'Started'; -q drops the reading lines; without decoders for lines with a"
            + " program name OSSEC complains");
  }

  @Test
  void clusteredOptionTakesTheNextArgument() throws IOException {
    Run run = run("", "-qtD", SharedData.ossecHome().toString(), "--clock", FIXED);
    assertEquals(0, run.exit, run.err);
    assertEquals("2026/01/01 00:00:00 ossec-testrule: INFO: Reading local decoder file.\n", run.out);
  }

  @Test
  void attachedArgument() throws IOException {
    Path home = SharedData.ossecHome();
    Run run = run("", "-t", "-D" + home, "-c" + home.resolve("etc/ossec.conf"), "--clock", FIXED);
    assertEquals(0, run.exit, run.err);
  }

  @Test
  void versionAndHelpAreOssecs() throws IOException {
    Run version = run("", "-V");
    assertEquals(0, version.exit);
    assertEquals(OssecTexts.VERSION, version.out);
    Run help = run("", "-h");
    assertTrue(help.out.contains("  ossec-testrule: -[Vhdtva] [-c config] [-D dir] [-U rule:alert:decoder]\n"));
  }

  @Test
  void brokenDecoderFileExitsOneWithOssecsLines() throws IOException {
    Path ruleset = ruleset("<decoder name=\"x\"><parent>nobody</parent></decoder>");
    Run run = run("", "--ruleset", ruleset.toString(), "--clock", FIXED);
    assertEquals(1, run.exit);
    String file = ruleset.resolve("decoders/app.xml").toString();
    assertEquals(
        "2026/01/01 00:00:00 ossec-analysisd(2101): ERROR: Parent decoder name invalid: 'nobody'.\n"
            + "2026/01/01 00:00:00 ossec-analysisd(2106): ERROR: Error adding decoder plugin.\n"
            + "2026/01/01 00:00:00 ossec-testrule(1202): ERROR: Configuration error at '" + file + "'. Exiting.\n"
            + "logtest: " + file + ":1: decoder 'x': ossec-analysisd(2101): ERROR: Parent decoder name invalid: 'nobody'.\n",
        run.err);
  }

  @Test
  void missingHomeExitsOneWithoutStackTrace() throws IOException {
    Run run = run("", "-D", dir.resolve("nowhere").toString());
    assertEquals(1, run.exit);
    assertFalse(run.err.contains("\tat "), run.err);
  }

  @Test
  void badClockIsAOneLineUsageError() throws IOException {
    assertEquals(new Run(2, "", "logtest: bad clock 'tomorrow': expected wall, fixed:<ISO-8601 date-time> or event\n"),
        run("", "--clock", "tomorrow"));
    assertEquals(new Run(2, "", "logtest: bad clock 'fixed:2026': expected fixed:<ISO-8601 date-time>, e.g. "
        + "fixed:2026-01-01T00:00:00Z\n"), run("", "--clock", "fixed:2026"));
  }

  @Test
  void badFormatIsAOneLineUsageError() throws IOException {
    assertEquals(new Run(2, "", "logtest: bad --format 'xml': expected text or json\n"), run("", "--format", "xml"));
  }

  @Test
  void malformedUnitTestIsOssecsOneLineAndExitsOne() throws IOException {
    assertEquals(new Run(1, "", "2026/01/01 00:00:00 ossec-testrule: -U requires the matching format to be "
            + "\"<rule_id>:<alert_level>:<decoder_name>\"\n"),
        run("", "-U", "5715:3", "-D", dir.toString(), "--clock", FIXED));
  }

  @Test
  void unknownShortOptionIsGetoptsLineThenOssecsHelpOnStderrExitingOne() throws IOException {
    for (String[] args : new String[][] {{"-x"}, {"-qx"}, {"-t", "-x", "-h"}, {"-D", "dir", "-x"}}) {
      assertEquals(new Run(1, "", "ossec-logtest: invalid option -- 'x'\n" + OssecTexts.HELP), run("", args),
          String.join(" ", args));
    }
  }

  @Test
  void shortOptionWithoutItsArgumentIsGetoptsOtherLine() throws IOException {
    for (String option : new String[] {"-D", "-c", "-U", "-qtD"}) {
      String letter = option.substring(option.length() - 1);
      assertEquals(new Run(1, "", "ossec-logtest: option requires an argument -- '" + letter + "'\n" + OssecTexts.HELP),
          run("", option), option);
    }
  }

  @Test
  void versionOrHelpEndsTheCommandLineWhicheverComesFirst() throws IOException {
    assertEquals(new Run(0, OssecTexts.HELP, ""), run("", "-h", "-x"));
    assertEquals(new Run(0, OssecTexts.HELP, ""), run("", "-h", "-V"));
    assertEquals(new Run(0, OssecTexts.VERSION, ""), run("", "-tV", "-h"));
    assertEquals(new Run(0, OssecTexts.VERSION, ""), run("", "-V", "--nonsense"));
  }

  @Test
  void asOssecAwsSubcommandGetoptReadsOnlyWhatFollowsLogtest() {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, ISO_8859_1));
    System.setErr(new PrintStream(err, true, ISO_8859_1));
    try {
      assertEquals(1, Main.execute("logtest", "-x"));
      assertEquals(0, Main.execute("logtest", "-t", "-h", "-V"));
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    assertEquals("ossec-logtest: invalid option -- 'x'\n" + OssecTexts.HELP, err.toString(ISO_8859_1));
    assertEquals(OssecTexts.HELP, out.toString(ISO_8859_1));
  }

  @Test
  void unknownLongOptionIsAOneLineUsageErrorNamingWhatIsExpected() throws IOException {
    String expected = "logtest: unknown option '--hostnme': expected --help, --version, --hostname NAME, --clock CLOCK, "
        + "--ruleset DIR, --format FORMAT or ossec-logtest's -VatvdhqUDc\n";
    assertEquals(new Run(2, "", expected), run("", "--hostnme", "h"));
    assertEquals(new Run(2, "", expected), run("", "--hostnme=h", "-x"), "the first mistake decides");
  }

  @Test
  void longOptionWithoutItsValueOrWithOneItTakesNotIsAOneLineUsageError() throws IOException {
    assertEquals(new Run(2, "", "logtest: option '--clock' needs CLOCK: Event time: wall (default), "
        + "fixed:<ISO-8601 date-time> or event (the log's own stamp).\n"), run("", "-q", "--clock"));
    assertEquals(new Run(2, "", "logtest: option '--help' takes no value\n"), run("", "--help=yes"));
  }

  @Test
  void jsonGivesOneObjectPerEvent() throws IOException {
    Path ruleset = ruleset(
        "<decoder name=\"app\"><prematch>^APP </prematch><regex>^APP (\\S+)</regex><order>srcip</order></decoder>");
    Run run = run("APP 1.2.3.4\nother\n", "--ruleset", ruleset.toString(), "--format", "json", "--hostname", "h", "--clock", FIXED);
    String[] lines = run.out.split("\n");
    assertEquals(2, lines.length, "stdout is the JSON alone, OSSEC's log lines go to stderr: " + run.out);
    assertTrue(run.err.contains("ossec-testrule: INFO: Started (pid: "), run.err);
    assertEquals(
        "{\"full_log\":\"APP 1.2.3.4\",\"hostname\":\"h\",\"program_name\":null,\"log\":\"APP 1.2.3.4\","
            + "\"decoder\":\"app\",\"fields\":{\"srcip\":\"1.2.3.4\"},"
            + "\"assignments\":[{\"name\":\"srcip\",\"value\":\"1.2.3.4\"}],\"rule\":null}",
        lines[lines.length - 2]);
    assertTrue(lines[lines.length - 1].contains("\"decoder\":null"), lines[lines.length - 1]);
  }

  @Test
  void hostileInputIsReportedNotFatal() throws IOException {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.write("x".repeat(1 << 20).getBytes(ISO_8859_1));
    input.write("\nab\0cd\n\n\u00ff\u00c3( bad utf-8\n".getBytes(ISO_8859_1));
    Run run = run(input.toByteArray(), "-qD", SharedData.ossecHome().toString(), "--clock", FIXED);
    assertEquals(0, run.exit, run.err);
    assertEquals(171 + 2, run.out.split("\\*\\*Phase 1: Completed pre-decoding\\.\n", -1).length - 1);
    assertTrue(run.out.contains("       full event: 'ab'\n"));
    assertTrue(run.out.contains("       full event: '\u00ff\u00c3( bad utf-8'\n"));
  }

  private Path ruleset(String decoders) throws IOException {
    Path ruleset = dir.resolve("ruleset");
    Files.createDirectories(ruleset.resolve("decoders"));
    Files.writeString(ruleset.resolve("decoders/app.xml"), decoders, ISO_8859_1);
    return ruleset;
  }

  private static Run run(String input, String... args) {
    return run(input.getBytes(ISO_8859_1), args);
  }

  private static Run run(byte[] input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      exit = new LogtestCommand(new ByteArrayInputStream(input), out, err).run(List.of(args));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Run(exit, new String(out.toByteArray(), ISO_8859_1), new String(err.toByteArray(), ISO_8859_1));
  }

  private record Run(int exit, String out, String err) {}
}
