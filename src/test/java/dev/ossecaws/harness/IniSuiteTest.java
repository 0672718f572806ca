package dev.ossecaws.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniSuiteTest {
  @TempDir Path dir;

  @Test
  void ossecsSuiteHas264LogLinesMaking261Tests() throws IOException, IniException {
    Path ini = SharedData.require("ossec-4.3.0/tests/ini");
    long logLines;
    try (Stream<Path> files = Files.list(ini)) {
      logLines = files.filter(f -> f.toString().endsWith(".ini")).flatMap(IniSuiteTest::lines)
          .filter(l -> l.startsWith("log ")).count();
    }
    assertEquals(264, logLines);
    List<IniCase> cases = IniSuite.load(ini).cases();
    assertEquals(261, cases.size());
    assertEquals(32, cases.stream().filter(c -> !c.expectsMatch()).count());
    IniCase asa = cases.stream().filter(c -> c.section().equals("asa enable failed")).findFirst().orElseThrow();
    assertTrue(asa.log().startsWith("%ASA-6-308001: "), asa.log());
    assertEquals("4324:9:pix", asa.expected());
  }

  @Test
  void everyKnownFailureOfOssecNamesATestOfTheSuite() throws IOException, IniException {
    Path results = SharedData.require("ossec-4.3.0/tests/ini-results-ossec-4.3.0.txt");
    KnownFailures known = KnownFailures.read(results);
    List<IniCase> cases = IniSuite.load(results.resolveSibling("ini")).cases();
    assertEquals(6, cases.stream().filter(known::contains).count());
  }

  @Test
  void passLinesMustMatchAndFailLinesMustNot() throws Exception {
    Files.writeString(dir.resolve("a.ini"), "[ok]\nlog 1 pass = right\nlog 2 pass = wrong\n"
        + "log 3 fail = right\nlog 4 fail = wrong\nrule = 5\nalert = 3\ndecoder = sshd\n");
    IniSuite suite = IniSuite.load(dir);
    LineEvaluator fake = (line, expected) -> line.equals("right") ? 0 : 1;
    List<IniResult> results = suite.run(fake);
    assertEquals(List.of(true, false, false, true),
        results.stream().map(IniResult::passed).collect(Collectors.toList()));
    assertEquals("a.ini [ok] log 2 pass  rc=1  expected 5:3:sshd", results.get(1).toString());
  }

  @Test
  void knownFailuresReadTheirOwnOutputFormat() throws Exception {
    Path file = dir.resolve("known.txt");
    Files.writeString(file, "# comment\nTOTAL pass=1 fail=1\na.ini [ok] log 2 pass  rc=1  expected 5:3:sshd\nb.ini [x] log 1 fail\n");
    KnownFailures known = KnownFailures.read(file);
    assertTrue(known.contains(new IniCase("a.ini", "ok", "log 2 pass", "l", "5", "3", "sshd")));
    assertTrue(known.contains(new IniCase("b.ini", "x", "log 1 fail", "l", "5", "3", "sshd")));
    assertFalse(known.contains(new IniCase("a.ini", "ok", "log 1 pass", "l", "5", "3", "sshd")));
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
