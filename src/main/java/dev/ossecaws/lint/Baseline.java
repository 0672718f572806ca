package dev.ossecaws.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings accepted on purpose, from {@code ruleset/lint-baseline.txt}: lines {@code CHECK RULE-ID
 * justification}, {@code #} comments. They are still reported (SARIF: as suppressed) but do not fail.
 */
final class Baseline {
  private final Map<String, String> justifications;

  private Baseline(Map<String, String> justifications) {
    this.justifications = Map.copyOf(justifications);
  }

  static Baseline none() {
    return new Baseline(Map.of());
  }

  static Baseline read(Path file) throws IOException {
    Map<String, String> justifications = new HashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] parts = line.split("\\s+", 3);
      if (parts.length < 3 || Check.byId(parts[0]) == null) {
        throw new IOException(file + ":" + (i + 1) + ": expected CHECK RULE-ID justification, got '" + line + "'");
      }
      justifications.put(parts[0] + " " + parts[1], parts[2]);
    }
    return new Baseline(justifications);
  }

  Finding apply(Finding finding) {
    String justification = justifications.get(finding.check().id() + " " + finding.ruleId());
    return justification == null ? finding : finding.suppressedBecause(justification);
  }
}
