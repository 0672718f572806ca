package dev.ossecaws.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ossec-aws uninstall}: takes off exactly what install put on. */
@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Remove what 'ossec-aws install' added to an OSSEC manager: its files and its block in ossec.conf,"
          + " which gets back its exact original bytes. Verified and backed up like install;"
          + " 'ossec-aws install --rollback' undoes it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      InstallOptions.EXIT_0, InstallOptions.EXIT_2, InstallOptions.EXIT_3,
      InstallOptions.EXIT_4, InstallOptions.EXIT_5, InstallOptions.EXIT_6, InstallOptions.EXIT_7
    })
public final class UninstallCommand implements Callable<Integer> {
  @Mixin InstallOptions manager;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return InstallOptions.refusable(spec,
        () -> InstallOptions.exitCode(manager.installer(manager.manager(), null, spec).uninstall(manager.options())));
  }
}
