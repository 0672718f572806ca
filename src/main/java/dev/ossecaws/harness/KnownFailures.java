package dev.ossecaws.harness;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Tests expected to fail, by name; the file format is that of OSSEC's results file (and of the
 * failure lines {@code ossec-aws test --ini} prints): one {@link IniResult} line per test, with
 * {@code #} comments and {@code TOTAL} lines ignored.
 */
public final class KnownFailures {
  private static final String CODE_SEPARATOR = "  rc=";

  private final Set<String> names;

  private KnownFailures(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  public static KnownFailures none() {
    return new KnownFailures(Set.of());
  }

  public static KnownFailures read(Path file) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    for (String line : new String(Files.readAllBytes(file), ISO_8859_1).split("\r?\n")) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("TOTAL ")) continue;
      int code = line.indexOf(CODE_SEPARATOR);
      names.add(code >= 0 ? line.substring(0, code) : line.strip());
    }
    return new KnownFailures(names);
  }

  public boolean contains(IniCase testCase) {
    return names.contains(testCase.name());
  }
}
