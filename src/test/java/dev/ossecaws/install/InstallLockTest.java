package dev.ossecaws.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.install.Installer.Options;
import dev.ossecaws.install.Installer.Outcome;
import dev.ossecaws.lock.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Two runs on one manager never interleave: the second is refused at once and changes nothing. */
class InstallLockTest {
  static final Options DRY_RUN = new Options(true, false, false);

  @TempDir Path temp;
  ManagerFixture manager;
  final List<String> out = new ArrayList<>();

  @BeforeEach
  void stockManager() throws IOException {
    manager = ManagerFixture.stock(temp);
  }

  Installer installer() throws IOException, InstallRefusedException {
    return manager.installer("1.2.0", Checkpoints.NONE, out::add);
  }

  Path lockFile() {
    return manager.home.toAbsolutePath().resolve(InstallLock.FILE);
  }

  void assertBusy(Executable run) throws IOException {
    Map<String, String> before = manager.snapshot();
    ManagerBusyException e = assertThrows(ManagerBusyException.class, run);
    Path home = manager.home.toRealPath();
    assertEquals("another ossec-aws install, uninstall or rollback is running on " + home + " (it holds "
        + home.resolve(InstallLock.FILE) + "); nothing was changed, try again when it is done", e.getMessage());
    assertEquals(before, manager.snapshot());
    assertEquals(List.of(), out, "a refused run prints nothing");
  }

  /** Every operation, each refused while another run holds the lock. */
  void assertEveryOperationIsBusy() throws IOException {
    assertBusy(() -> installer().install(ManagerFixture.ruleset("1.2.0"), InstallerTest.PLAIN));
    assertBusy(() -> installer().install(ManagerFixture.ruleset("1.2.0"), DRY_RUN));
    assertBusy(() -> installer().uninstall(InstallerTest.PLAIN));
    assertBusy(() -> installer().rollback(InstallerTest.PLAIN));
    assertBusy(() -> installer().status(Optional.empty()));
  }

  @Test
  void whileAnotherRunInThisProcessHoldsTheLockEveryOperationIsRefused() throws Exception {
    manager.install("1.1.0");
    try (RunLock held = RunLock.tryAcquire(lockFile())) {
      assertNotNull(held);
      assertEveryOperationIsBusy();
    }
    assertEquals(Outcome.DONE, installer().install(ManagerFixture.ruleset("1.2.0"), InstallerTest.PLAIN));
  }

  @Test
  void whileAnotherProcessHoldsTheLockEveryOperationIsRefusedAndAfterItIsKilledTheNextRunProceeds() throws Exception {
    Process holder = LockHolder.start(manager.home, false);
    try {
      assertEveryOperationIsBusy();
    } finally {
      holder.destroyForcibly(); // SIGKILL: the holder gets no chance to release anything
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals(137, holder.exitValue(), "killed by SIGKILL");
    assertTrue(Files.exists(lockFile()), "the killed holder left its lock file behind");
    assertEquals(Outcome.DONE, installer().install(ManagerFixture.ruleset("1.2.0"), InstallerTest.PLAIN));
    assertTrue(out.contains("installed 1.2.0 on " + manager.manager() + ": 4 files changed"), out.toString());
  }

  @Test
  void whileAnotherProcessReadsADryRunAndAStatusMayReadTooButNothingMayWrite() throws Exception {
    manager.install("1.2.0");
    Process reader = LockHolder.start(manager.home, true);
    try {
      installer().status(Optional.empty());
      assertEquals(Outcome.DONE, installer().install(ManagerFixture.ruleset("1.2.0"), DRY_RUN));
      out.clear();
      assertBusy(() -> installer().uninstall(InstallerTest.PLAIN));
      assertBusy(() -> installer().rollback(InstallerTest.PLAIN));
    } finally {
      reader.destroyForcibly();
      assertTrue(reader.waitFor(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void theLockIsReleasedAfterARunAndKeptBesideTheBackups() throws Exception {
    assertEquals(Outcome.DONE, installer().install(ManagerFixture.ruleset("1.2.0"), InstallerTest.PLAIN));
    assertEquals(0, Files.size(lockFile()));
    assertReleased();
    assertEquals(Outcome.DONE, installer().uninstall(InstallerTest.PLAIN));
    assertReleased();
  }

  @Test
  void aFailedFirstInstallReleasesTheLockAndLeavesNoStateDirectory() throws Exception {
    Path broken = temp.resolve("broken");
    Files.createDirectories(broken.resolve("rules"));
    Files.writeString(broken.resolve("VERSION"), "1.2.0\n");
    Files.writeString(broken.resolve("rules/amazon_rules.xml"), "<group name=\"amazon,\">\n");
    assertEquals(Outcome.VERIFICATION_FAILED, installer().install(Ruleset.read(broken), InstallerTest.PLAIN));
    assertFalse(Files.exists(manager.home.resolve(".ossec-aws")));
    assertReleased();
  }

  @Test
  void aRefusedRunReleasesTheLock() throws Exception {
    manager.write("rules/amazon_rules.xml", "<group name=\"manual,\">\n</group>\n");
    assertThrows(InstallRefusedException.class,
        () -> installer().install(ManagerFixture.ruleset("1.2.0"), InstallerTest.PLAIN));
    assertFalse(Files.exists(manager.home.resolve(".ossec-aws")));
    assertReleased();
  }

  @Test
  void aLockFileLeftEmptyByAKilledFirstRunIsTakenAndRemoved() throws Exception {
    Files.createDirectories(lockFile().getParent());
    Files.createFile(lockFile());
    assertEquals(Outcome.DONE, installer().install(ManagerFixture.ruleset("1.2.0"), DRY_RUN));
    assertTrue(Files.exists(lockFile()), "a dry run only reads");
    assertThrows(InstallRefusedException.class, () -> installer().rollback(InstallerTest.PLAIN));
    assertFalse(Files.exists(manager.home.resolve(".ossec-aws")));
  }

  void assertReleased() throws IOException {
    try (RunLock lock = RunLock.tryAcquire(lockFile())) {
      assertNotNull(lock, "the lock is free again");
    }
  }
}
