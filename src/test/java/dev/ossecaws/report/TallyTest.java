package dev.ossecaws.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {
  @Test
  void countsAreExactWhileTheValuesFit() {
    Tally tally = new Tally(3);
    for (String v : new String[] {"b", "a", "b", "c", null, "", "b", "a"}) tally.add(v);

    assertEquals(List.of(new Tally.Entry("b", 3, 0), new Tally.Entry("a", 2, 0), new Tally.Entry("c", 1, 0)), tally.top(5));
    assertEquals(2, tally.missing());
    assertTrue(tally.exact());
  }

  @Test
  void tiesKeepTheValueSeenFirst() {
    Tally tally = new Tally(10);
    tally.add("late");
    tally.add("early");
    tally.add("early");
    tally.add("late");

    assertEquals(List.of(new Tally.Entry("late", 2, 0)), tally.top(1));
  }

  @Test
  void aHeavyValueSurvivesAFloodOfDistinctOnesWithItsOvercountShown() {
    Tally tally = new Tally(100);
    // 10,000 one-off addresses, and one address in every 10th alert: 1,000 of 11,000 alerts.
    for (int i = 0; i < 10_000; i++) {
      tally.add("198.51.100." + i);
      if (i % 10 == 0) tally.add("203.0.113.7");
    }

    Tally.Entry heaviest = tally.top(1).get(0);
    assertEquals("203.0.113.7", heaviest.value());
    assertTrue(heaviest.alerts() >= 1_000 && heaviest.alerts() - heaviest.overcount() <= 1_000, heaviest.toString());
    assertFalse(tally.exact());
    assertEquals(100, tally.distinct());
  }
}
