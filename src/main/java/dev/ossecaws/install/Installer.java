package dev.ossecaws.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Puts the ruleset onto a manager, takes it off again, rolls back to the last backup, and says what
 * is installed. Each operation first works out every file it would change (so a dry run can show
 * them as diffs), then hands them to a {@link Commit}. Each holds the manager's {@link InstallLock}
 * throughout, and is refused with {@link ManagerBusyException} while another run holds it.
 */
public final class Installer {
  /** How an operation ended; the cli turns each into an exit code. */
  public enum Outcome {
    /** Done, or nothing needed doing. */
    DONE,
    /** The result did not load or changed a sample's verdict; every file was restored. */
    VERIFICATION_FAILED,
    /** A step failed; every file was restored. */
    ROLLED_BACK,
    /** A step failed and restoring failed too: the message names the backup to restore by hand. */
    RESTORE_FAILED
  }

  /** What to do besides changing the files. */
  public record Options(boolean dryRun, boolean verifyWithManager, boolean restart) {}

  private final ManagerHome home;
  private final ManagerVerifier verifier;
  private final Checkpoints checkpoints;
  private final Consumer<String> out;
  private final Clock clock;

  public Installer(ManagerHome home, ManagerVerifier verifier, Checkpoints checkpoints,
      Consumer<String> out, Clock clock) {
    this.home = home;
    this.verifier = verifier;
    this.checkpoints = checkpoints;
    this.out = out;
    this.clock = clock;
  }

  /** Installs {@code ruleset}, or upgrades an installed one to it. */
  public Outcome install(Ruleset ruleset, Options options) throws IOException, InstallRefusedException {
    return locked(options.dryRun(), () -> installLocked(ruleset, options));
  }

  private Outcome installLocked(Ruleset ruleset, Options options) throws IOException, InstallRefusedException {
    Optional<Manifest> installed = installedManifest();
    String version = ruleset.version();
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : ruleset.files().entrySet()) {
      byte[] current = readIfExists(file.getKey());
      if (current != null && installed.map(m -> !m.fileHashes().containsKey(file.getKey())).orElse(true)) {
        throw new InstallRefusedException(file.getKey() + " exists and was not installed by ossec-aws"
            + " (a manual install?); move it out of " + home.path() + " first");
      }
      if (!Arrays.equals(current, file.getValue())) {
        changes.add(new Change(file.getKey(), file.getValue(), ownershipModel(file.getKey())));
      }
    }
    String conf = readConf();
    String newConf = ConfBlock.insert(ConfBlock.strip(conf), home, ruleset.decoders(), ruleset.ruleFiles());
    if (!newConf.equals(conf)) changes.add(confChange(newConf));
    for (String old : installed.map(m -> m.fileHashes().keySet()).orElse(java.util.Set.of())) {
      if (!ruleset.files().containsKey(old) && readIfExists(old) != null) changes.add(Change.delete(old));
    }
    byte[] manifest = Manifest.of(ruleset).bytes();
    if (!Arrays.equals(manifest, readIfExists(Manifest.PATH))) changes.add(new Change(Manifest.PATH, manifest, null));

