package dev.ossecaws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.install.ManagerFixture;
import dev.ossecaws.lock.RunLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** install and uninstall from the command line, verified by the project's evaluator. */
class InstallCommandTest {
  @TempDir Path temp;
  ManagerFixture manager;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void stockManager() throws Exception {
    manager = ManagerFixture.stock(temp);
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  String[] args(String command, String... more) {
    String[] all = new String[more.length + 3];
    all[0] = command;
    all[1] = "--ossec-dir";
    all[2] = manager.home.toString();
    System.arraycopy(more, 0, all, 3, more.length);
    return all;
  }

  @Test
  void installLoadsWithTheEvaluatorAndUninstallGivesBackEveryByte() throws Exception {
    Map<String, String> original = manager.snapshot();
    String ruleset = ManagerFixture.resource("ruleset-1.2.0").toString();
    String noSamples = Files.createDirectory(temp.resolve("no-samples")).toString();
    assertEquals(0, run(args("install", "--ruleset", ruleset, "--dry-run")), err.toString());
    assertTrue(out.toString().contains("+++ b/etc/ossec.conf"), out.toString());
    assertEquals(original, manager.snapshot());

    assertEquals(0, run(args("install", "--ruleset", ruleset, "--samples", noSamples)), err.toString() + out);
    assertTrue(out.toString().contains(
        "verify  ok: 2 decoder files and 68 rules files loaded; 0 sample cases (0 events) replayed\n"), out.toString());
    assertTrue(out.toString().endsWith(" 4 files changed\n"), out.toString());
    assertEquals(0, run(args("install", "--ruleset", ruleset)));
    assertEquals("already at 1.2.0, nothing to do\n", out.toString());
    assertEquals(0, run(args("install", "--ruleset", ruleset, "--status")));
    assertTrue(out.toString().contains("installed 1.2.0\n"), out.toString());

    assertEquals(0, run(args("uninstall")), err.toString() + out);
    assertEquals(original, manager.snapshotOutsideState());
  }

  @Test
  void theProjectRulesetInstalledOnOssec430GivesEverySampleItsExpectedVerdict() throws Exception {
    Map<String, String> original = manager.snapshot();
    assertEquals(0, run(args("install", "--ruleset", "ruleset", "--samples", "samples")), out.toString());
    assertTrue(out.toString().matches("(?s).*verify  ok: .* sample cases \\([0-9]+ events\\) replayed\n.*"), out.toString());
    System.out.println(out.toString().lines().filter(l -> l.startsWith("verify")).findFirst().orElseThrow());
    assertEquals(0, run(args("uninstall")), out.toString());
    assertEquals(original, manager.snapshotOutsideState());
  }

  @Test
  void aRulesetTheEvaluatorCannotLoadExitsWithFourAndChangesNothing() throws Exception {
    Path broken = temp.resolve("broken");
    Files.createDirectories(broken.resolve("rules"));
    Files.createDirectories(broken.resolve("decoders"));
    Files.writeString(broken.resolve("VERSION"), "1.2.0\n");
    Files.writeString(broken.resolve("rules/amazon_rules.xml"), "<group name=\"amazon,\">\n</group>\n");
    Files.writeString(broken.resolve("decoders/amazon_decoders.xml"), "<decoder name=\"amazon\">\n  <prematch>x</prematch>\n");
    Map<String, String> original = manager.snapshot();
    assertEquals(InstallOptions.EXIT_VERIFICATION_FAILED, run(args("install", "--ruleset", broken.toString())));
    assertTrue(out.toString().contains("verify  FAILED: etc/amazon_decoders.xml"), out.toString());
    assertEquals(original, manager.snapshot());
  }

  @Test
  void somethingThatIsNotAManagerIsRefusedWithExitThree() throws Exception {
    Path empty = Files.createDirectory(temp.resolve("empty"));
    assertEquals(InstallOptions.EXIT_REFUSED, run("uninstall", "--ossec-dir", empty.toString()));
    assertEquals("ossec-aws uninstall: refused: not an OSSEC manager home: " + empty.toRealPath()
        + "/etc/ossec.conf is missing\n", err.toString());
  }

  @Test
  void aRunWhileAnotherHoldsTheManagerExitsWithSevenAndChangesNothing() throws Exception {
    Path lockFile = manager.home.resolve(".ossec-aws/install.lock");
    try (RunLock held = RunLock.tryAcquire(lockFile)) {
      Map<String, String> before = manager.snapshot();
      assertEquals(InstallOptions.EXIT_BUSY, run(args("install", "--ruleset", ManagerFixture.resource("ruleset-1.2.0").toString())));
      Path home = manager.home.toRealPath();
      assertEquals("ossec-aws install: refused: another ossec-aws install, uninstall or rollback is running on " + home
          + " (it holds " + home.resolve(".ossec-aws/install.lock") + "); nothing was changed, try again when it is done\n",
          err.toString());
      assertEquals("", out.toString());
      assertEquals(InstallOptions.EXIT_BUSY, run(args("uninstall")));
      assertEquals(before, manager.snapshot());
    }
  }

  @Test
  void helpDocumentsTheExitCodes() {
    assertEquals(0, run("install", "--help"));
    assertTrue(out.toString().contains("Exit codes:\n  0   Done: installed, upgraded"), out.toString());
    assertTrue(out.toString().contains("  4   Verification failed"), out.toString());
    assertTrue(out.toString().contains("  7   Busy, nothing changed: another ossec-aws install"), out.toString());
    assertEquals(0, run("uninstall", "--help"));
    assertTrue(out.toString().contains("  7   Busy, nothing changed: another ossec-aws install"), out.toString());
  }

  @Test
  void aMissingSamplesDirectoryIsBadUsageBeforeAnyFileIsTouched() throws Exception {
    Map<String, String> original = manager.snapshot();
    Path missing = temp.resolve("missing");
    assertEquals(2, run(args("install", "--samples", missing.toString())));
    assertEquals("install: samples directory not found: " + missing + " (pass --samples DIR)\n", err.toString());
    assertEquals("", out.toString());
    assertEquals(original, manager.snapshot());
    assertTrue(Files.notExists(manager.home.resolve(".ossec-aws")));
  }

  @Test
  void statusRefusesOptionsThatWouldChangeSomething() {
    assertEquals(2, run(args("install", "--status", "--restart")));
    assertTrue(err.toString().startsWith("--status changes nothing"), err.toString());
  }
}
