package dev.ossecaws.harness;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * OSSEC's {@code .ini} test suite (contrib/ossec-testing): every {@code log N pass} or
 * {@code log N fail} key of every section is one test of one log line against the section's
 * {@code rule}, {@code alert} and {@code decoder}.
 */
public final class IniSuite {
  private final List<IniCase> cases;

  private IniSuite(List<IniCase> cases) {
    this.cases = List.copyOf(cases);
  }

  /** Every {@code *.ini} of {@code dir}, in name order. */
  public static IniSuite load(Path dir) throws IOException, IniException {
    if (!Files.isDirectory(dir)) throw new IOException(".ini test directory not found: " + dir);
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".ini")).sorted()
          .collect(Collectors.toList());
    }
    List<IniCase> cases = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      cases.addAll(cases(IniFile.parse(name, new String(Files.readAllBytes(file), ISO_8859_1))));
    }
    return new IniSuite(cases);
  }

  static List<IniCase> cases(IniFile ini) throws IniException {
    List<IniCase> cases = new ArrayList<>();
    for (String section : ini.sections()) {
      for (String key : ini.keys(section)) {
        if (!key.matches("log .*(pass|fail)")) continue;
        cases.add(new IniCase(ini.file(), section, key, ini.get(section, key),
            required(ini, section, "rule"), required(ini, section, "alert"),
            required(ini, section, "decoder")));
      }
    }
    return cases;
  }

  private static String required(IniFile ini, String section, String key) throws IniException {
    String value = ini.get(section, key);
    if (value == null) throw new IniException(ini.file(), 0, "[" + section + "] has no '" + key + "'");
    return value;
  }

  public List<IniCase> cases() {
    return cases;
  }

  /** Runs every case, each line in a fresh session. */
  public List<IniResult> run(LineEvaluator evaluator) throws Exception {
    List<IniResult> results = new ArrayList<>();
    for (IniCase testCase : cases) {
      results.add(new IniResult(testCase, evaluator.unitTestCode(testCase.log(), testCase.expectation())));
    }
    return results;
  }
}