    if (changes.isEmpty()) {
      out.accept("already at " + version + ", nothing to do");
      return Outcome.DONE;
    }
    String oldVersion = installed.map(Manifest::version).orElse(null);
    if (oldVersion == null) {
      out.accept("installing " + version + " on " + home);
    } else if (oldVersion.equals(version)) {
      out.accept("reinstalling " + version + " on " + home + ": " + changes.size() + " files differ");
    } else {
      out.accept("installing " + version + " over " + oldVersion + " on " + home);
    }
    return commit(changes, options, true, true, "installed " + version);
  }

  /** Removes what install added: its files, its block in ossec.conf and its manifest. */
  public Outcome uninstall(Options options) throws IOException, InstallRefusedException {
    return locked(options.dryRun(), () -> uninstallLocked(options));
  }

  private Outcome uninstallLocked(Options options) throws IOException, InstallRefusedException {
    Optional<Manifest> installed = installedManifest();
    List<Change> changes = new ArrayList<>();
    String conf = readConf();
    String stripped = ConfBlock.strip(conf);
    if (!stripped.equals(conf)) changes.add(confChange(stripped));
    for (Map.Entry<String, String> file : installed.map(Manifest::fileHashes).orElse(Map.of()).entrySet()) {
      byte[] current = readIfExists(file.getKey());
      if (current == null) continue;
      if (!Manifest.sha256(current).equals(file.getValue())) {
        out.accept("note    " + file.getKey() + " was changed after install; removing it (the backup keeps it)");
      }
      changes.add(Change.delete(file.getKey()));
    }
    if (readIfExists(Manifest.PATH) != null) changes.add(Change.delete(Manifest.PATH));
    if (changes.isEmpty()) {
      out.accept("ossec-aws is not installed on " + home + ", nothing to do");
      return Outcome.DONE;
    }
    out.accept("uninstalling " + installed.map(Manifest::version).orElse("an unrecorded version") + " from " + home);
    return commit(changes, options, false, true, "uninstalled");
  }

  /** Restores the newest backup not yet restored: undoes the last install, upgrade or uninstall. */
  public Outcome rollback(Options options) throws IOException, InstallRefusedException {
    return locked(options.dryRun(), () -> rollbackLocked(options));
  }

  private Outcome rollbackLocked(Options options) throws IOException, InstallRefusedException {
    Backup backup = Backup.latest(home).orElseThrow(() -> new InstallRefusedException(
        "nothing to roll back: no backup in " + home.path().resolve(Backup.DIR)));
    List<Change> changes = new ArrayList<>();
    for (String path : backup.paths()) {
      byte[] saved = backup.saved(path);
      if (Arrays.equals(saved, readIfExists(path))) continue;
      changes.add(saved == null ? Change.delete(path) : new Change(path, saved, backup.savedCopy(path)));
    }
    out.accept("rolling back to " + backup.name(home));
    Outcome outcome = changes.isEmpty() ? Outcome.DONE : commit(changes, options, false, false, "rolled back");
    if (outcome == Outcome.DONE && !options.dryRun()) backup.markRestored();
    if (changes.isEmpty()) out.accept("rolled back: the files already matched " + backup.name(home));
    return outcome;
  }

  /** Prints what is installed and whether it is intact; {@code available} is the ruleset at hand. */
  public void status(Optional<Ruleset> available) throws IOException, InstallRefusedException {
    locked(true, () -> {
      statusLocked(available);
      return null;
    });
  }

  private void statusLocked(Optional<Ruleset> available) throws IOException, InstallRefusedException {
    out.accept("manager   " + home);
    Optional<Manifest> installed = installedManifest();
    if (installed.isEmpty()) {
      out.accept("installed nothing");
    } else {
      out.accept("installed " + installed.get().version());
      for (Map.Entry<String, String> file : installed.get().fileHashes().entrySet()) {
        byte[] current = readIfExists(file.getKey());
        String state = current == null ? "MISSING" : Manifest.sha256(current).equals(file.getValue()) ? "ok" : "MODIFIED";
        out.accept("file      " + file.getKey() + " " + state);
      }
    }
    String conf = readConf();
    out.accept("config    " + ManagerHome.CONF
        + (conf.equals(ConfBlock.strip(conf)) ? " has no ossec-aws block" : " has the ossec-aws block"));
    available.ifPresent(r -> out.accept("available " + r.version()));
    Optional<Backup> backup = Backup.latest(home);
    out.accept("rollback  " + backup.map(b -> "to " + b.name(home)).orElse("nothing to roll back to"));
  }

  private Outcome commit(List<Change> changes, Options options, boolean replaySamples, boolean keepBackup,
      String done) throws IOException, InstallRefusedException {
    // Found out before the first write, not by a failed restart after it.
    if (options.restart() && !ManagerCommand.exists(home, Commit.CONTROL)) {
      throw new InstallRefusedException("--restart: " + home.resolve(Commit.CONTROL) + " is missing or not executable");
    }
    if (options.dryRun()) {
      for (Change change : changes) out.accept(UnifiedDiff.of(change.path(), readIfExists(change.path()), change.content()));
      out.accept("dry run: " + changes.size() + " files would change; nothing was written");
      return Outcome.DONE;
    }
    Commit.Steps steps = new Commit.Steps(replaySamples, options.verifyWithManager(), options.restart(), keepBackup);
    Commit.Result result = new Commit(home, verifier, checkpoints, out, clock).run(changes, steps);
    switch (result) {
      case COMMITTED:
        out.accept(done + " on " + home + ": " + changes.size() + " files changed");
        return Outcome.DONE;
      case VERIFICATION_FAILED:
        out.accept("verification failed: nothing was changed");
        return Outcome.VERIFICATION_FAILED;
      case RESTORED:
        out.accept("failed: every change was rolled back");
        return Outcome.ROLLED_BACK;
      default:
        out.accept("failed, and the rollback failed too: restore the backup named above by hand");
        return Outcome.RESTORE_FAILED;
    }
  }

  private <T> T locked(boolean readOnly, Operation<T> operation) throws IOException, InstallRefusedException {
    try (InstallLock lock = InstallLock.acquire(home, readOnly)) {
      return operation.run();
    }
  }

  /** An operation run under the lock. */
  private interface Operation<T> {
    T run() throws IOException, InstallRefusedException;
  }

  private Change confChange(String text) throws InstallRefusedException {
    return new Change(ManagerHome.CONF, text.getBytes(StandardCharsets.ISO_8859_1), home.resolve(ManagerHome.CONF));
  }

  /**
   * New files take the owner and mode of the files beside them (OSSEC: root:ossec, group-readable):
   * local_rules.xml for rules, OSSEC's decoder.xml for decoders, else any file in the directory.
   */
  private Path ownershipModel(String path) throws IOException, InstallRefusedException {
    Path target = home.resolve(path);
    if (Files.exists(target)) return target;
    for (String sibling : List.of("rules/local_rules.xml", ConfBlock.STOCK_DECODERS)) {
      Path candidate = home.resolve(sibling);
      if (candidate.getParent().equals(target.getParent()) && Files.isRegularFile(candidate)) return candidate;
    }
    try (Stream<Path> siblings = Files.list(target.getParent())) {
      return siblings.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
          .sorted().findFirst().orElse(null);
    }
  }

  private Optional<Manifest> installedManifest() throws IOException, InstallRefusedException {
    byte[] bytes = readIfExists(Manifest.PATH);
    if (bytes == null) return Optional.empty();
    Optional<Manifest> manifest = Manifest.parse(new String(bytes, StandardCharsets.ISO_8859_1));
    if (manifest.isEmpty()) {
      throw new InstallRefusedException(home.path().resolve(Manifest.PATH) + " is damaged; restore it or roll back");
    }
    for (String path : manifest.get().fileHashes().keySet()) home.resolve(path);
    return manifest;
  }

  private String readConf() throws IOException, InstallRefusedException {
    return new String(Files.readAllBytes(home.resolve(ManagerHome.CONF)), StandardCharsets.ISO_8859_1);
  }

  private byte[] readIfExists(String path) throws IOException, InstallRefusedException {
    Path file = home.resolve(path);
    return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
  }
}
