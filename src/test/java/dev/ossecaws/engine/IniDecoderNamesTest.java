package dev.ossecaws.engine;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ossecaws.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * OSSEC's own rule tests (tests/ini): every {@code log N pass} line decodes with the test's
 * {@code decoder}, except where tests/ini-results-ossec-4.3.0.txt says OSSEC 4.3.0 itself decodes
 * it otherwise (exit code 3).
 */
class IniDecoderNamesTest {
  @Test
  void passLinesDecodeAsTheirTestSays() throws Exception {
    Path tests = SharedData.ossecHome().resolve("tests");
    List<String> ossecDiffers = ossecDecoderDifferences(tests.resolve("ini-results-ossec-4.3.0.txt"));
    Engine engine = Engine.builder()
        .config(ManagerConfig.load(SharedData.ossecHome()))
        .hostname("melancia")
        .clock(Clock.fixed(ZonedDateTime.parse("2026-01-01T00:00:00Z")))
        .load(message -> {});
    List<String> failures = new ArrayList<>();
    int checked = 0;
    int differing = 0;
    List<Path> files;
    try (Stream<Path> list = Files.list(tests.resolve("ini"))) {
      files = list.filter(f -> f.toString().endsWith(".ini")).sorted().toList();
    }
    for (Path file : files) {
      for (Map.Entry<String, Map<String, String>> section : sections(file).entrySet()) {
        String expected = section.getValue().get("decoder");
        for (Map.Entry<String, String> entry : section.getValue().entrySet()) {
          String key = entry.getKey();
          if (!key.startsWith("log ") || !key.endsWith(" pass")) continue;
          String id = file.getFileName() + " [" + section.getKey() + "] " + key;
          String actual = engine.newSession().process(entry.getValue()).decoded().decoderName();
          boolean same = expected.equalsIgnoreCase(String.valueOf(actual));
          if (ossecDiffers.contains(id)) {
            differing++;
            if (same) failures.add(id + ": OSSEC decodes it otherwise, but we give '" + actual + "'");
          } else {
            checked++;
            if (!same) failures.add(id + ": expected '" + expected + "' but was '" + actual + "'");
          }
        }
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(2, differing, "lines OSSEC decodes otherwise");
    assertEquals(227, checked, "pass lines checked");
  }

  /** {@code msauth.ini [title] log 1 pass} for each test whose exit code was 3 (decoder differs). */
  private static List<String> ossecDecoderDifferences(Path results) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(results, ISO_8859_1)) {
      int rc = line.indexOf("  rc=3 ");
      if (!line.startsWith("#") && rc >= 0) ids.add(line.substring(0, rc));
    }
    return ids;
  }

  /**
   * Sections of an .ini file read as Python's configparser reads them (strict=False): keys and
   * values trimmed, a repeated key keeps its last value, {@code %%} is {@code %}.
   */
  private static Map<String, Map<String, String>> sections(Path file) throws IOException {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String line : Files.readAllLines(file, ISO_8859_1)) {
      if (line.startsWith("[") && line.trim().endsWith("]")) {
        current = sections.computeIfAbsent(line.trim().substring(1, line.trim().length() - 1), k -> new LinkedHashMap<>());
        continue;
      }
      int equals = line.indexOf('=');
      if (current == null || equals < 0 || line.isBlank() || Character.isWhitespace(line.charAt(0))) continue;
      String key = line.substring(0, equals).trim().replaceAll("\\s+", " ");
      current.remove(key);
      current.put(key, line.substring(equals + 1).trim().replace("%%", "%"));
    }
    return sections;
  }
}
