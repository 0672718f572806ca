package dev.ossecaws.cli;

import dev.ossecaws.install.Checkpoints;
import dev.ossecaws.install.EngineVerifier;
import dev.ossecaws.install.InstallRefusedException;
import dev.ossecaws.install.Installer;
import dev.ossecaws.install.ManagerBusyException;
import dev.ossecaws.install.ManagerHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What {@code install} and {@code uninstall} share: the manager, the steps, the exit codes. */
final class InstallOptions {
  static final Path INIT_CONF = Path.of("/etc/ossec-init.conf");
  static final int EXIT_REFUSED = 3;
  static final int EXIT_VERIFICATION_FAILED = 4;
  static final int EXIT_ROLLED_BACK = 5;
  static final int EXIT_RESTORE_FAILED = 6;
  static final int EXIT_BUSY = 7;
  static final String EXIT_0 = "0:Done: installed, upgraded, uninstalled, rolled back, or nothing to do.";
  static final String EXIT_2 = "2:Bad usage or unusable input (e.g. the ruleset directory).";
  static final String EXIT_3 = "3:Refused, nothing changed: not an OSSEC 4.x manager home, a symlink leading out"
      + " of it, files of a manual install in the way, nothing to roll back.";
  static final String EXIT_4 = "4:Verification failed (our evaluator, the samples or bin/ossec-logtest -t):"
      + " every file restored.";
  static final String EXIT_5 = "5:A step failed (a write, the restart): every file restored from the backup.";
  static final String EXIT_6 = "6:A step failed and restoring failed too: restore by hand from the backup named"
      + " in the output.";
  static final String EXIT_7 = "7:Busy, nothing changed: another ossec-aws install, uninstall or rollback is running"
      + " on this manager; try again when it is done.";

  @Option(names = "--ossec-dir", paramLabel = "DIR",
      description = "The manager's home (default: DIRECTORY in /etc/ossec-init.conf, else /var/ossec).")
  Path ossecDir;

  @Option(names = "--dry-run", description = "Print the unified diff of every file that would change; change nothing.")
  boolean dryRun;

  @Option(names = "--verify-with-manager",
      description = "Also run the manager's bin/ossec-logtest -t before committing, when it has one.")
  boolean verifyWithManager;

  @Option(names = "--restart",
      description = "Run bin/ossec-control restart once verified; if it fails, restore every file and restart again.")
  boolean restart;

  ManagerHome manager() throws InstallRefusedException {
    return ManagerHome.locate(Optional.ofNullable(ossecDir), INIT_CONF);
  }

  /**
   * An installer for the manager that verifies with {@code samples} (null: none), printing one
   * flushed line per action to {@code spec}'s out.
   */
  Installer installer(ManagerHome home, Path samples, CommandSpec spec) {
    PrintWriter out = spec.commandLine().getOut();
    return new Installer(home, new EngineVerifier(samples), Checkpoints.NONE, line -> {
      out.println(line);
      out.flush();
    }, Clock.systemUTC());
  }

  /**
   * Runs {@code action}; a refusal is printed as one line on stderr and exits with 3, or with 7
   * when another run holds the manager (a retry may then succeed, which automation wants to know).
   */
  static int refusable(CommandSpec spec, RefusableAction action) throws IOException {
    try {
      return action.run();
    } catch (InstallRefusedException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("ossec-aws " + spec.name() + ": refused: " + e.getMessage());
      err.flush();
      return e instanceof ManagerBusyException ? EXIT_BUSY : EXIT_REFUSED;
    }
  }

  /** An installer operation, which may refuse. */
  interface RefusableAction {
    int run() throws IOException, InstallRefusedException;
  }

  Installer.Options options() {
    return new Installer.Options(dryRun, verifyWithManager, restart);
  }

  static int exitCode(Installer.Outcome outcome) {
    switch (outcome) {
      case DONE:
        return 0;
      case VERIFICATION_FAILED:
        return EXIT_VERIFICATION_FAILED;
      case ROLLED_BACK:
        return EXIT_ROLLED_BACK;
      default:
        return EXIT_RESTORE_FAILED;
    }
  }
}
