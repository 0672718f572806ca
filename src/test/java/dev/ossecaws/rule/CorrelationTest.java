package dev.ossecaws.rule;

import static dev.ossecaws.rule.RuleFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ossecaws.event.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelationTest {
  private static final String FAIL_RULE =
      "<rule id=\"100\" level=\"5\"><match>fail</match><description>failure</description></rule>";

  @TempDir Path folder;

  @Test
  void frequencyTwoFiresOnTheFourthEventOfABurstThenEveryFourth() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">" + FAIL_RULE
        + "<rule id=\"200\" level=\"10\" frequency=\"2\" timeframe=\"60\"><if_matched_sid>100</if_matched_sid>"
        + "<description>burst</description></rule></group>");

    List<Integer> fired = new ArrayList<>();
    for (int i = 1; i <= 12; i++) fired.add(rules.fire(event("fail " + i, 1000)));

    assertEquals(List.of(100, 100, 100, 200, 100, 100, 100, 200, 100, 100, 100, 200), fired);
  }

  @Test
  void ifMatchedSidWithoutFrequencyFiresOnTheSecondEvent() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">" + FAIL_RULE
        + "<rule id=\"200\" level=\"10\"><if_matched_sid>100</if_matched_sid><description>again</description>"
        + "</rule></group>");

    assertEquals(100, rules.fire(event("fail", 1)));
    assertEquals(200, rules.fire(event("fail", 1)));
  }

  @Test
  void correlationSamplesAreTheConsumedEventsNewestFirst() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">" + FAIL_RULE
        + "<rule id=\"200\" level=\"10\" frequency=\"2\"><if_matched_sid>100</if_matched_sid></rule></group>");

    for (int i = 1; i <= 3; i++) rules.fire(event("fail " + i, 1));
    Firing firing = rules.evaluate(event("fail 4", 1));

    assertEquals(200, firing.rule().id());
    assertEquals(List.of("fail 3", "fail 2", "fail 1"), firing.previousLogs());
  }

  @Test
  void sameSourceIpCountsOnlyEventsFromTheSameAddress() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">" + FAIL_RULE
        + "<rule id=\"200\" level=\"10\" frequency=\"1\"><if_matched_sid>100</if_matched_sid><same_source_ip />"
        + "</rule></group>");

    assertEquals(100, rules.fire(from("1.1.1.1")));
    assertEquals(100, rules.fire(from("2.2.2.2")));
    assertEquals(100, rules.fire(from("1.1.1.1")));
    assertEquals(100, rules.fire(from("2.2.2.2")));
    assertEquals(200, rules.fire(from("1.1.1.1")));
  }

  @Test
  void timeframeForgetsEventsOlderThanTheWindow() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">" + FAIL_RULE
        + "<rule id=\"200\" level=\"10\" frequency=\"1\" timeframe=\"10\"><if_matched_sid>100</if_matched_sid>"
        + "</rule></group>");

    assertEquals(100, rules.fire(event("fail", 100)));
    assertEquals(100, rules.fire(event("fail", 105)));
    assertEquals(100, rules.fire(event("fail", 116)));
    assertEquals(100, rules.fire(event("fail", 117)));
    assertEquals(200, rules.fire(event("fail", 118)));
  }

  @Test
  void ignoreSuppressesRepeatsAndTheWindowRestartsAfterTheNextAlert() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"5\" ignore=\"2\"><match>x</match></rule></group>");

    List<Integer> fired = new ArrayList<>();
    for (long second : new long[] {10, 10, 13, 13, 13}) fired.add(rules.fire(event("x", second)));

    assertEquals(List.of(100, -100, 100, 100, -100), fired);
  }

  @Test
  void ifMatchedGroupCountsEventsOfEveryRuleInTheGroup() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"5\"><match>a</match><group>auth_fail,</group></rule>"
        + "<rule id=\"101\" level=\"5\"><match>b</match><group>auth_fail,</group></rule>"
        + "<rule id=\"200\" level=\"10\" frequency=\"1\"><if_matched_group>auth_fail</if_matched_group></rule>"
        + "</group>");

    assertEquals(100, rules.fire(event("a", 1)));
    assertEquals(101, rules.fire(event("b", 1)));
    assertEquals(200, rules.fire(event("a b", 1)));
  }

  /**
   * Measured with the real binary (differential reproduction 13-48, then this shape): an
   * overwrite keeps the search it replaces, wired to its groups; the new if_matched_sid is not
   * searched (and no "No sid search" is said), the new frequency is.
   */
  @Test
  void overwriteKeepsTheGroupSearchItsRuleWasWiredTo() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"5\"><match>a</match><group>auth_fail,</group></rule>"
        + "<rule id=\"200\" level=\"10\" frequency=\"5\"><if_sid>100</if_sid><match>x</match>"
        + "<if_matched_group>auth_fail</if_matched_group></rule>"
        + "<rule id=\"300\" level=\"4\"><match>other</match></rule>"
        + "<rule id=\"200\" level=\"11\" overwrite=\"yes\" frequency=\"1\"><if_sid>100</if_sid><match>x</match>"
        + "<if_matched_sid>300</if_matched_sid></rule>"
        + "</group>");

    assertEquals(List.of(100, 100, 200), List.of(
        rules.fire(event("a", 1)), rules.fire(event("a", 1)), rules.fire(event("a x", 1))));
    assertEquals(List.of(), rules.messages);
  }

  @Test
  void ruleAtTwoPositionsFeedsAGroupListTwicePerEvent() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"10\" level=\"2\"><match>a</match></rule>"
        + "<rule id=\"11\" level=\"2\"><match>b</match></rule>"
        + "<rule id=\"100\" level=\"5\"><if_sid>10, 11</if_sid><match>x</match><group>grpA,</group></rule>"
        + "<rule id=\"200\" level=\"10\" frequency=\"2\"><if_matched_group>grpA</if_matched_group></rule>"
        + "</group>");

    assertEquals(List.of(100, 100, 200), List.of(
        rules.fire(event("a x", 1)), rules.fire(event("b x", 1)), rules.fire(event("a x", 1))));
  }

  @Test
  void ifMatchedSidOnALaterRuleFindsNoListAndSaysSo() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">" + FAIL_RULE
        + "<rule id=\"200\" level=\"10\"><if_sid>100</if_sid><if_matched_sid>300</if_matched_sid></rule>"
        + "<rule id=\"300\" level=\"4\"><match>other</match></rule></group>");

    assertEquals(100, rules.fire(event("fail", 1)));
    assertEquals(List.of("ossec-analysisd: ERROR: No sid search."), rules.messages);
  }

  @Test
  void ifMatchedRegexSearchesEveryAlertOfTheSameDecoderType() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"5\"><match>login</match></rule>"
        + "<rule id=\"101\" level=\"5\"><match>logout</match></rule>"
        + "<rule id=\"200\" level=\"10\"><match>logout</match><if_matched_regex>^login</if_matched_regex></rule>"
        + "</group>");

    assertEquals(101, rules.fire(event("logout", 1)));
    assertEquals(100, rules.fire(event("login bob", 1)));
    assertEquals(200, rules.fire(event("logout", 1)));
  }

  private static Event from(String srcip) {
    Event event = event("fail", 1);
    event.srcip = srcip;
    return event;
  }
}
