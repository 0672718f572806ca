package dev.ossecaws.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.install.Installer.Options;
import dev.ossecaws.install.Installer.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails every step of install, upgrade, uninstall and rollback in turn, through the installer's
 * checkpoint seam and through the manager's own programs as real failing scripts, and shows that
 * each failure leaves every file of the manager byte for byte (and mode for mode) as it was.
 */
class FailureInjectionTest {
  static final Options ALL_STEPS = new Options(false, true, true);

  @TempDir Path temp;
  int managers;

  /** One operation on a manager prepared by {@link #prepare}. */
  interface Operation {
    Outcome run(Installer installer) throws Exception;
  }

  /** Checkpoints that record each step and fail the one numbered {@code failAt} (-1: none). */
  static final class InjectedFailures implements Checkpoints {
    final List<String> steps = new ArrayList<>();
    final int failAt;

    InjectedFailures(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public void reach(String step) throws IOException {
      steps.add(step);
      if (steps.size() - 1 == failAt) throw new IOException("injected failure before: " + step);
    }
  }

  ManagerFixture prepare(String... installed) throws Exception {
    ManagerFixture manager = ManagerFixture.stock(temp.resolve("manager" + managers++));
    manager.script(Commit.LOGTEST, "exit 0");
    manager.script(Commit.CONTROL, "exit 0");
    manager.install(installed);
    return manager;
  }

  Installer installer(ManagerFixture manager, Checkpoints checkpoints, List<String> out) throws Exception {
    return manager.installer("1.2.0", checkpoints, out::add);
  }

  /** Runs {@code operation} once to list its steps, then once per step with that step failing. */
  List<String> failEachStep(String[] installed, Operation operation) throws Exception {
    InjectedFailures recorder = new InjectedFailures(-1);
    assertEquals(Outcome.DONE, operation.run(installer(prepare(installed), recorder, new ArrayList<>())));
    for (int failAt = 0; failAt < recorder.steps.size(); failAt++) {
      ManagerFixture manager = prepare(installed);
      Map<String, String> before = manager.snapshot();
      List<String> out = new ArrayList<>();
      Outcome outcome = operation.run(installer(manager, new InjectedFailures(failAt), out));
      String step = recorder.steps.get(failAt);
      assertEquals(Outcome.ROLLED_BACK, outcome, step + ": " + out);
      assertTrue(out.stream().anyMatch(l -> l.startsWith("failed  ") && l.endsWith("injected failure before: " + step)),
          out.toString());
      assertEquals(before, manager.snapshot(), "files changed after a failure before " + step);
    }
    return recorder.steps;
  }

  @Test
  void aFailureAtAnyStepLeavesEveryFileAsItWas() throws Exception {
    Map<String, List<String>> steps = new LinkedHashMap<>();
    steps.put("install", failEachStep(new String[0],
        i -> i.install(ManagerFixture.ruleset("1.2.0"), ALL_STEPS)));
    steps.put("upgrade", failEachStep(new String[] {"1.1.0"},
        i -> i.install(ManagerFixture.ruleset("1.2.0"), ALL_STEPS)));
    steps.put("uninstall", failEachStep(new String[] {"1.1.0", "1.2.0"}, i -> i.uninstall(ALL_STEPS)));
    steps.put("rollback", failEachStep(new String[] {"1.1.0", "1.2.0"}, i -> i.rollback(ALL_STEPS)));

    int total = steps.values().stream().mapToInt(List::size).sum();
    StringBuilder report = new StringBuilder("injected failure points: " + total);
    steps.forEach((operation, list) -> report.append("\n  ").append(operation).append(" ").append(list.size())
        .append(": ").append(String.join(", ", list)));
    System.out.println(report);
    assertTrue(steps.get("install").containsAll(List.of("back up etc/ossec.conf", "write rules/amazon_rules.xml",
        "rename etc/ossec.conf", "verify", "verify with bin/ossec-logtest", "restart")), steps.toString());
    assertTrue(steps.get("upgrade").contains("delete rules/amazon_iam_rules.xml"), steps.toString());
  }

  @Test
  void aFailingRestartRestoresTheFilesAndRestartsTheManagerOnThem() throws Exception {
    ManagerFixture manager = prepare();
    manager.script(Commit.CONTROL, "echo 'ossec-analysisd: Configuration error. Exiting' >&2; exit 1");
    Map<String, String> before = manager.snapshot();
    List<String> out = new ArrayList<>();
    Outcome outcome = installer(manager, Checkpoints.NONE, out).install(ManagerFixture.ruleset("1.2.0"), ALL_STEPS);
    assertEquals(Outcome.ROLLED_BACK, outcome);
    assertEquals(before, manager.snapshot());
    assertTrue(out.contains("restart bin/ossec-control restart: exit 1: ossec-analysisd: Configuration error. Exiting"), out.toString());
    assertTrue(out.contains("restore every file is back as it was before"), out.toString());
    assertTrue(out.contains("restart bin/ossec-control restart (after the restore): exit 1: "
        + "ossec-analysisd: Configuration error. Exiting"), out.toString());
  }

  @Test
  void aFailingOssecLogtestCheckRestoresTheFiles() throws Exception {
    ManagerFixture manager = prepare("1.1.0");
    manager.script(Commit.LOGTEST, "echo \"ossec-testrule: ERROR: args: $*\"; exit 1");
    Map<String, String> before = manager.snapshot();
    List<String> out = new ArrayList<>();
    Outcome outcome = installer(manager, Checkpoints.NONE, out).install(ManagerFixture.ruleset("1.2.0"), ALL_STEPS);
    assertEquals(Outcome.VERIFICATION_FAILED, outcome);
    assertEquals(before, manager.snapshot());
    String home = manager.manager().path().toString();
    assertTrue(out.contains("verify  bin/ossec-logtest -t: exit 1: ossec-testrule: ERROR: args: -t -D " + home
        + " -c " + home + "/etc/ossec.conf"), out.toString());
  }

  @Test
  void aRestoreThatFailsTooNamesTheBackupToRestoreByHand() throws Exception {
    ManagerFixture manager = prepare();
    Path backups = manager.home.resolve(Backup.DIR);
    Checkpoints damageBackupThenFail = step -> {
      if (!step.equals("verify")) return;
      try (var dirs = Files.list(backups)) {
        Path backup = dirs.findFirst().orElseThrow();
        Files.delete(backup.resolve("files").resolve(ManagerHome.CONF));
      }
      throw new IOException("injected failure before: verify");
    };
    List<String> out = new ArrayList<>();
    Outcome outcome = installer(manager, damageBackupThenFail, out).install(ManagerFixture.ruleset("1.2.0"), ALL_STEPS);
    assertEquals(Outcome.RESTORE_FAILED, outcome);
    assertTrue(out.stream().anyMatch(l -> l.startsWith("RESTORE FAILED: could not restore etc/ossec.conf: ")), out.toString());
    assertTrue(out.stream().anyMatch(l -> l.startsWith("the files as they were before are kept in .ossec-aws/backups/")),
        out.toString());
    assertTrue(manager.conf().contains(ConfBlock.BEGIN), "ossec.conf could not be restored, so it keeps the block");
  }
}
