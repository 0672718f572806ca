package dev.ossecaws.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README's coverage table is the command's output for the ruleset and samples as they are. */
class ReadmeCoverageTest {
  private static final String BEGIN = "<!-- coverage:begin -->\n";
  private static final String END = "<!-- coverage:end -->";

  @Test
  void readmeShowsTheCoverageTableOfTheCurrentRulesAndSamples() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int begin = readme.indexOf(BEGIN) + BEGIN.length();
    String shown = readme.substring(begin, readme.indexOf(END, begin));

    String current = CoverageReport.markdown(Coverage.of(Path.of("ruleset"), Path.of("samples")));

    assertEquals(current, shown, "README's coverage table is stale: paste `tools/ossec-aws coverage` between the markers");
  }
}
