package dev.ossecaws.rule;

import static dev.ossecaws.rule.RuleFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an event's eviction from the global list (8192 events, spec/rules.md §7.3) does to the
 * if_matched_sid and if_matched_group lists, as the real OSSEC 4.3.0 ossec-logtest shows: the
 * numbers in the comments are its own, measured with the same rules and lines (header-less lines
 * at one frozen second, so each overflow evicts exactly 10 events).
 */
class GlobalEvictionTest {
  /** 100 is an if_matched_sid target (of 300) and feeds 200's group list; 101 feeds it too. */
  private static final String TARGET_AND_GROUP = "<group name=\"t,\">"
      + "<rule id=\"100\" level=\"3\"><match>fail</match><group>grpA,</group></rule>"
      + "<rule id=\"101\" level=\"3\"><match>bad</match><group>grpA,</group></rule>"
      + "<rule id=\"102\" level=\"3\"><match>other</match></rule>"
      + "<rule id=\"200\" level=\"10\" frequency=\"0\" timeframe=\"99999\"><match>probe</match>"
      + "<if_matched_group>grpA</if_matched_group></rule>"
      + "<rule id=\"300\" level=\"10\"><match>never</match><if_matched_sid>100</if_matched_sid></rule>"
      + "</group>";

  /**
   * Two group searches tried in this order on a "probe" line of the group: the first needs more
   * events than the second, so the second firing tells the list's size exactly.
   */
  private static final String PROBES =
      "<rule id=\"201\" level=\"10\" frequency=\"%d\" timeframe=\"99999\"><match>probe</match>"
      + "<if_matched_group>grpA</if_matched_group></rule>"
      + "<rule id=\"200\" level=\"10\" frequency=\"%d\" timeframe=\"99999\"><match>probe</match>"
      + "<if_matched_group>grpA</if_matched_group></rule>";

  @TempDir Path folder;
  private int events;

  @Test
  void anIfMatchedSidListForgetsTheEventsTheGlobalListEvicts() throws Exception {
    // OSSEC: 40 fails, 8000 others, fails: 200 fires on the 12th new fail (event 8052), the old
    // 40 still count; with 9000 others they were evicted, and it fires on the 52nd (event 9092).
    assertEvictedEventsStopCounting("", "<if_matched_sid>100</if_matched_sid>");
  }

  @Test
  void aGroupListForgetsTheEventsTheGlobalListEvicts() throws Exception {
    // OSSEC: the same events 8052 and 9092.
    assertEvictedEventsStopCounting("<group>grpA,</group>", "<if_matched_group>grpA</if_matched_group>");
  }

  private void assertEvictedEventsStopCounting(String group, String search) throws Exception {
    String rules = "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>fail</match>" + group + "</rule>"
        + "<rule id=\"101\" level=\"3\"><match>other</match></rule>"
        + "<rule id=\"200\" level=\"10\" frequency=\"50\" timeframe=\"99999\">" + search + "</rule></group>";
    assertEquals(12, burstUntil(200, RuleFixture.load(folder, rules), 40, 8000));
    assertEquals(52, burstUntil(200, RuleFixture.load(folder, rules), 40, 9000));
  }

