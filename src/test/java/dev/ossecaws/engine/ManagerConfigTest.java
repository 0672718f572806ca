package dev.ossecaws.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagerConfigTest {
  static final String INTERNAL_OPTIONS = "# analysisd\n"
      + "analysisd.default_timeframe=360\n"
      + "analysisd.decoder_order_size=256\n"
      + "analysisd.sid_prev_matched_max=128\n"
      + "analysisd.fts_list_size=32\n"
      + "analysisd.fts_min_size_for_str=14\n";

  @TempDir Path home;

  @BeforeEach
  void writeInternalOptions() throws IOException {
    Files.createDirectories(home.resolve("etc"));
    Files.writeString(home.resolve("etc/internal_options.conf"), INTERNAL_OPTIONS);
  }

  ManagerConfig load(String ossecConf) throws IOException, ConfigException {
    Files.writeString(home.resolve("etc/ossec.conf"), ossecConf);
    return ManagerConfig.load(home);
  }

  ConfigException failure(String ossecConf) throws IOException {
    Files.writeString(home.resolve("etc/ossec.conf"), ossecConf);
    return assertThrows(ConfigException.class, () -> ManagerConfig.load(home));
  }

  static List<String> configured(List<RulesetFile> files) {
    return files.stream().map(RulesetFile::configured).collect(Collectors.toList());
  }

  static List<String> ossecPaths(List<RulesetFile> files) {
    return files.stream().map(RulesetFile::ossecPath).collect(Collectors.toList());
  }

  String configError() {
    return "ossec-testrule(1202): ERROR: Configuration error at '" + home.resolve("etc/ossec.conf") + "'. Exiting.";
  }

  @Test
  void stockConfigurationLoadsDecoderXmlAndItsSixtySevenRulesFilesInOrder() throws ConfigException {
    Path ossecHome = SharedData.ossecHome();
    ManagerConfig config = ManagerConfig.load(ossecHome);
    assertTrue(config.legacyDecoders());
    assertEquals(List.of("etc/decoder.xml", "etc/local_decoder.xml"), ossecPaths(config.decoderFiles()));
    assertEquals(ossecHome.resolve("etc/decoder.xml"), config.decoderFiles().get(0).path());
    List<RulesetFile> rules = config.ruleFiles();
    assertEquals(67, rules.size());
    assertEquals("rules_config.xml", rules.get(0).configured());
    assertEquals("rules//rules_config.xml", rules.get(0).ossecPath());
    assertEquals("pam_rules.xml", rules.get(1).configured());
    assertEquals("local_rules.xml", rules.get(66).configured());
    assertFalse(configured(rules).contains("policy_rules.xml"), "commented out");
    for (RulesetFile file : rules) assertTrue(Files.isRegularFile(file.path()), file.toString());
    assertTrue(config.listFiles().isEmpty());
    assertEquals(7, config.emailAlertLevel());
    assertEquals(1, config.logAlertLevel());
    assertEquals(8192, config.memorySize());
    assertEquals(360, config.internalOptions().defaultTimeframe());
    assertEquals(256, config.internalOptions().decoderOrderSize());
  }

  @Test
  void rulesPathsResolveUnderTheHome() throws Exception {
    ManagerConfig config = load("<ossec_config><rules>"
        + "<include>a.xml</include><rule>my/b.xml</rule><include>/abs/c.xml</include>"
        + "<decoder>etc/d.xml</decoder><decoder>/etc/e.xml</decoder>"
        + "</rules></ossec_config>");
    assertEquals(List.of("rules//a.xml", "my/b.xml", "/abs/c.xml"), ossecPaths(config.ruleFiles()));
    assertEquals(home.resolve("rules/a.xml"), config.ruleFiles().get(0).path().normalize());
    assertEquals(home.resolve("abs/c.xml"), config.ruleFiles().get(2).path());
    assertFalse(config.legacyDecoders());
    assertEquals(List.of("etc/d.xml", "/etc/e.xml"), ossecPaths(config.decoderFiles()));
    assertEquals(home.resolve("etc/e.xml"), config.decoderFiles().get(1).path());
  }

  @Test
  void listsResolveToRulesAndLoseTheirCdbSuffix() throws Exception {
    ManagerConfig config = load("<ossec_config><rules>"
        + "<list>lists/blocked.cdb</list><list>users</list><list>x.cdb.old</list>"
        + "</rules></ossec_config>");
    List<String> names = config.listFiles().stream().map(ListFile::name).collect(Collectors.toList());
    assertEquals(List.of("lists/blocked", "rules/users", "rules/x"), names);
    ListFile users = config.listFiles().get(1);
    assertEquals(home.resolve("rules/users"), users.textFile());
    assertEquals(home.resolve("rules/users.cdb"), users.cdbFile());
  }

  @Test
  void aSecondRulesSectionReplacesTheFirstsEntriesOfTheSameKind() throws Exception {
    ManagerConfig config = load("<ossec_config><rules>"
        + "<include>rules_config.xml</include><include>a.xml</include><decoder>etc/d.xml</decoder>"
        + "</rules></ossec_config><ossec_config><rules><include>b.xml</include></rules></ossec_config>");
    assertEquals(List.of("b.xml"), configured(config.ruleFiles()));
    assertEquals(List.of("etc/d.xml"), configured(config.decoderFiles()));
  }

  @Test
  void sectionsOfDifferentKindsDoNotInterfere() throws Exception {
    ManagerConfig config = load("<ossec_config><rules><decoder>etc/d.xml</decoder></rules>"
        + "<rules><include>a.xml</include><include>b.xml</include></rules></ossec_config>");
    assertEquals(List.of("a.xml", "b.xml"), configured(config.ruleFiles()));
    assertEquals(List.of("etc/d.xml"), configured(config.decoderFiles()));
  }

  @Test
  void anEmptyIncludeNamesTheRulesDirectory() throws Exception {
    ManagerConfig config = load("<ossec_config><rules><include></include></rules></ossec_config>");
    assertEquals(List.of("rules//"), ossecPaths(config.ruleFiles()));
  }

  @Test
  void contentsAreNotTrimmed() throws Exception {
    ManagerConfig config = load("<ossec_config><rules><include> a.xml\n</include></rules></ossec_config>");
    assertEquals(List.of("rules// a.xml\n"), ossecPaths(config.ruleFiles()));
  }

  @Test
  void alertLevelsAreDigitsModulo256AndEmptyIsZero() throws Exception {
    ManagerConfig config = load("<ossec_config><alerts><email_alert_level>300</email_alert_level>"
        + "<log_alert_level></log_alert_level></alerts></ossec_config>");
    assertEquals(44, config.emailAlertLevel());
    assertEquals(0, config.logAlertLevel());
  }

  @Test
  void aNonNumericAlertLevelIsFatal() throws IOException {
    ConfigException e = failure("<ossec_config>\n<alerts>\n<log_alert_level> 1</log_alert_level>\n</alerts></ossec_config>");
    assertEquals(List.of("ossec-testrule(1235): ERROR: Invalid value for element 'log_alert_level':  1.",
        configError(), configError()), e.ossecMessages());
    assertEquals(3, e.line());
    assertEquals(home.resolve("etc/ossec.conf").toString(), e.file());
  }

  @Test
  void memorySizeHasAFloorOf2048() throws Exception {
    assertEquals(2048, load("<ossec_config><global><memory_size>10</memory_size></global></ossec_config>").memorySize());
    assertEquals(9000, load("<ossec_config><global><memory_size>9000</memory_size></global></ossec_config>").memorySize());
  }

  @Test
  void unknownElementsAreFatalWhereverTheyAre() throws IOException {
    assertInvalid("<ossec_config><global><nonsense>1</nonsense></global></ossec_config>", "nonsense");
    assertInvalid("<ossec_config><alerts><level>1</level></alerts></ossec_config>", "level");
    assertInvalid("<ossec_config><rules><Include>a.xml</Include></rules></ossec_config>", "Include");
    assertInvalid("<ossec_config><Rules><include>a.xml</include></Rules></ossec_config>", "Rules");
    assertInvalid("<ossec_config><alerts></alerts></ossec_config>", "alerts");
    assertInvalid("<ossec_config><rules/></ossec_config>", "rules");
    assertInvalid("<ossec_config><remote>secure</remote></ossec_config>", "remote");
  }

  void assertInvalid(String ossecConf, String element) throws IOException {
    ConfigException e = failure(ossecConf);
    assertEquals(List.of("ossec-testrule(1230): ERROR: Invalid element in the configuration: '" + element + "'.",
        configError(), configError()), e.ossecMessages());
  }

  @Test
  void aBadRootElementReportsTheConfigurationErrorOnce() throws IOException {
    ConfigException e = failure("<ossec_config><global><memory_size>1</memory_size></global></ossec_config>\n<OSSEC_CONFIG/>");
    assertEquals(List.of("ossec-testrule(1230): ERROR: Invalid element in the configuration: 'OSSEC_CONFIG'.",
        configError()), e.ossecMessages());
    assertEquals(2, e.line());
  }

  @Test
  void topLevelVarsAndUnreadSectionsAreAccepted() throws Exception {
    ManagerConfig config = load("<var name=\"X\">1</var><ossec_config><remote><connection>secure</connection></remote>"
        + "<syscheck><frequency>7</frequency><auto_ignore>no</auto_ignore></syscheck></ossec_config>");
    assertTrue(config.ruleFiles().isEmpty());
  }

  @Test
  void syscheckYesNoOptionsAreValidated() throws IOException {
    ConfigException e = failure("<ossec_config><syscheck><alert_new_files>maybe</alert_new_files></syscheck></ossec_config>");
    assertEquals("ossec-testrule(1235): ERROR: Invalid value for element 'alert_new_files': maybe.",
        e.ossecMessages().get(0));
  }

  @Test
  void anXmlErrorInTheConfigurationNamesFileAndLine() throws IOException {
    ConfigException e = failure("<ossec_config>\n<rules>\n<include>a.xml</include>\n");
    String file = home.resolve("etc/ossec.conf").toString();
    assertEquals(List.of("ossec-testrule(1226): ERROR: Error reading XML file '" + file
        + "': XMLERR: End of file and some elements were not closed. (line 4).", configError()),
        e.ossecMessages());
    assertEquals(file + ":4: " + e.ossecMessages().get(0), e.getMessage());
  }

  @Test
  void aMissingConfigurationIsNotFound() {
    ConfigException e = assertThrows(ConfigException.class, () -> ManagerConfig.load(home));
    assertTrue(e.ossecMessages().get(0).endsWith("XMLERR: File '" + home.resolve("etc/ossec.conf") + "' not found. (line 1)."),
        e.ossecMessages().get(0));
  }

  @Test
  void localInternalOptionsComeFirst() throws Exception {
    Files.writeString(home.resolve("etc/local_internal_options.conf"), "analysisd.default_timeframe=60\n");
    ManagerConfig config = load("<ossec_config><global><email_to>x</email_to></global></ossec_config>");
    assertEquals(60, config.internalOptions().defaultTimeframe());
    assertEquals(128, config.internalOptions().sidPrevMatchedMax());
    assertEquals(32, config.internalOptions().ftsListSize());
    assertEquals(14, config.internalOptions().ftsMinSizeForStr());
  }

  @Test
  void internalOptionsMustBePresentNumericAndInRange() throws IOException {
    String conf = "<ossec_config><global><email_to>x</email_to></global></ossec_config>";
    Files.writeString(home.resolve("etc/internal_options.conf"), INTERNAL_OPTIONS.replace("analysisd.fts_list_size=32\n", ""));
    assertEquals(List.of("ossec-testrule(2301): ERROR: Definition not found for: 'analysisd.fts_list_size'."),
        failure(conf).ossecMessages());
    Files.writeString(home.resolve("etc/internal_options.conf"), INTERNAL_OPTIONS.replace("=256", "=2000"));
    ConfigException e = failure(conf);
    assertEquals(List.of("ossec-testrule(2302): ERROR: Invalid definition for analysisd.decoder_order_size: '2000'."),
        e.ossecMessages());
    assertEquals("etc/internal_options.conf:3: " + e.ossecMessages().get(0), e.getMessage());
  }

  @Test
  void aRulesetIsAddedAfterTheConfiguredFiles() throws Exception {
    Path ruleset = home.resolve("ruleset");
    Files.createDirectories(ruleset.resolve("decoders"));
    Files.createDirectories(ruleset.resolve("rules"));
    Files.writeString(ruleset.resolve("decoders/amazon_decoders.xml"), "");
    Files.writeString(ruleset.resolve("rules/b_rules.xml"), "");
    Files.writeString(ruleset.resolve("rules/a_rules.xml"), "");
    Files.writeString(ruleset.resolve("rules/README.md"), "");
    ManagerConfig base = load("<ossec_config><rules><include>x.xml</include></rules></ossec_config>");
    ManagerConfig config = base.newBuilder().addRuleset(ruleset).build();
    assertEquals(List.of("rules//x.xml", ruleset.resolve("rules/a_rules.xml").toString(),
        ruleset.resolve("rules/b_rules.xml").toString()), ossecPaths(config.ruleFiles()));
    assertEquals(3, config.decoderFiles().size());
    assertEquals(ruleset.resolve("decoders/amazon_decoders.xml"), config.decoderFiles().get(2).path());
    assertEquals(1, base.ruleFiles().size());
  }

  void touch(String... files) throws IOException {
    for (String file : files) {
      Files.createDirectories(home.resolve(file).getParent());
      Files.writeString(home.resolve(file), "");
    }
  }

  @Test
  void ruleDirAddsMatchingFilesInByteOrderSkippingListedOnes() throws Exception {
    touch("rules/b.xml", "rules/a.xml", "rules/B.XML", "rules/notes.txt", "rules/x.xml");
    ManagerConfig config = load("<ossec_config><rules><include>x.xml</include>"
        + "<rule_dir>rules</rule_dir><include>last.xml</include></rules></ossec_config>");
    assertEquals(List.of("x.xml", "rules/B.XML", "rules/a.xml", "rules/b.xml", "last.xml"),
        configured(config.ruleFiles()));
    assertEquals(home.resolve("rules/a.xml"), config.ruleFiles().get(2).path());
  }

  @Test
  void aDirectoryPatternIsAnOssecRegex() throws Exception {
    touch("etc/decoders/aws_decoders.xml", "etc/decoders/other.xml", "etc/decoders/aws.txt");
    ManagerConfig config = load("<ossec_config><rules>"
        + "<decoder_dir PATTERN=\"^etc/decoders/aws\">etc/decoders</decoder_dir></rules></ossec_config>");
    assertEquals(List.of("etc/decoders/aws.txt", "etc/decoders/aws_decoders.xml"),
        configured(config.decoderFiles()));
    assertFalse(config.legacyDecoders());
  }

  @Test
  void aMissingDecoderDirLeavesTheLegacyDecoders() throws Exception {
    ManagerConfig config = load("<ossec_config><rules><decoder_dir>nowhere</decoder_dir>"
        + "<include>a.xml</include></rules></ossec_config>");
    assertTrue(config.legacyDecoders());
    assertEquals(List.of("etc/decoder.xml", "etc/local_decoder.xml"), configured(config.decoderFiles()));
  }

  @Test
  void directoryAttributesOtherThanPatternAndBadPatternsAreFatal() throws IOException {
    ConfigException other = failure("<ossec_config><rules><rule_dir match=\"x\">rules</rule_dir></rules></ossec_config>");
    assertEquals("ossec-testrule: ERROR: Invalid attribute 'match' for 'rule_dir': only 'pattern' is allowed.",
        other.ossecMessages().get(0));
    ConfigException bad = failure("<ossec_config><rules><rule_dir pattern=\"(x\">rules</rule_dir></rules></ossec_config>");
    assertTrue(bad.ossecMessages().get(0).startsWith("ossec-testrule: ERROR: Invalid pattern '(x' for 'rule_dir': "),
        bad.ossecMessages().get(0));
  }
}
