package dev.ossecaws.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ossecaws.LogtestTranscript;
import dev.ossecaws.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OSSEC 4.3.0's own golden outputs, replayed through {@code ossec-aws logtest} with the stock
 * configuration, the host name and frozen clock they were made with.
 */
class LogtestConformanceTest {
  static Stream<String> logtestingCases() throws IOException {
    try (Stream<Path> cases = Files.list(SharedData.ossecHome().resolve("tests/logtesting"))) {
      return cases.map(c -> c.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("logtestingCases")
  void logtestingCaseMatchesOssec(String name) throws IOException {
    Path dir = SharedData.ossecHome().resolve("tests/logtesting").resolve(name);
    assertSameEvents(Files.readAllBytes(dir.resolve("log")), dir.resolve("res"));
  }

  /**
   * All 6,951 lines in one session, correlation state carried from line to line; on failure tells
   * how many events differ and shows the first.
   */
  @Test
  void wholeSessionMatchesOssec() throws IOException {
    Path dir = SharedData.ossecHome().resolve("tests/session");
    byte[] input = Files.readAllBytes(dir.resolve("input.log"));
    List<String> expected = LogtestTranscript.events(dir.resolve("expected.txt"));
    List<String> actual = LogtestTranscript.events(reportOf(input));
    List<Integer> differing = new ArrayList<>();
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) differing.add(i);
    }
    if (!differing.isEmpty()) {
      int first = differing.get(0);
      assertEquals(expected.get(first), actual.get(first), differing.size() + " of " + expected.size()
          + " events differ; the first is event " + (first + 1) + ", input line " + inputLine(input, first));
    }
    assertEquals(expected.size(), actual.size(), "events");
  }

  private static void assertSameEvents(byte[] input, Path expectedReport) throws IOException {
    List<String> expected = LogtestTranscript.events(expectedReport);
    List<String> actual = LogtestTranscript.events(reportOf(input));
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), "event " + (i + 1));
    }
    assertEquals(expected.size(), actual.size(), "events");
  }

  /**
   * The 1-based input line of the event with 0-based {@code index}: lines of 0 or 1 byte make no
   * event (spec/predecoding.md §1); lines are short enough here never to be split.
   */
  private static int inputLine(byte[] input, int index) {
    String[] lines = new String(input, ISO_8859_1).split("\n", -1);
    int events = -1;
    for (int line = 0; line < lines.length; line++) {
      if (lines[line].length() >= 2 && ++events == index) return line + 1;
    }
    return -1;
  }

  /** The report from the first event on, as OSSEC's golden files keep it. */
  private static String reportOf(byte[] input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new LogtestCommand(new ByteArrayInputStream(input), out, err).run(List.of(
            "-q",
            "-D", SharedData.ossecHome().toString(),
            "--hostname", "melancia",
            "--clock", "fixed:2026-01-01T00:00:00Z"));
    assertEquals(0, exit, () -> new String(err.toByteArray(), ISO_8859_1));
    String report = new String(out.toByteArray(), ISO_8859_1);
    String start = "ossec-testrule: Type one log per line.\n\n" + LogtestTranscript.SEPARATOR;
    return report.substring(report.indexOf(start) + start.length());
  }
}
