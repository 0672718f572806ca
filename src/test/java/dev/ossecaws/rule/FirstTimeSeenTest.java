package dev.ossecaws.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ossecaws.SharedData;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.harness.EngineReplay;
import dev.ossecaws.harness.Replay;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code <if_fts/>} with OSSEC 4.3.0's IDS rules, as the real binary answers (../shared/oracle):
 * a key known whole is seen, and unknown IDS keys join the recent list as stored, cut or not.
 */
class FirstTimeSeenTest {
  private static Replay ossec;

  @BeforeAll
  static void loadOssec() throws Exception {
    ossec = EngineReplay.load(ManagerConfig.load(SharedData.ossecHome()));
  }

  private static String signature(String source, String destination) {
    return "Sep  1 10:25:29 10.10.10.1 %IPS-4-SIGNATURE: Sig:3051 Subsig:1 Sev:4 TCP Connection Window Size DoS ["
        + source + ":60797 -> " + destination + ":80]";
  }

  private static List<Integer> rules(List<String> lines) {
    Replay.Session session = ossec.newSession();
    List<Integer> rules = new ArrayList<>();
    for (String line : lines) rules.add(session.process(line).rule());
    return rules;
  }

  @Test
  void aKeyKnownWholeIsSeenEvenWhenSimilarKeysWouldCutIt() {
    List<String> lines = List.of(signature("1.1.1.1", "2.2.2.2"), signature("3.3.3.3", "4.4.4.4"),
        signature("5.5.5.5", "6.6.6.6"), signature("5.5.5.5", "6.6.6.6"));

    assertEquals(List.of(20100, 20100, 20100, 20101), rules(lines));
  }

  @Test
  void cutKeysFillTheRecentListUntilTheFullOnesScrollOut() {
    List<String> lines = IntStream.rangeClosed(1, 36).mapToObj(i -> signature("10.0.0." + i, "10.1.0." + i)).toList();

    List<Integer> rules = rules(lines);

    assertEquals(List.of(20100, 20100, 20100, 20100), rules.subList(0, 4), "the fourth key is cut to 14 bytes, new");
    assertEquals(List.of(20152, 20152), List.of(rules.get(13), rules.get(23)));
    assertEquals(List.of(20100, 20100, 20100), rules.subList(33, 36), "two full keys left among the last 32");
  }
}
