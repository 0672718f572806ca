package dev.ossecaws.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ossec-aws test}: replays the sample cases through the evaluator (the golden-file harness).
 * Each mode is its own class; this one only reads the options.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Replays every sample case (samples/**/*.json) through the evaluator with the ruleset, checks"
          + " each event against its expectation and each case's logtest report against its approved"
          + " golden file (NAME.approved.txt; a difference writes NAME.received.txt).",
      "Exit status: 0 all passed, 1 some case failed, 2 unusable input."
    })
final class TestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--ruleset", paramLabel = "DIR", defaultValue = "ruleset",
      description = "The ruleset: DIR/decoders/*.xml and DIR/rules/*.xml (default: ${DEFAULT-VALUE}).")
  Path ruleset;

  @Option(names = "--samples", paramLabel = "PATH", defaultValue = "samples",
      description = "The sample cases: a directory, searched recursively (default: ${DEFAULT-VALUE}),"
          + " or one case file.")
  Path samples;

  @Option(names = "-D", paramLabel = "DIR",
      description = "An OSSEC home (e.g. ../shared/ossec-4.3.0): load its ossec.conf's decoders and"
          + " rules first, the ruleset on top, as a manager with the ruleset installed does.")
  Path home;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE.")
  Path junit;

  @Option(names = "--ini", paramLabel = "DIR",
      description = "Instead of the samples, run OSSEC's .ini tests in DIR (e.g. ../shared/ossec-4.3.0/tests/ini)"
          + " against the -D home's ossec.conf (default /var/ossec), each log line in a fresh session"
          + " as ossec-logtest -U; prints each failing test and the counts.")
  Path ini;

  @Option(names = "--known-failures", paramLabel = "FILE",
      description = "With --ini: tests expected to fail, in the format of OSSEC's results file or of"
          + " this command's failure lines; only the others make the run fail.")
  Path knownFailures;

  @Override
  public Integer call() throws Exception {
    if (knownFailures != null && ini == null) {
      throw new ParameterException(spec.commandLine(), "--known-failures applies to --ini only");
    }
    if (ini != null) return new IniRun(ini, home, knownFailures).run(spec.commandLine().getOut());
    return new SampleRun(ruleset, samples, home, junit).run(spec.commandLine().getOut());
  }
}