  @Test
  void anEventDroppedFromItsSidListTakesTheOldestGroupEntryWhenEvicted() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, TARGET_AND_GROUP);
    // 200 fails: the oldest 72 fall out of 100's list of 128. Their evictions take the 30 bad
    // entries of 200's list, silently, then find it empty. OSSEC: 10 'No Oldest node to delete'
    // after events 8223, 8233, 8243 and 8253, 2 after 8263, none before; the probe finds nothing.
    List<String> trail = feed(rules, "fail", 200, "bad", 30, "other", 8153);
    assertEquals(List.of("8223 x10", "8233 x10", "8243 x10", "8253 x10", "8263 x2"), trail);
    assertEquals(101, rules.fire(event("bad probe", 0)));
  }

  @Test
  void anEventWhoseGroupEntryWasTakenTakesTheNextOneWhenEvicted() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, TARGET_AND_GROUP);
    // The 72 dropped fails take bad 1-72; evicted, bad 1-8 take bad 73-80 and the 72 others
    // find the list empty. OSSEC: 2 messages after event 8393, then 10 after each of
    // 8403 ... 8463, 72 in all.
    List<String> trail = feed(rules, "fail", 200, "bad", 80, "other", 9000);
    assertEquals(List.of("8393 x2", "8403 x10", "8413 x10", "8423 x10", "8433 x10", "8443 x10",
        "8453 x10", "8463 x10"), trail);
  }

  @Test
  void aDroppedEventTakesOneEntryPerPositionOfItsRule() throws Exception {
    // 100 sits under 10 and 11, so it feeds 200's list twice.
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"10\" level=\"2\"><match>xa</match></rule>"
        + "<rule id=\"11\" level=\"2\"><match>xb</match></rule>"
        + "<rule id=\"100\" level=\"3\"><if_sid>10, 11</if_sid><match>fail</match><group>grpA,</group></rule>"
        + "<rule id=\"101\" level=\"3\"><match>bad</match><group>grpA,</group></rule>"
        + "<rule id=\"102\" level=\"3\"><match>other</match></rule>"
        + "<rule id=\"300\" level=\"10\"><match>never</match><if_matched_sid>100</if_matched_sid></rule>"
        + PROBES.formatted(20, 19) + "</group>");
    // 200 fails (72 dropped), 60 bads, 7943 others: 20 dropped fails are evicted and take 40 of
    // the 60 bad entries. OSSEC (probes F = 59, 49, 40, 39, 30, 20, 19, 0): only F=19 fires.
    feed(rules, "xa fail", 200, "bad", 60, "other", 7943);
    assertEquals(200, rules.fire(event("bad probe", 0)));
  }

  @Test
  void anEventFedTwiceLeavesTheGroupListTwice() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"10\" level=\"2\"><match>xa</match></rule>"
        + "<rule id=\"11\" level=\"2\"><match>xb</match></rule>"
        + "<rule id=\"101\" level=\"3\"><if_sid>10, 11</if_sid><match>bad</match><group>grpA,</group></rule>"
        + "<rule id=\"102\" level=\"3\"><match>other</match></rule>"
        + PROBES.formatted(40, 39) + "</group>");
    // 30 bads (60 entries), 8170 others: the first overflow evicts bad 1-10 and their 20 entries.
    // OSSEC (probes F = 70 ... 0): F=39 fires, F=40 does not; without the others F=59 fires.
    feed(rules, "xa bad", 30, "other", 8170);
    assertEquals(200, rules.fire(event("xa bad probe", 0)));
    assertEquals(List.of(), rules.trailingMessages);
  }

  @Test
  void aGroupSearchLeavesEntriesPastItsTimeframeInTheList() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>fail</match><group>grpA,</group></rule>"
        + "<rule id=\"101\" level=\"3\"><match>bad</match><group>grpA,</group></rule>"
        + "<rule id=\"102\" level=\"3\"><match>other</match></rule>"
        + "<rule id=\"300\" level=\"10\"><match>never</match><if_matched_sid>100</if_matched_sid></rule>"
        + "<rule id=\"301\" level=\"10\" frequency=\"9999\"><match>never</match><if_matched_sid>100</if_matched_sid></rule>"
        + PROBES.replace("99999", "10").formatted(21, 20) + "</group>");
    // 12 fails and 30 bads; 100 s later a probe searches (none recent: no match, it joins as a bad),
    // 128 fails drop the first 12 from 100's list, 20 bads, 8002 others. The first overflow
    // evicts fail 1-10, which take bad 1-10, past the timeframe: the 21 recent entries stay.
    // OSSEC (separate runs, a clock moved between lines): F=20 fires on the last probe, F=21 not.
    feedAt(rules, 0, "fail", 12, "bad", 30);
    assertEquals(101, rules.fire(event("bad probe", 100)));
    feedAt(rules, 100, "fail", 128, "bad", 20, "other", 8002);
    assertEquals(200, rules.fire(event("bad probe2", 100)));
  }

  @Test
  void anIfMatchedSidSearchLeavesEventsPastItsTimeframeInTheList() throws Exception {
    RuleFixture rules = RuleFixture.load(folder, "<group name=\"t,\">"
        + "<rule id=\"100\" level=\"3\"><match>fail</match><group>grpA,</group></rule>"
        + "<rule id=\"102\" level=\"3\"><match>other</match></rule>"
        + "<rule id=\"300\" level=\"10\" frequency=\"1000\" timeframe=\"10\"><if_matched_sid>100</if_matched_sid></rule>"
        + "<rule id=\"200\" level=\"10\" frequency=\"0\" timeframe=\"99999\"><match>probe</match>"
        + "<if_matched_group>grpA</if_matched_group></rule></group>");
    // 50 fails; 100 s later one more (300 searches, all past its timeframe), then 8200 others:
    // the 50 are evicted from 100's list, not dropped earlier. OSSEC: no message at all.
    feedAt(rules, 0, "fail", 50);
    feedAt(rules, 100, "fail", 1, "other", 8200);
    assertEquals(List.of(), rules.trailingMessages);
  }

  /**
   * {@code fails} fails, {@code others} others, then fails until {@code rule} fires: which of
   * those fails fired it (0 if none of 300 did).
   */
  private int burstUntil(int rule, RuleFixture rules, int fails, int others) {
    feed(rules, "fail", fails, "other", others);
    for (int i = 1; i <= 300; i++) {
      if (rules.fire(event("fail b" + i, 0)) == rule) return i;
    }
    return 0;
  }

  /** Events at second 0 made of a word and a count, in turn; which events printed messages after. */
  private List<String> feed(RuleFixture rules, Object... wordsAndCounts) {
    return feedAt(rules, 0, wordsAndCounts);
  }

  /** As {@link #feed(RuleFixture, Object...)}, at {@code second}; events are numbered per test. */
  private List<String> feedAt(RuleFixture rules, long second, Object... wordsAndCounts) {
    List<String> trail = new ArrayList<>();
    for (int w = 0; w < wordsAndCounts.length; w += 2) {
      for (int i = 1; i <= (Integer) wordsAndCounts[w + 1]; i++) {
        int before = rules.trailingMessages.size();
        rules.fire(event(wordsAndCounts[w] + " " + i, second));
        events++;
        int printed = rules.trailingMessages.size() - before;
        if (printed > 0) trail.add(events + " x" + printed);
      }
    }
    assertEquals(Collections.nCopies(rules.trailingMessages.size(), "ossec-testrule: No Oldest node to delete"),
        rules.trailingMessages);
    return trail;
  }
}
