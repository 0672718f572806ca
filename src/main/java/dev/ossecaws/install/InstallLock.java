package dev.ossecaws.install;

import dev.ossecaws.lock.RunLock;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One run at a time per manager home. Install, uninstall and rollback hold {@value #FILE}
 * exclusively. A dry run and a status only read, so they hold it shared: they never wait for
 * each other and need no write access, but one started during an install is refused rather than
 * reporting a half-done state. The file lives in the installer's own state directory; when that
 * directory holds nothing else at the end (a manager the run did not change), both go again, so a
 * refused or failed first install still leaves no trace.
 */
final class InstallLock implements AutoCloseable {
  static final String FILE = ".ossec-aws/install.lock";

  private final Path file;
  private final RunLock lock;
  private final boolean readOnly;

  private InstallLock(Path file, RunLock lock, boolean readOnly) {
    this.file = file;
    this.lock = lock;
    this.readOnly = readOnly;
  }

  /** The lock on {@code home}: shared when {@code readOnly}; refused when another run holds it. */
  static InstallLock acquire(ManagerHome home, boolean readOnly) throws IOException, InstallRefusedException {
    Path file = home.resolve(FILE);
    RunLock lock = readOnly ? RunLock.tryAcquireShared(file) : RunLock.tryAcquire(file);
    if (lock == null) {
      throw new ManagerBusyException("another ossec-aws install, uninstall or rollback is running on " + home.path()
          + " (it holds " + file + "); nothing was changed, try again when it is done");
    }
    return new InstallLock(file, lock, readOnly);
  }

  @Override
  public void close() throws IOException {
    Path stateDir = file.getParent();
    if (readOnly || !holdsOnlyTheLock(stateDir)) {
      lock.close();
      return;
    }
    lock.deleteAndClose();
    try {
      Files.deleteIfExists(stateDir);
    } catch (DirectoryNotEmptyException e) {
      // the next run has already created its lock there
    }
  }

  private boolean holdsOnlyTheLock(Path stateDir) throws IOException {
    if (!Files.isRegularFile(file)) return false;
    try (Stream<Path> entries = Files.list(stateDir)) {
      return entries.allMatch(file::equals);
    }
  }
}
