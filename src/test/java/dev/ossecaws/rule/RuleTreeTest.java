package dev.ossecaws.rule;

import static dev.ossecaws.rule.RuleFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleTreeTest {
  @TempDir Path folder;

  @Test
  void levelZeroRulesAreTriedBeforeHigherLevelSiblings() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"5\"><match>x</match><description>five</description></rule>"
        + "<rule id=\"101\" level=\"0\"><match>y</match><description>zero</description></rule>"
        + "<rule id=\"102\" level=\"7\"><match>x</match><description>seven</description></rule>"
        + "</group>");

    assertEquals(List.of("try 1", "matched 1", "children", "try 101", "try 102", "matched 102"),
        rules.trace(event("x", 1)));
  }

  @Test
  void levelNinetyNineIsLevelZeroAndAccuracyZeroKeepsTheLevel() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"99\"><match>a</match></rule>"
        + "<rule id=\"101\" level=\"0\" accuracy=\"0\"><match>b</match></rule>"
        + "<rule id=\"102\" level=\"3\" accuracy=\"0\"><match>c</match></rule>"
        + "</group>");

    assertEquals(0, rules.rules.rule(100).level());
    assertEquals(99, rules.rules.rule(101).level());
    assertEquals(3, rules.rules.rule(102).level());
    assertEquals(-100, rules.fire(event("a", 1)));
  }

  @Test
  void aRuleChecksTheLastCompiledRuleItNames() throws Exception {
    // The event has no url (is_simple_http_request is false) and no users (comp_srcuser_dstuser is true).
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>a</match>"
        + "<compiled_rule>is_simple_http_request</compiled_rule><compiled_rule>comp_srcuser_dstuser</compiled_rule></rule>"
        + "<rule id=\"101\" level=\"3\"><match>b</match>"
        + "<compiled_rule>comp_srcuser_dstuser</compiled_rule><compiled_rule>is_simple_http_request</compiled_rule></rule>"
        + "</group>");

    assertEquals(100, rules.fire(event("a", 1)));
    assertEquals(0, rules.fire(event("b", 1)));
  }

  @Test
  void firstMatchingChildWinsWithoutBacktracking() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>a</match></rule>"
        + "<rule id=\"101\" level=\"2\"><match>ab</match></rule>"
        + "<rule id=\"110\" level=\"4\"><if_sid>100</if_sid><match>zzz</match></rule>"
        + "</group>");

    assertEquals(100, rules.fire(event("ab", 1)));
  }

  @Test
  void noalertRuleWithoutMatchingChildLetsTheNextSiblingTry() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\" noalert=\"1\"><match>a</match></rule>"
        + "<rule id=\"101\" level=\"2\"><match>ab</match></rule>"
        + "<rule id=\"110\" level=\"4\"><if_sid>100</if_sid><match>zzz</match></rule>"
        + "</group>");

    assertEquals(101, rules.fire(event("ab", 1)));
  }

  @Test
  void ifSidWithTrailingCommaAlsoHangsUnderTheCategoryTemplate() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>parent</match></rule>"
        + "<rule id=\"110\" level=\"4\"><if_sid>100,</if_sid><match>child</match></rule>"
        + "</group>");

    assertEquals(110, rules.fire(event("child only", 1)));
  }

  @Test
  void ifGroupAttachesUnderEveryRuleWhoseGroupsContainTheText() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"test,\">"
        + "<rule id=\"100500\" level=\"3\"><match>a</match><group>grpA,</group></rule>"
        + "<rule id=\"100501\" level=\"3\"><match>b</match><group>grpA_extra,</group></rule>"
        + "<rule id=\"100502\" level=\"6\"><if_group>grpA</if_group><match>c</match></rule>"
        + "</group>");

    assertEquals(100502, rules.fire(event("b c", 1)));
    assertEquals(100502, rules.fire(event("a c", 1)));
  }

  @Test
  void ifLevelRulesHangUnderTheLevelZeroTemplate() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>a</match></rule>"
        + "<rule id=\"110\" level=\"9\"><if_level>5</if_level><match>lvl</match></rule>"
        + "</group>");

    assertEquals(110, rules.fire(event("lvl", 1)));
  }

  @Test
  void overwriteReplacesTheRuleAtItsPositionKeepingItsOrder() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>old</match><description>old</description></rule>"
        + "<rule id=\"101\" level=\"5\"><match>new</match></rule>"
        + "<rule id=\"100\" level=\"8\" overwrite=\"yes\"><match>new</match><description>new</description></rule>"
        + "</group>");

    assertEquals(101, rules.fire(event("new", 1)));
    assertEquals(8, rules.rules.rule(100).level());
    assertEquals("new", rules.rules.rule(100).description());
  }

  /** Found by the differential test: OSSEC placed 100012 before the overwritten 100003. */
  @Test
  void ruleAddedAfterAnOverwriteIsPlacedByTheOverwrittenLevel() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>a</match></rule>"
        + "<rule id=\"110\" level=\"6\"><if_sid>100</if_sid><match>b</match></rule>"
        + "<rule id=\"110\" level=\"4\" overwrite=\"yes\"><match>b</match></rule>"
        + "<rule id=\"111\" level=\"5\"><if_sid>100</if_sid><match>b</match></rule>"
        + "</group>");

    assertEquals(List.of("try 1", "matched 1", "children", "try 100", "matched 100", "children", "try 111",
        "matched 111"), rules.trace(event("ab", 1)));
  }

  /**
   * Found by the differential test, measured with OSSEC 4.3.0: an overwrite keeps the original's
   * pcre2 and program_name_pcre2; its hostname_pcre2 and user_pcre2 stay only if the new rule tests
   * user, hostname, status or extra_data itself (Condition.OverwriteGroup).
   */
  @Test
  void overwriteKeepsSomePcre2ConditionsAndLosesOthers() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>a</match><pcre2>nomatch</pcre2></rule>"
        + "<rule id=\"101\" level=\"3\"><match>b</match><hostname_pcre2>nomatch</hostname_pcre2></rule>"
        + "<rule id=\"102\" level=\"3\"><match>c</match><user_pcre2>nomatch</user_pcre2></rule>"
        + "<rule id=\"100\" level=\"4\" overwrite=\"yes\"><match>a</match></rule>"
        + "<rule id=\"101\" level=\"4\" overwrite=\"yes\"><match>b</match></rule>"
        + "<rule id=\"102\" level=\"4\" overwrite=\"yes\"><match>c</match></rule>"
        + "</group>");
    dev.ossecaws.event.Event withUser = event("c", 1);
    withUser.dstuser = "root";

    assertEquals(0, rules.fire(event("a", 1)));
    assertEquals(101, rules.fire(event("b", 1)));
    assertEquals(102, rules.fire(withUser));
  }

  /** Measured as above: a new rule testing the group brings the original's pcre2 back; its own are lost. */
  @Test
  void overwriteTestingTheSameGroupKeepsTheOriginalsPcre2AndLosesItsOwn() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"101\" level=\"3\"><match>b</match><user_pcre2>nomatch</user_pcre2></rule>"
        + "<rule id=\"102\" level=\"3\"><match>c</match><srcport_pcre2>nomatch</srcport_pcre2></rule>"
        + "<rule id=\"103\" level=\"3\"><match>d</match></rule>"
        + "<rule id=\"101\" level=\"4\" overwrite=\"yes\"><match>b</match><status>ok</status></rule>"
        + "<rule id=\"102\" level=\"4\" overwrite=\"yes\"><match>c</match><dstport_pcre2>.</dstport_pcre2></rule>"
        + "<rule id=\"103\" level=\"4\" overwrite=\"yes\"><match>d</match><user_pcre2>nomatch</user_pcre2></rule>"
        + "</group>");
    dev.ossecaws.event.Event withUserAndStatus = event("b", 1);
    withUserAndStatus.dstuser = "root";
    withUserAndStatus.status = "ok";
    dev.ossecaws.event.Event withPorts = event("c", 1);
    withPorts.srcport = "22";
    withPorts.dstport = "22";
    dev.ossecaws.event.Event withUser = event("d", 1);
    withUser.dstuser = "root";

    assertEquals(0, rules.fire(withUserAndStatus));
    assertEquals(0, rules.fire(withPorts));
    assertEquals(103, rules.fire(withUser));
  }

  /**
   * Measured as above (differential reproduction 7-13): a new maxsize above 0, time or weekday tests
   * that group too. The hostname_pcre2 that matches shows the new time and weekday themselves pass.
   */
  @Test
  void overwriteWithAMaxsizeTimeOrWeekdayKeepsTheOriginalsHostnamePcre2() throws Exception {
    String[][] cases = {
        {"101", "nomatch", "maxsize=\"1\"", ""},
        {"102", "nomatch", "maxsize=\"0\"", ""},
        {"103", "nomatch", "", "<time>0:00-23:59</time>"},
        {"104", "^host$", "", "<time>0:00-23:59</time>"},
        {"105", "nomatch", "", "<weekday>weekdays</weekday>"},
        {"106", "^host$", "", "<weekday>weekdays</weekday>"}};
    StringBuilder xml = new StringBuilder("<group name=\"t,\">");
    for (String[] c : cases) {
      xml.append("<rule id=\"").append(c[0]).append("\" level=\"3\"><match>m").append(c[0])
          .append("</match><hostname_pcre2>").append(c[1]).append("</hostname_pcre2></rule>");
    }
    for (String[] c : cases) {
      xml.append("<rule id=\"").append(c[0]).append("\" level=\"4\" overwrite=\"yes\" ").append(c[2])
          .append("><match>m").append(c[0]).append("</match>").append(c[3]).append("</rule>");
    }
    RuleFixture rules = RuleFixture.load(folder, xml.append("</group>").toString());

    assertEquals(0, rules.fire(event("m101", 1)));
    assertEquals(102, rules.fire(event("m102", 1)));
    assertEquals(0, rules.fire(event("m103", 1)));
    assertEquals(104, rules.fire(event("m104", 1)));
    assertEquals(0, rules.fire(event("m105", 1)));
    assertEquals(106, rules.fire(event("m106", 1)));
  }

  /**
   * Measured with the real binary (differential reproductions 13-19 and 13-14): entries and
   * events' values are read in inet_aton's forms, parts decimal, octal or hexadecimal.
   */
  @Test
  void addressesAreReadInEveryFormInetAtonTakes() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><srcip>0.0.0.8</srcip></rule>"
        + "<rule id=\"101\" level=\"3\"><srcip>010.0.0.1</srcip></rule>"
        + "<rule id=\"102\" level=\"3\"><srcip>1.2/16</srcip></rule>"
        + "<rule id=\"103\" level=\"3\"><srcip>!0x0a000001</srcip></rule>"
        + "</group>");

    assertEquals(100, rules.fire(withSrcip("8")));
    assertEquals(101, rules.fire(withSrcip("8.0.0.1")));
    assertEquals(102, rules.fire(withSrcip("1.0.250.3")));
    assertEquals(103, rules.fire(withSrcip("1.16777215")));
    assertEquals(0, rules.fire(withSrcip("10.1")), "10.0.0.1: 103 refuses it");
    for (String invalid : new String[] {"08", "0x", "1.2.3.256", "1.16777216", "0400.1.1.1", "1..2", "4294967296"}) {
      assertEquals(0, rules.fire(withSrcip(invalid)), invalid);
    }
  }

  @Test
  void srcipListsHonourCidrAndNegation() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><srcip>!10.0.0.0/8</srcip><description>outside</description></rule>"
        + "</group>");

    assertEquals(100, rules.fire(withSrcip("192.168.1.1")));
    assertEquals(0, rules.fire(withSrcip("10.2.3.4")));
    assertEquals(0, rules.fire(withSrcip("not-an-ip")));
    assertEquals(100, rules.fire(withSrcip("::ffff:11.0.0.1")));
  }

  @Test
  void descriptionsAndGroupsConcatenate() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"base,\">"
        + "<rule id=\"100\" level=\"3\"><match>gam</match><match>ma</match><description>a\nb\nc</description>"
        + "<group>x,</group><group>y,</group></rule>"
        + "</group>");

    assertEquals(0, rules.fire(event("gam", 1)));
    assertEquals(100, rules.fire(event("gamma", 1)));
    assertEquals("a b\nc", rules.rules.rule(100).description());
    assertEquals("base,x,y,", rules.rules.rule(100).groups());
  }

  private static dev.ossecaws.event.Event withSrcip(String srcip) {
    dev.ossecaws.event.Event event = event("x", 1);
    event.srcip = srcip;
    return event;
  }

  @Test
  void timeRangeAcrossMidnightExcludesItsBounds() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>x</match><time>6 pm - 8:30 am</time></rule></group>");

    assertEquals(100, rules.fire(at("2026-01-01T00:00:00Z")));
    assertEquals(0, rules.fire(at("2026-01-01T08:30:59Z")));
    assertEquals(100, rules.fire(at("2026-01-01T08:29:00Z")));
    assertEquals(0, rules.fire(at("2026-01-01T12:00:00Z")));
    assertEquals(0, rules.fire(at("2026-01-01T18:00:00Z")));
    assertEquals(100, rules.fire(at("2026-01-01T18:01:00Z")));
  }

  @Test
  void weekdayListAcceptsNamesAbbreviationsAndWeekends() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>x</match><weekday>weekends, Thu</weekday></rule></group>");

    assertEquals(100, rules.fire(at("2026-01-01T00:00:00Z")));
    assertEquals(0, rules.fire(at("2026-01-02T00:00:00Z")));
    assertEquals(100, rules.fire(at("2026-01-03T00:00:00Z")));
  }

  private static dev.ossecaws.event.Event at(String time) {
    dev.ossecaws.event.Event event = event("x", 1);
    event.time = java.time.ZonedDateTime.parse(time);
    return event;
  }
}
