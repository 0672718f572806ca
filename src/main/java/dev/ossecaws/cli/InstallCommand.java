package dev.ossecaws.cli;

import dev.ossecaws.install.Installer;
import dev.ossecaws.install.Ruleset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ossec-aws install}: the ruleset onto a manager, verified, with a way back. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Install the ruleset on an OSSEC 4.x manager, or upgrade it: copy the rules into rules/ and the"
          + " decoders into etc/, add them to ossec.conf's <rules> before local_rules.xml (OSSEC's own"
          + " etc/decoder.xml stays loaded), verify the whole result with ossec-aws's evaluator and the"
          + " samples, then commit.",
      "Every file it changes is backed up under <home>/.ossec-aws/backups/ first; any failure restores"
          + " them all. One line per action, then a summary."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      InstallOptions.EXIT_0, InstallOptions.EXIT_2, InstallOptions.EXIT_3,
      InstallOptions.EXIT_4, InstallOptions.EXIT_5, InstallOptions.EXIT_6, InstallOptions.EXIT_7
    })
public final class InstallCommand implements Callable<Integer> {
  @Mixin InstallOptions manager;

  @Option(names = "--ruleset", paramLabel = "DIR", defaultValue = "ruleset",
      description = "The ruleset to install (default: ${DEFAULT-VALUE}).")
  Path ruleset;

  @Option(names = "--samples", paramLabel = "DIR", defaultValue = "samples",
      description = "The sample cases replayed to verify an install (default: ${DEFAULT-VALUE}).")
  Path samples;

  @Option(names = "--rollback", description = "Restore the last backup: undo the last install, upgrade or uninstall.")
  boolean rollback;

  @Option(names = "--status", description = "Print what is installed, whether it is intact, and what a rollback would restore.")
  boolean status;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (rollback && status) throw new CommandLine.ParameterException(spec.commandLine(), "--rollback and --status exclude each other");
    if (status && (manager.dryRun || manager.restart || manager.verifyWithManager)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--status changes nothing: it takes no --dry-run, --restart or --verify-with-manager");
    }
    // Checked before anything is written: a mistyped --samples is bad usage, not a failed verification.
    if (!status && !rollback && !Files.isDirectory(samples)) {
      throw new IOException("samples directory not found: " + samples + " (pass --samples DIR)");
    }
    return InstallOptions.refusable(spec, () -> {
      Installer installer = manager.installer(manager.manager(), samples, spec);
      if (status) {
        installer.status(Files.isDirectory(ruleset) ? Optional.of(Ruleset.read(ruleset)) : Optional.empty());
        return 0;
      }
      if (rollback) return InstallOptions.exitCode(installer.rollback(manager.options()));
      return InstallOptions.exitCode(installer.install(Ruleset.read(ruleset), manager.options()));
    });
  }
}
