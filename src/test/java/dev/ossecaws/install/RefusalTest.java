package dev.ossecaws.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** What the installer will not touch, and that refusing leaves every file as it was. */
class RefusalTest {
  @TempDir Path temp;
  ManagerFixture manager;
  final List<String> out = new ArrayList<>();

  @BeforeEach
  void stockManager() throws IOException {
    manager = ManagerFixture.stock(temp);
  }

  void assertRefused(String expectedMessage, Executable action) {
    Map<String, String> before = manager.snapshot();
    InstallRefusedException e = assertThrows(InstallRefusedException.class, action);
    assertEquals(expectedMessage, e.getMessage().replace(manager.home.toString(), "HOME"));
    assertEquals(before, manager.snapshot());
  }

  void install() throws Exception {
    manager.install("1.2.0");
  }

  @Test
  void aHomeWithoutOssecConfIsRefused() throws IOException {
    Files.delete(manager.home.resolve(ManagerHome.CONF));
    assertRefused("not an OSSEC manager home: HOME/etc/ossec.conf is missing", manager::manager);
  }

  @Test
  void anOssecConfThatIsNotAReadableFileIsRefused() throws IOException {
    Files.delete(manager.home.resolve(ManagerHome.CONF));
    Files.createDirectory(manager.home.resolve(ManagerHome.CONF));
    assertRefused("not an OSSEC manager home: HOME/etc/ossec.conf is not a readable file", manager::manager);
  }

  @Test
  void anAgentInstallWithoutRulesIsRefused() throws IOException {
    try (var files = Files.list(manager.home.resolve("rules"))) {
      for (Path file : files.toList()) Files.delete(file);
    }
    Files.delete(manager.home.resolve("rules"));
    assertRefused("not an OSSEC manager home: HOME has no rules/ directory (an agent install?)", manager::manager);
  }

  @Test
  void anAgentConfigurationWithoutRulesSectionIsRefused() throws IOException {
    manager.write(ManagerHome.CONF, "<ossec_config>\n  <client>\n    <server-ip>10.0.0.1</server-ip>\n  </client>\n</ossec_config>\n");
    assertRefused("not an OSSEC manager home: etc/ossec.conf has no <rules> section (an agent's configuration?)",
        this::install);
  }

  @Test
  void theInitFileOfAnAgentIsBelieved() throws IOException {
    Path init = Files.createDirectories(temp.resolve("init")).resolve("ossec-init.conf");
    Files.writeString(init, "DIRECTORY=\"" + manager.home + "\"\nVERSION=\"v4.3.0\"\nTYPE=\"agent\"\n");
    assertRefused("not an OSSEC manager home: " + init + " says HOME is an agent (TYPE=\"agent\")",
        () -> ManagerHome.locate(Optional.empty(), init));
  }

  @Test
  void theInitFileNamesTheHomeAndItsVersion() throws Exception {
    Path init = Files.createDirectories(temp.resolve("init")).resolve("ossec-init.conf");
    Files.writeString(init, "DIRECTORY=\"" + manager.home + "\"\nVERSION=\"v4.3.0\"\nTYPE=\"server\"\n");
    ManagerHome home = ManagerHome.locate(Optional.empty(), init);
    assertEquals(manager.home.toRealPath(), home.path());
    assertEquals("v4.3.0", home.version());
    Files.writeString(init, "DIRECTORY=\"" + manager.home + "\"\nVERSION=\"v3.7.0\"\nTYPE=\"server\"\n");
    assertRefused("not an OSSEC 4.x manager home: " + init + " says VERSION=\"v3.7.0\"",
        () -> ManagerHome.locate(Optional.empty(), init));
  }

  @Test
  void aSymlinkLeadingOutsideTheHomeIsRefused() throws IOException {
    Path outside = Files.writeString(temp.resolve("elsewhere.xml"), "<group name=\"x,\"></group>\n");
    Files.createSymbolicLink(manager.home.resolve("rules/amazon_rules.xml"), outside);
    assertRefused("refusing HOME/rules/amazon_rules.xml: a symlink leading outside the manager home, to " + outside,
        this::install);
  }

  @Test
  void aRulesDirectoryLinkedOutsideTheHomeIsRefused() throws IOException {
    Path outside = Files.createDirectory(temp.resolve("rules-elsewhere"));
    Files.move(manager.home.resolve("rules"), outside.resolve("rules"));
    Files.createSymbolicLink(manager.home.resolve("rules"), outside.resolve("rules"));
    assertRefused("refusing HOME/rules: a symlink leading outside the manager home, to " + outside.resolve("rules"),
        manager::manager);
  }

  @Test
  void namesWithPathSeparatorsAreRefused() throws Exception {
    ManagerHome home = manager.manager();
    assertRefused("refusing unsafe file name '..' in 'rules/../../etc/passwd'", () -> home.resolve("rules/../../etc/passwd"));
    assertRefused("refusing unsafe file name 'a\\b.xml' in 'rules/a\\b.xml'", () -> home.resolve("rules/a\\b.xml"));
  }

  @Test
  void aManualInstallIsNotOverwritten() throws IOException {
    manager.write("rules/amazon_rules.xml", "<group name=\"amazon,\"></group>\n");
    assertRefused("rules/amazon_rules.xml exists and was not installed by ossec-aws (a manual install?);"
        + " move it out of HOME first", this::install);
  }

  @Test
  void aManualIncludeIsNotDuplicated() throws IOException {
    manager.editConf("    <include>local_rules.xml</include>\n",
        "    <include>amazon_rules.xml</include>\n    <include>local_rules.xml</include>\n");
    assertRefused("etc/ossec.conf:79: <include>amazon_rules.xml</include> is already there, outside the"
        + " ossec-aws block (a manual install?); remove it first", this::install);
  }

  @Test
  void aManifestNamingFilesOutsideTheRulesetAreasIsRefused() throws Exception {
    install();
    String manifest = manager.read(Manifest.PATH);
    manager.write(Manifest.PATH, manifest.replace("file rules/amazon_rules.xml", "file etc/ossec.conf"));
    assertRefused("HOME/.ossec-aws/installed is damaged; restore it or roll back",
        () -> manager.installer("1.2.0", Checkpoints.NONE, out::add).uninstall(InstallerTest.PLAIN));
    assertTrue(Files.exists(manager.home.resolve(ManagerHome.CONF)));
  }

  @Test
  void restartWithoutAnExecutableOssecControlIsRefusedBeforeAnyWrite() {
    Installer.Options restart = new Installer.Options(false, false, true);
    assertRefused("--restart: HOME/bin/ossec-control is missing or not executable",
        () -> manager.installer("1.2.0", Checkpoints.NONE, out::add).install(ManagerFixture.ruleset("1.2.0"), restart));
    assertTrue(Files.notExists(manager.home.resolve(".ossec-aws")), "a backup was made");
  }
}
