package dev.ossecaws.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ossec-aws cloudtrail}: CloudTrail files to OSSEC-ready lines. */
@Command(
    name = "cloudtrail",
    mixinStandardHelpOptions = true,
    description = "CloudTrail log files to one OSSEC-ready line per record: from S3 (fetch) or local files (flatten).",
    subcommands = {FetchCommand.class, FlattenCommand.class})
final class CloudTrailCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
