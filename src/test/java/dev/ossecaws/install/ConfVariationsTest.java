package dev.ossecaws.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ossecaws.install.Installer.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ossec.conf files as real managers have them: each is installed on (verified by loading what the
 * manager would load), checked for where the block went, and uninstalled back to its exact bytes.
 */
class ConfVariationsTest {
  static final String LOCAL = "    <include>local_rules.xml</include>\n";
  static final String OURS = "    <include>amazon_rules.xml</include>\n";
  static final String BEGIN = "    " + ConfBlock.BEGIN + "\n";
  static final String END = "    " + ConfBlock.END + "\n";
  static final String STOCK_DECODERS = "    <decoder>etc/decoder.xml</decoder>\n";
  static final String OUR_DECODERS = "    <decoder>etc/amazon_decoders.xml</decoder>\n";

  @TempDir Path temp;
  ManagerFixture manager;
  final List<String> out = new ArrayList<>();

  @BeforeEach
  void stockManager() throws IOException {
    manager = ManagerFixture.stock(temp);
  }

  /** Installs 1.2.0, checks ossec.conf became {@code expected}, uninstalls, checks every byte is back. */
  void installAndUninstall(String expected) throws Exception {
    Map<String, String> original = manager.snapshot();
    Installer installer = manager.installer("1.2.0", Checkpoints.NONE, out::add);
    assertEquals(Outcome.DONE, installer.install(ManagerFixture.ruleset("1.2.0"), InstallerTest.PLAIN), out.toString());
    assertEquals(expected, manager.conf());
    assertEquals(Outcome.DONE, installer.uninstall(InstallerTest.PLAIN), out.toString());
    assertEquals(original, manager.snapshotOutsideState());
  }

  @Test
  void customIncludesStayWhereTheyAre() throws Exception {
    manager.write("rules/my_rules.xml", "<group name=\"mine,\">\n</group>\n");
    manager.editConf(LOCAL, "    <include>my_rules.xml</include>\n" + LOCAL + "    <include>more_rules.xml</include>\n");
    manager.write("rules/more_rules.xml", "<group name=\"more,\">\n</group>\n");
    String conf = manager.conf();
    installAndUninstall(conf.replace(LOCAL, BEGIN + STOCK_DECODERS + OUR_DECODERS + OURS + END + LOCAL));
  }

  @Test
  void commentsInsideRulesAreNotMistakenForEntries() throws Exception {
    manager.editConf("    <include>rules_config.xml</include>\n",
        "    <!-- site rules: <include>local_rules.xml</include> must stay last !>\n"
            + "    <include>rules_config.xml</include>\n");
    manager.editConf(LOCAL, "    <!-- <decoder>etc/other.xml</decoder> -->\n" + LOCAL);
    String conf = manager.conf();
    installAndUninstall(conf.replace(LOCAL, BEGIN + STOCK_DECODERS + OUR_DECODERS + OURS + END + LOCAL));
  }

  @Test
  void crlfLineEndingsAreKeptAndUsedForTheBlock() throws Exception {
    String conf = manager.conf().replace("\n", "\r\n");
    manager.write(ManagerHome.CONF, conf);
    String block = (BEGIN + STOCK_DECODERS + OUR_DECODERS + OURS + END).replace("\n", "\r\n");
    installAndUninstall(conf.replace(LOCAL.replace("\n", "\r\n"), block + LOCAL.replace("\n", "\r\n")));
  }

  @Test
  void ourIncludesGoBeforeARuleDirThatWouldLoadThemToo() throws Exception {
    manager.editConf(LOCAL, "");
    manager.editConf("  </rules>\n", "    <rule_dir>rules</rule_dir>\n  </rules>\n");
    String conf = manager.conf();
    String ruleDir = "    <rule_dir>rules</rule_dir>\n";
    installAndUninstall(conf.replace(ruleDir, BEGIN + STOCK_DECODERS + OUR_DECODERS + OURS + END + ruleDir));
  }

  @Test
  void withoutLocalRulesTheBlockEndsTheSection() throws Exception {
    manager.editConf(LOCAL, "");
    Files.delete(manager.home.resolve("rules/local_rules.xml"));
    String conf = manager.conf();
    installAndUninstall(conf.replace("  </rules>\n", BEGIN + STOCK_DECODERS + OUR_DECODERS + OURS + END + "  </rules>\n"));
  }

  @Test
  void anExistingLocalDecoderFileStaysLoadedAfterOurs() throws Exception {
    manager.write("etc/local_decoder.xml", "<decoder name=\"local\">\n  <prematch>^local: </prematch>\n</decoder>\n");
    String conf = manager.conf();
    installAndUninstall(conf.replace(LOCAL, BEGIN + STOCK_DECODERS + OUR_DECODERS
        + "    <decoder>etc/local_decoder.xml</decoder>\n" + OURS + END + LOCAL));
  }

  @Test
  void explicitDecodersAreNotRepeated() throws Exception {
    manager.editConf("    <include>rules_config.xml</include>\n", STOCK_DECODERS + "    <include>rules_config.xml</include>\n");
    String conf = manager.conf();
    installAndUninstall(conf.replace(LOCAL, BEGIN + OUR_DECODERS + OURS + END + LOCAL));
  }

  @Test
  void aDecoderDirThatCannotBeOpenedStillMeansTheDefaultDecoders() throws Exception {
    manager.editConf("    <include>rules_config.xml</include>\n",
        "    <decoder_dir>etc/no_such_dir</decoder_dir>\n    <include>rules_config.xml</include>\n");
    String conf = manager.conf();
    installAndUninstall(conf.replace(LOCAL, BEGIN + STOCK_DECODERS + OUR_DECODERS + OURS + END + LOCAL));
  }

  @Test
  void aRulesSectionOnOneLineGetsTheBlockInline() throws Exception {
    String section = manager.conf().substring(manager.conf().indexOf("  <rules>"), manager.conf().indexOf("  </rules>\n") + 11);
    manager.editConf(section, "  <rules><include>rules_config.xml</include><include>local_rules.xml</include></rules>\n");
    String conf = manager.conf();
    installAndUninstall(conf.replace("<include>local_rules.xml</include></rules>", ConfBlock.BEGIN
        + "<decoder>etc/decoder.xml</decoder><decoder>etc/amazon_decoders.xml</decoder><include>amazon_rules.xml</include>"
        + ConfBlock.END + "<include>local_rules.xml</include></rules>"));
  }
}
