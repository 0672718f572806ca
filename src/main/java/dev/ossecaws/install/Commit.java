package dev.ossecaws.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Carries out a list of changes on a manager as one unit: back up every file it will touch, write
 * them, verify the result, optionally check it with the manager's own ossec-logtest and restart
 * the manager; any failure on the way restores the backup. One line of output per action.
 */
final class Commit {
  static final String LOGTEST = "bin/ossec-logtest";
  static final String CONTROL = "bin/ossec-control";

  /** How far a commit got. */
  enum Result { COMMITTED, VERIFICATION_FAILED, RESTORED, RESTORE_FAILED }

  /** What to do beyond writing the files. */
  record Steps(boolean replaySamples, boolean verifyWithManager, boolean restart, boolean keepBackup) {}

  private final ManagerHome home;
  private final ManagerVerifier verifier;
  private final Checkpoints checkpoints;
  private final Consumer<String> out;
  private final Clock clock;
  private final List<String> warnings = new ArrayList<>();

  Commit(ManagerHome home, ManagerVerifier verifier, Checkpoints checkpoints, Consumer<String> out, Clock clock) {
    this.home = home;
    this.verifier = verifier;
    this.checkpoints = checkpoints;
    this.out = out;
    this.clock = clock;
  }

  Result run(List<Change> changes, Steps steps) throws InstallRefusedException {
    for (Change change : changes) home.resolve(change.path());
    boolean hadBackupDir = Files.exists(home.path().resolve(Backup.DIR));
    Backup backup;
    try {
      backup = Backup.create(home, changes.stream().map(Change::path).toList(), clock, checkpoints);
    } catch (IOException | InstallRefusedException e) {
      out.accept("failed  backup: " + e.getMessage());
      removeBackupDirIfNew(hadBackupDir);
      out.accept("nothing was changed");
      return Result.RESTORED;
    }
    out.accept("backup  " + backup.name(home));
    boolean restartTried = false;
    try {
      for (Change change : changes) apply(change);
      Result verified = verify(steps);
      if (verified != Result.COMMITTED) return undo(backup, hadBackupDir, false, verified);
      if (steps.restart()) {
        restartTried = true;
        checkpoints.reach("restart");
        ManagerCommand.Outcome restart = ManagerCommand.run(home, CONTROL, "restart");
        out.accept("restart " + CONTROL + " restart: " + restart);
        if (!restart.succeeded()) return undo(backup, hadBackupDir, true, Result.RESTORED);
      }
    } catch (IOException | InstallRefusedException | RuntimeException e) {
      out.accept("failed  " + (e instanceof RuntimeException ? e.toString() : e.getMessage()));
      return undo(backup, hadBackupDir, restartTried, Result.RESTORED);
    }
    warnings.forEach(w -> out.accept("warning " + w));
    if (!steps.keepBackup()) deleteQuietly(backup);
    return Result.COMMITTED;
  }

  private void apply(Change change) throws IOException, InstallRefusedException {
    Path target = home.resolve(change.path());
    if (change.deletes()) {
      checkpoints.reach("delete " + change.path());
      Files.deleteIfExists(target);
      out.accept("delete  " + change.path());
      return;
    }
    checkpoints.reach("write " + change.path());
    boolean existed = Files.exists(target);
    Files.createDirectories(target.getParent());
    AtomicFiles.write(target, change.content(), change.model(), checkpoints, change.path(), warnings);
    out.accept((existed ? "update  " : "create  ") + change.path());
  }

  private Result verify(Steps steps) throws IOException, InstallRefusedException {
    checkpoints.reach("verify");
    ManagerVerifier.Result result = verifier.verify(home.path(), steps.replaySamples());
    if (!result.passed()) {
      result.problems().forEach(p -> out.accept("verify  FAILED: " + p));
      return Result.VERIFICATION_FAILED;
    }
    out.accept("verify  ok: " + result.summary());
    if (!steps.verifyWithManager()) return Result.COMMITTED;
    if (!ManagerCommand.exists(home, LOGTEST)) {
      out.accept("verify  " + LOGTEST + " not found: the manager's own check was skipped");
      return Result.COMMITTED;
    }
    checkpoints.reach("verify with " + LOGTEST);
    ManagerCommand.Outcome logtest = ManagerCommand.run(home, LOGTEST, "-t", "-D", home.path().toString(),
        "-c", home.path().resolve(ManagerHome.CONF).toString());
    out.accept("verify  " + LOGTEST + " -t: " + logtest);
    return logtest.succeeded() ? Result.COMMITTED : Result.VERIFICATION_FAILED;
  }

  private Result undo(Backup backup, boolean hadBackupDir, boolean restartAgain, Result restored) {
    try {
      backup.restore(home, warnings);
      backup.delete();
      removeBackupDirIfNew(hadBackupDir);
    } catch (IOException e) {
      out.accept("RESTORE FAILED: " + e.getMessage());
      out.accept("the files as they were before are kept in " + backup.name(home));
      return Result.RESTORE_FAILED;
    }
    out.accept("restore every file is back as it was before");
    if (restartAgain) {
      try {
        out.accept("restart " + CONTROL + " restart (after the restore): " + ManagerCommand.run(home, CONTROL, "restart"));
      } catch (IOException | InstallRefusedException e) {
        out.accept("restart " + CONTROL + " restart (after the restore) failed: " + e.getMessage());
      }
    }
    return restored;
  }

  /**
   * A first install that failed leaves no trace, not even the empty backup directory (the lock
   * then removes the state directory it sat in).
   */
  private void removeBackupDirIfNew(boolean hadBackupDir) {
    if (hadBackupDir) return;
    try {
      Files.deleteIfExists(home.path().resolve(Backup.DIR));
    } catch (IOException e) {
      warnings.add("could not remove " + Backup.DIR + ": " + e.getMessage());
    }
  }

  private void deleteQuietly(Backup backup) {
    try {
      backup.delete();
    } catch (IOException e) {
      out.accept("warning could not remove the safety copy " + backup.name(home) + ": " + e.getMessage());
    }
  }
}
