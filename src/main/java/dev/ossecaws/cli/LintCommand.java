package dev.ossecaws.cli;

import dev.ossecaws.lint.Finding;
import dev.ossecaws.lint.RulesetLint;
import dev.ossecaws.lint.SarifReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ossec-aws lint}: static checks of the ruleset and of its coverage by sample cases. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the ruleset: duplicate ids, ids outside ruleset/id-ranges.txt, dangling if_sid,"
          + " if_matched_sid, decoded_as and decoder parent, patterns OSSEC would refuse or drop (pcre2 ones included), missing"
          + " descriptions, alerting rules with neither an ATT&CK technique group (mitre_tNNNN[.NNN]) nor"
          + " a compliance group (pci_dss_*, cis_aws_*), misnamed ATT&CK groups and techniques missing from"
          + " ruleset/attack-techniques.txt, rules no sample case expects, and VERSION against the files' headers.",
      "Findings listed in ruleset/lint-baseline.txt are shown but do not fail.",
      "Exit status: 0 no finding, 1 findings, 2 unusable input."
    })
final class LintCommand implements Callable<Integer> {
  enum Format { text, sarif }

  @Spec CommandSpec spec;

  @Mixin ReportOptions files;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or sarif (SARIF 2.1.0, for code scanning).")
  Format format;

  @Override
  public Integer call() throws Exception {
    files.requireDirectories();
    List<Finding> findings = RulesetLint.lint(files.ruleset, files.samples);
    long failing = findings.stream().filter(f -> !f.suppressed()).count();
    String report = format == Format.sarif
        ? SarifReport.of(findings, Path.of(""), spec.root().versionProvider().getVersion()[0])
        : text(findings, failing);
    files.write(report, spec.commandLine().getOut());
    return failing == 0 ? 0 : Main.EXIT_FAILURES;
  }

  private static String text(List<Finding> findings, long failing) {
    StringBuilder text = new StringBuilder();
    for (Finding finding : findings) text.append(finding).append('\n');
    text.append(failing).append(failing == 1 ? " finding" : " findings");
    long suppressed = findings.size() - failing;
    if (suppressed > 0) text.append(" (").append(suppressed).append(" more accepted by the baseline)");
    return text.append('\n').toString();
  }
}
