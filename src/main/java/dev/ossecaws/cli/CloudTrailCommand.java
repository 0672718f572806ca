package dev.ossecaws.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ossec-aws cloudtrail}: CloudTrail files to OSSEC-ready lines. */
@Command(
    name = "cloudtrail",
    mixinStandardHelpOptions = true,
    description = "CloudTrail log files to one OSSEC-ready line per record: from S3 (fetch) or local files (flatten);"
        + " their integrity from the trail's signed digest files (verify).",
    subcommands = {FetchCommand.class, FlattenCommand.class, VerifyCommand.class})
final class CloudTrailCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Without fetch or flatten it is a usage error, as {@code ossec-aws} alone is. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    return Main.EXIT_USAGE;
  }
}
