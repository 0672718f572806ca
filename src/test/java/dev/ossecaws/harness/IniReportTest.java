package dev.ossecaws.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniReportTest {
  @TempDir Path dir;

  static IniResult result(String section, String key, int code) {
    return new IniResult(new IniCase("a.ini", section, key, "line", "5", "3", "sshd"), code);
  }

  @Test
  void listsFailuresInTheResultsFileFormatAndCountsThem() {
    IniReport report = IniReport.of(List.of(result("s", "log 1 pass", 0), result("s", "log 2 pass", 2),
        result("t", "log 1 fail", 0)), KnownFailures.none());
    assertEquals(List.of("a.ini [s] log 2 pass  rc=2  expected 5:3:sshd",
        "a.ini [t] log 1 fail  rc=0  expected 5:3:sshd"), report.lines());
    assertEquals("1 passed, 2 failed", report.summary());
    assertEquals(2, report.unexpectedFailures());
  }

  @Test
  void knownFailuresAreMarkedAndNotUnexpected() throws Exception {
    Path file = dir.resolve("known.txt");
    Files.writeString(file, "a.ini [s] log 2 pass  rc=2  expected 5:3:sshd\na.ini [s] log 1 pass\n");
    IniReport report = IniReport.of(List.of(result("s", "log 1 pass", 0), result("s", "log 2 pass", 2),
        result("s", "log 3 pass", 1)), KnownFailures.read(file));
    assertEquals(List.of("known failure now passes: a.ini [s] log 1 pass",
        "a.ini [s] log 2 pass  rc=2  expected 5:3:sshd  (known)",
        "a.ini [s] log 3 pass  rc=1  expected 5:3:sshd"), report.lines());
    assertEquals("1 passed, 2 failed (1 unexpected)", report.summary());
  }
}
