package dev.ossecaws.differential;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.harness.ClockedOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A difference kept on disk so that a developer can replay it with one command: the OSSEC home
 * (OSSEC's defaults with the generated rules and lists), the input lines and their clock gaps,
 * and both sides' output.
 */
final class Reproduction {
  static final String HOME = "home";
  static final String LINES = "lines.log";
  static final String GAPS = "gaps.txt";

  private Reproduction() {}

  /** Writes {@code shrunk} into {@code dir} (replacing it) and says what differs and how to see it again. */
  static String write(Path ossecHome, Shrinker.Shrunk shrunk, Path dir) throws IOException {
    Differential.delete(dir);
    Files.createDirectories(dir);
    Scenario scenario = shrunk.scenario();
    scenario.writeHome(ossecHome, dir.resolve(HOME));
    StringBuilder lines = new StringBuilder();
    StringBuilder gaps = new StringBuilder();
    for (Line line : scenario.lines()) {
      lines.append(line.text()).append('\n');
      gaps.append(line.secondsLater()).append('\n');
    }
    Files.writeString(dir.resolve(LINES), lines, ISO_8859_1);
    Files.writeString(dir.resolve(GAPS), gaps, ISO_8859_1);
    Differential.Result result = shrunk.result();
    Files.writeString(dir.resolve("ossec.txt"), result.ossec().startUp() + String.join("", result.ossec().events()), ISO_8859_1);
    Files.writeString(dir.resolve("evaluator.txt"), result.evaluator().startUp() + String.join("", result.evaluator().events()), ISO_8859_1);
    return describe(scenario, result, dir);
  }

  /** The lines and gaps written by {@link #write}. */
  static List<Line> readLines(Path dir) throws IOException {
    List<String> texts = List.of(Files.readString(dir.resolve(LINES), ISO_8859_1).split("\n", -1));
    List<String> gaps = Files.readAllLines(dir.resolve(GAPS), ISO_8859_1);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < gaps.size(); i++) lines.add(new Line(texts.get(i), Integer.parseInt(gaps.get(i))));
    return lines;
  }

  static String describe(Scenario scenario, Differential.Result result, Path dir) {
    Differential.Difference difference = result.firstDifference();
    StringBuilder out = new StringBuilder();
    out.append(difference != null ? "difference at " + difference
            : "OSSEC crashed after " + result.ossec().events().size() + " events").append(", on ").append(scenario.lines().size()).append(" lines and ")
        .append(scenario.rules().size()).append(" generated rules").append(scenario.amazon() ? " (with ruleset/)" : "")
        .append(":\n");
    if (!scenario.rules().isEmpty()) out.append("--- rules/").append(Scenario.RULES_FILE).append('\n').append(scenario.rulesFile());
    out.append("--- lines (gap in seconds, then the line; \\xNN for bytes outside printable ASCII)\n");
    for (Line line : scenario.lines()) out.append(line.secondsLater()).append(' ').append(printable(line.text())).append('\n');
    if (difference != null) {
      out.append("--- diff from OSSEC's output to the evaluator's\n")
          .append(ClockedOracle.unifiedDiff(difference.ossec(), difference.evaluator())).append('\n');
    }
    out.append("replay: mvn -o -q -Dtest=DifferentialTest#replaysAReproduction -Dossecaws.differential.replay=")
        .append(dir.toAbsolutePath()).append(" test\n");
    if (scenario.lines().stream().allMatch(l -> l.secondsLater() == 0)) {
      Path home = dir.resolve(HOME).toAbsolutePath();
      Path lines = dir.resolve(LINES).toAbsolutePath();
      out.append("or by hand: tools/ossec-aws logtest -v -D ").append(home)
          .append(" --hostname ossec-aws --clock fixed:2026-01-01T00:00:00Z < ").append(lines)
          .append("\n        vs: ../shared/oracle/ossec-logtest-real -D ").append(home)
          .append(" --hostname ossec-aws --clock '2026-01-01 00:00:00' -- -v < ").append(lines).append('\n');
    }
    return out.toString();
  }


  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && c != '\\') out.append(c);
      else out.append(String.format("\\x%02X", (int) c));
    }
    return out.toString();
  }
}
