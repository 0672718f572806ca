package dev.ossecaws.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.install.Installer.Options;
import dev.ossecaws.install.Installer.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerTest {
  static final Options PLAIN = new Options(false, false, false);
  static final String STOCK_BLOCK_LF = ""
      + "    " + ConfBlock.BEGIN + "\n"
      + "    <decoder>etc/decoder.xml</decoder>\n"
      + "    <decoder>etc/amazon_decoders.xml</decoder>\n"
      + "    <include>amazon_rules.xml</include>\n"
      + "    " + ConfBlock.END + "\n";

  @TempDir Path temp;
  ManagerFixture manager;
  final List<String> out = new ArrayList<>();

  @BeforeEach
  void stockManager() throws IOException {
    manager = ManagerFixture.stock(temp);
  }

  Installer installer(String verifyAgainst) throws IOException, InstallRefusedException {
    return installer(verifyAgainst, Checkpoints.NONE);
  }

  Installer installer(String verifyAgainst, Checkpoints checkpoints) throws IOException, InstallRefusedException {
    return manager.installer(verifyAgainst, checkpoints, out::add);
  }

  Outcome install(String version) throws IOException, InstallRefusedException {
    return installer(version, Checkpoints.NONE).install(ManagerFixture.ruleset(version), PLAIN);
  }

  @Test
  void installOnStockManagerAddsOneBlockBeforeLocalRulesAndNothingElse() throws Exception {
    String before = manager.conf();
    assertEquals(Outcome.DONE, install("1.2.0"));
    String anchor = "    <include>local_rules.xml</include>\n";
    assertEquals(before.replace(anchor, STOCK_BLOCK_LF + anchor), manager.conf());
    assertEquals(Files.readString(ManagerFixture.resource("ruleset-1.2.0/rules/amazon_rules.xml")),
        manager.read("rules/amazon_rules.xml"));
    assertEquals(Files.readString(ManagerFixture.resource("ruleset-1.2.0/decoders/amazon_decoders.xml")),
        manager.read("etc/amazon_decoders.xml"));
    assertTrue(manager.read(Manifest.PATH).contains("version 1.2.0\n"));
    assertEquals("installing 1.2.0 on " + manager.manager(), out.get(0));
    assertTrue(out.contains("create  rules/amazon_rules.xml"), out.toString());
    assertTrue(out.contains("update  etc/ossec.conf"), out.toString());
    assertTrue(out.get(out.size() - 1).startsWith("installed 1.2.0 on "), out.toString());
  }

  @Test
  void secondInstallChangesNoByte() throws Exception {
    install("1.2.0");
    Map<String, String> afterFirst = manager.snapshot();
    out.clear();
    assertEquals(Outcome.DONE, install("1.2.0"));
    assertEquals(List.of("already at 1.2.0, nothing to do"), out);
    assertEquals(afterFirst, manager.snapshot());
  }

  @Test
  void upgradeRemovesTheFileTheNewVersionNoLongerShips() throws Exception {
    install("1.1.0");
    assertTrue(manager.conf().contains("<include>amazon_iam_rules.xml</include>"));
    out.clear();
    assertEquals(Outcome.DONE, install("1.2.0"));
    assertEquals("installing 1.2.0 over 1.1.0 on " + manager.manager(), out.get(0));
    assertTrue(out.contains("delete  rules/amazon_iam_rules.xml"), out.toString());
    assertFalse(Files.exists(manager.home.resolve("rules/amazon_iam_rules.xml")));
    assertFalse(manager.conf().contains("amazon_iam_rules.xml"));
    assertFalse(manager.read(Manifest.PATH).contains("amazon_iam_rules.xml"));
    Map<String, String> upgraded = manager.snapshotOutsideState();

    ManagerFixture fresh = ManagerFixture.stock(temp.resolve("fresh"));
    fresh.install("1.2.0");
    assertEquals(fresh.snapshotOutsideState(), upgraded, "an upgrade ends where a fresh install does");
  }

  @Test
  void dryRunPrintsUnifiedDiffsAndWritesNothing() throws Exception {
    Map<String, String> before = manager.snapshot();
    Outcome outcome = installer("1.2.0").install(ManagerFixture.ruleset("1.2.0"), new Options(true, false, false));
    assertEquals(Outcome.DONE, outcome);
    assertEquals(before, manager.snapshot());
    String printed = String.join("\n", out);
    assertTrue(printed.contains("--- a/etc/ossec.conf\n+++ b/etc/ossec.conf\n@@ -76,6 +76,11 @@\n"), printed);
    assertTrue(printed.contains("+    <include>amazon_rules.xml</include>\n"), printed);
    assertTrue(printed.contains("--- /dev/null\n+++ b/rules/amazon_rules.xml\n@@ -0,0 +1,13 @@\n"), printed);
    assertEquals("dry run: 4 files would change; nothing was written", out.get(out.size() - 1));
  }

  @Test
  void uninstallReturnsEveryFileToItsOriginalBytes() throws Exception {
    Map<String, String> original = manager.snapshot();
    install("1.1.0");
    install("1.2.0");
    out.clear();
    assertEquals(Outcome.DONE, installer("1.2.0").uninstall(PLAIN));
    assertEquals("uninstalling 1.2.0 from " + manager.manager(), out.get(0));
    assertEquals(original, manager.snapshotOutsideState());
    out.clear();
    assertEquals(Outcome.DONE, installer("1.2.0").uninstall(PLAIN));
    assertEquals(List.of("ossec-aws is not installed on " + manager.manager() + ", nothing to do"), out);
  }

  @Test
  void rollbackRestoresTheLastBackupThenTheOneBefore() throws Exception {
    Map<String, String> original = manager.snapshot();
    install("1.1.0");
    Map<String, String> at110 = manager.snapshotOutsideState();
    install("1.2.0");
    assertEquals(Outcome.DONE, installer("1.2.0").rollback(PLAIN));
    assertEquals(at110, manager.snapshotOutsideState());
    assertTrue(manager.read(Manifest.PATH).contains("version 1.1.0\n"));
    assertEquals(Outcome.DONE, installer("1.2.0").rollback(PLAIN));
    assertEquals(original, manager.snapshotOutsideState());
    InstallRefusedException e = assertThrows(InstallRefusedException.class, () -> installer("1.2.0").rollback(PLAIN));
    assertTrue(e.getMessage().startsWith("nothing to roll back: no backup in "), e.getMessage());
  }

  @Test
  void rollbackUndoesAnUninstall() throws Exception {
    install("1.2.0");
    Map<String, String> installed = manager.snapshotOutsideState();
    installer("1.2.0").uninstall(PLAIN);
    assertEquals(Outcome.DONE, installer("1.2.0").rollback(PLAIN));
    assertEquals(installed, manager.snapshotOutsideState());
  }

  @Test
  void statusSaysWhatIsInstalledAndWhetherItIsIntact() throws Exception {
    install("1.2.0");
    manager.write("rules/amazon_rules.xml", "<group name=\"edited,\"></group>\n");
    out.clear();
    installer("1.2.0").status(Optional.of(ManagerFixture.ruleset("1.2.0")));
    assertEquals(List.of(
        "manager   " + manager.manager(),
        "installed 1.2.0",
        "file      etc/amazon_decoders.xml ok",
        "file      rules/amazon_rules.xml MODIFIED",
        "config    etc/ossec.conf has the ossec-aws block",
        "available 1.2.0"), out.subList(0, 6));
    assertTrue(out.get(6).startsWith("rollback  to .ossec-aws/backups/"), out.get(6));
  }

  @Test
  void newFilesTakeTheOwnerAndModeOfTheFilesBesideThem() throws Exception {
    Files.setPosixFilePermissions(manager.home.resolve("rules/local_rules.xml"), PosixFilePermissions.fromString("r--r-----"));
    Files.setPosixFilePermissions(manager.home.resolve("etc/decoder.xml"), PosixFilePermissions.fromString("rw-r-----"));
    install("1.2.0");
    assertEquals("r--r-----", mode("rules/amazon_rules.xml"));
    assertEquals("rw-r-----", mode("etc/amazon_decoders.xml"));
    assertEquals(Files.getOwner(manager.home.resolve("rules/local_rules.xml")),
        Files.getOwner(manager.home.resolve("rules/amazon_rules.xml")));
  }

  @Test
  void readOnlyConfigIsEditedAndStaysReadOnly() throws Exception {
    Files.setPosixFilePermissions(manager.home.resolve(ManagerHome.CONF), PosixFilePermissions.fromString("r--r-----"));
    Map<String, String> original = manager.snapshot();
    assertEquals(Outcome.DONE, install("1.2.0"));
    assertEquals("r--r-----", mode(ManagerHome.CONF));
    assertTrue(manager.conf().contains("<include>amazon_rules.xml</include>"));
    installer("1.2.0").uninstall(PLAIN);
    assertEquals(original, manager.snapshotOutsideState());
  }

  @Test
  void aBrokenRulesetFailsVerificationAndChangesNothing() throws Exception {
    Path broken = temp.resolve("broken");
    Files.createDirectories(broken.resolve("rules"));
    Files.writeString(broken.resolve("VERSION"), "1.2.0\n");
    Files.writeString(broken.resolve("rules/amazon_rules.xml"), "<group name=\"amazon,\">\n  <rule id=\"80200\" level=\"0\">\n</group>\n");
    Map<String, String> original = manager.snapshot();
    Outcome outcome = installer("1.2.0").install(Ruleset.read(broken), PLAIN);
    assertEquals(Outcome.VERIFICATION_FAILED, outcome);
    assertEquals(original, manager.snapshot());
    assertTrue(out.stream().anyMatch(l -> l.startsWith("verify  FAILED: rules//amazon_rules.xml:3: XMLERR: Element 'rule' not closed.")), out.toString());
    assertTrue(out.contains("restore every file is back as it was before"), out.toString());
  }

  @Test
  void aConfigSymlinkedInsideTheHomeIsEditedThroughTheLink() throws Exception {
    Files.move(manager.home.resolve(ManagerHome.CONF), manager.home.resolve("etc/ossec-site.conf"));
    Files.createSymbolicLink(manager.home.resolve(ManagerHome.CONF), Path.of("ossec-site.conf"));
    Map<String, String> original = manager.snapshot();
    assertEquals(Outcome.DONE, install("1.2.0"));
    assertTrue(Files.isSymbolicLink(manager.home.resolve(ManagerHome.CONF)));
    assertTrue(manager.read("etc/ossec-site.conf").contains("<include>amazon_rules.xml</include>"));
    installer("1.2.0").uninstall(PLAIN);
    assertEquals(original, manager.snapshotOutsideState());
  }

  private String mode(String path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(manager.home.resolve(path)));
  }
}
