package dev.ossecaws.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoadErrorTest {
  private static final String FAILED = "ossec-testrule(1220): ERROR: Error loading the rules: 'test_rules.xml'.";

  @TempDir Path folder;

  private RuleException loadFails(String rules) {
    return assertThrows(RuleException.class, () -> RuleFixture.load(folder, "<group name=\"t,\">" + rules + "</group>"));
  }

  @Test
  void unknownElementNamesTheElementAndRule() {
    RuleException e = loadFails("\n<rule id=\"100\" level=\"3\"><matchx>a</matchx></rule>");

    assertEquals(List.of("ossec-analysisd: Invalid option 'matchx' for rule '100'.", FAILED), e.ossecLines());
    assertTrue(e.getMessage().startsWith("test_rules.xml:3: rule 100: "), e.getMessage());
  }

  @Test
  void unknownVariableIsAnErrorApplyingVariablesWithoutALine() {
    RuleException e = assertThrows(RuleException.class, () -> RuleFixture.load(folder,
        "<var name=\"A\">x</var><group name=\"t,\"><rule id=\"100\" level=\"3\"><match>87.$161.59</match></rule></group>"));

    assertEquals(List.of("ossec-analysisd(1227): ERROR: Error applying XML variables 'rules/test_rules.xml': "
        + "XMLERR: Unknown variable: '161'..", FAILED), e.ossecLines());
  }

  @Test
  void caseSensitiveCorrelationElementIsUnknownInUpperCase() {
    RuleException e = loadFails("<rule id=\"100\" level=\"3\"><if_matched_sid>1</if_matched_sid><SAME_ID /></rule>");

    assertEquals("ossec-analysisd: Invalid option 'SAME_ID' for rule '100'.", e.ossecLines().get(0));
  }

  @Test
  void danglingIfSidExitsWithOssecsMessage() {
    RuleException e = loadFails("<rule id=\"100\" level=\"3\"><if_sid>99999</if_sid></rule>");

    assertEquals(List.of("rules_list: Signature ID '99999' not found. Invalid 'if_sid'."), e.ossecLines());
  }

  @Test
  void ifSidWithLettersIsNotASignatureId() {
    RuleException e = loadFails("<rule id=\"100\" level=\"3\"><if_sid>1, abc</if_sid></rule>");

    assertEquals(List.of("rules_list: Signature ID must be an integer. Exiting..."), e.ossecLines());
  }

  @Test
  void duplicateIdIsRefused() {
    RuleException e = loadFails("<rule id=\"100\" level=\"3\"><match>a</match></rule>"
        + "<rule id=\"100\" level=\"4\"><match>b</match></rule>");

    assertEquals(List.of("ossec-analysisd: Duplicate rule ID:100", FAILED), e.ossecLines());
  }

  /** Found by the differential test: like a duplicate id, the file fails to load, and OSSEC says so. */
  @Test
  void overwriteOfAMissingRuleFailsTheFile() {
    RuleException e = loadFails("<rule id=\"100\" level=\"3\" overwrite=\"yes\"><match>a</match></rule>");

    assertEquals(List.of("ossec-analysisd: Overwrite rule '100' not found.", FAILED), e.ossecLines());
  }

  @Test
  void netmaskNotationIsAnInvalidAddress() {
    RuleException e = loadFails("<rule id=\"100\" level=\"3\"><srcip>10.0.0.0/255.0.0.0</srcip></rule>");

    assertEquals(List.of("ossec-analysisd(1237): ERROR: Invalid ip address: '10.0.0.0/255.0.0.0'.", FAILED),
        e.ossecLines());
  }

  @Test
  void badTimeNamesTheElement() {
    RuleException e = loadFails("<rule id=\"100\" level=\"3\"><time>25 pm - 6 am</time></rule>");

    assertEquals("ossec-analysisd(1274): ERROR: Invalid configuration. Element 'time': 25 pm - 6 am.",
        e.ossecLines().get(1));
  }

  @Test
  void negatedWeekdayIsRefused() {
    RuleException e = loadFails("<rule id=\"100\" level=\"3\"><weekday>!monday</weekday></rule>");

    assertEquals("ossec-analysisd(1241): ERROR: Invalid day format: '!monday'.", e.ossecLines().get(0));
  }

  @Test
  void nonNumericIdIsAnInvalidAttribute() {
    RuleException e = loadFails("<rule id=\"1x\" level=\"3\"><match>a</match></rule>");

    assertEquals(List.of("rules_op: Invalid rule id: 1x. Must be integer",
        "ossec-analysisd: Invalid attribute for rule.", FAILED), e.ossecLines());
  }

  @Test
  void frequencyWithoutIfMatchedIsRefused() {
    RuleException e = loadFails("<rule id=\"100\" level=\"3\" frequency=\"4\"><match>a</match></rule>");

    assertEquals("ossec-analysisd: Invalid use of frequency/context options. Missing if_matched on rule '100'.",
        e.ossecLines().get(0));
  }

  @Test
  void unknownDecoderNameInDecodedAs() {
    RuleException e = loadFails("<rule id=\"100\" level=\"3\"><decoded_as>sshd </decoded_as></rule>");

    assertEquals("ossec-analysisd: Invalid decoder name: 'sshd '.", e.ossecLines().get(0));
  }

  @Test
  void oversizedOptionIsDroppedWithAMessage() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\"><rule id=\"100\" level=\"3\">"
        + "<match>" + "m".repeat(2048) + "</match><description>d</description></rule></group>");

    assertEquals(List.of("ossec-analysisd(1104): ERROR: Maximum string size reached for: match."), rules.messages);
    assertEquals(100, rules.fire(RuleFixture.event("anything", 1)));
  }

  @Test
  void ifLevelZeroIsReportedAndTheRuleIsPlacedNowhere() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\"><rule id=\"100\" level=\"3\">"
        + "<if_level>0</if_level><match>x</match></rule></group>");

    assertEquals(List.of("ossec-analysisd: Invalid level (atoi)"), rules.messages);
    assertEquals(0, rules.fire(RuleFixture.event("x", 1)));
  }

  @Test
  void unknownInfoTypeIsRefusedWhereOssecWouldHang() {
    RuleException e = loadFails("<rule id=\"100\" level=\"3\"><match>a</match><info type=\"bugtrack\">1</info></rule>");

    assertTrue(e.ossecLines().get(0).startsWith("ossec-analysisd: Invalid info type 'bugtrack' for rule '100'"),
        e.getMessage());
  }
}
