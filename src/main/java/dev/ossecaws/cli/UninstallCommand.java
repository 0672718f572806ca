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
      ManagerOptions.EXIT_0, ManagerOptions.EXIT_2, ManagerOptions.EXIT_3,
      ManagerOptions.EXIT_4, ManagerOptions.EXIT_5, ManagerOptions.EXIT_6
    })
public final class UninstallCommand implements Callable<Integer> {
  @Mixin ManagerOptions manager;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return ManagerOptions.refusable(spec,
        () -> ManagerOptions.exitCode(manager.installer(manager.manager(), null, spec).uninstall(manager.options())));
  }
}
