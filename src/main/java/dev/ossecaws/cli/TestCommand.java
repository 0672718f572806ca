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
      "With --ossec-logtest PATH, the same cases go through your own OSSEC instead: PATH is its"
          + " ossec-logtest (e.g. /var/ossec/bin/ossec-logtest), or a wrapper taking its options, run once"
          + " per case as `PATH -q` (`PATH -D HOME -c HOME/etc/ossec.conf -q` with -D) with the case's"
          + " records on stdin. It loads what the home's ossec.conf names (by default /var/ossec), so"
          + " install the ruleset there first (ossec-aws install), and run as root: ossec-logtest chroots"
          + " into the home. Each event's decoder, rule id and level are checked against the case, its"
          + " whole report against the approved one, except Phase 1's hostname (the machine's name)."
          + " Events after a secondsLater gap are not sent, and listed as not compared: ossec-logtest"
          + " times events by its own clock.",
      "Exit status: 0 all passed, 1 some case failed, 2 unusable input (or an ossec-logtest that is"
          + " missing, not executable or fails before reading a line)."
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
          + " rules first, the ruleset on top, as a manager with the ruleset installed does. With"
          + " --ossec-logtest: the home that binary runs on.")
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

  @Option(names = "--ossec-logtest", paramLabel = "PATH",
      description = "Replay the samples through this ossec-logtest (OSSEC's own, on a manager with the"
          + " ruleset installed) instead of the evaluator; see above.")
  Path ossecLogtest;

  @Override
  public Integer call() throws Exception {
    if (knownFailures != null && ini == null) {
      throw new ParameterException(spec.commandLine(), "--known-failures applies to --ini only");
    }
    if (ossecLogtest != null) {
      rejectWithOssecLogtest("--ini", "");
      rejectWithOssecLogtest("--junit", "");
      rejectWithOssecLogtest("--ruleset", ": the binary loads the rules its ossec.conf names (ossec-aws install puts"
          + " the ruleset there)");
      return new OssecLogtestRun(ossecLogtest, home, samples).run(spec.commandLine().getOut());
    }
    if (ini != null) return new IniRun(ini, home, knownFailures).run(spec.commandLine().getOut());
    return new SampleRun(ruleset, samples, home, junit).run(spec.commandLine().getOut());
  }

  /** Options of the other modes are mistakes with --ossec-logtest, never silently ignored. */
  private void rejectWithOssecLogtest(String option, String why) {
    if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
      throw new ParameterException(spec.commandLine(), option + " does not apply to --ossec-logtest" + why);
    }
  }
}
