package dev.ossecaws.cli;

import dev.ossecaws.lint.Coverage;
import dev.ossecaws.lint.CoverageReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ossec-aws coverage}: the ATT&CK coverage table. A command of its own rather than a lint
 * option: it is a report, not a check (a gap is information, so it exits 0 where lint exits 1),
 * and its formats (markdown, json) are not lint's (text, sarif).
 */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the ruleset's MITRE ATT&CK coverage: for each tactic and technique of"
          + " ruleset/attack-techniques.txt, the alerting rules whose groups name it (mitre_tNNNN[.NNN]),"
          + " with their level and description, the sample cases expecting each rule (positive) and those"
          + " listing it in notRules (negative). A technique no rule names shows as not covered.",
      "Derived from the rules' groups and the sample cases alone; groups naming a technique missing from"
          + " the table are lint findings and are left out here.",
      "Exit status: 0 the table was written, gaps or not; 2 unusable input."
    })
final class CoverageCommand implements Callable<Integer> {
  enum Format { markdown, json }

  @Spec CommandSpec spec;

  @Mixin ReportOptions files;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
      description = "markdown (default: a table to paste into README.md) or json.")
  Format format;

  @Override
  public Integer call() throws Exception {
    files.requireDirectories();
    Coverage coverage = Coverage.of(files.ruleset, files.samples);
    String report = format == Format.json ? CoverageReport.json(coverage) : CoverageReport.markdown(coverage);
    files.write(report, spec.commandLine().getOut());
    return 0;
  }
}
