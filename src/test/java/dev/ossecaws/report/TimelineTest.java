package dev.ossecaws.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final Instant T0 = Instant.parse("2026-01-15T03:14:05Z");

  @Test
  void bucketsAreConsecutiveWithEmptyOnesAsZero() {
    Timeline timeline = new Timeline(100);
    timeline.add(T0, List.of("a", "b"));
    timeline.add(T0.plusSeconds(180), List.of("a"));

    Timeline.Series series = timeline.series(10);
    assertEquals(Duration.ofMinutes(1), series.width());
    assertEquals(4, series.starts().size());
    assertEquals(Instant.parse("2026-01-15T03:14:00Z"), series.starts().get(0));
    assertArrayEquals(new long[] {1, 0, 0, 1}, series.counts().get("a"));
    assertArrayEquals(new long[] {1, 0, 0, 0}, series.counts().get("b"));
  }

  @Test
  void aLongSpanIsShownInWiderBarsWithNothingLost() {
    Timeline timeline = new Timeline(100);
    for (int day = 0; day < 30; day++) timeline.add(T0.plus(Duration.ofDays(day)), List.of("g"));

    Timeline.Series series = timeline.series(40);
    assertEquals(Duration.ofDays(1), series.width());
    assertEquals(30, series.starts().size());
    assertEquals(30, sum(series.counts().get("g")));
  }

  @Test
  void heldBucketsGrowWiderSoMemoryStaysBounded() {
    Timeline timeline = new Timeline(50);
    // A year of one alert a minute would be 525,600 buckets of a minute.
    for (int hour = 0; hour < 24 * 365; hour++) timeline.add(T0.plus(Duration.ofHours(hour)), List.of("g"));

    Timeline.Series series = timeline.series(1_000);
    assertEquals(Duration.ofDays(28), series.width());
    assertEquals(24 * 365, sum(series.counts().get("g")));
  }

  @Test
  void stepsAreNamedAsPeopleSayThem() {
    assertEquals("15 minutes", Timeline.label(Duration.ofMinutes(15)));
    assertEquals("1 day", Timeline.label(Duration.ofDays(1)));
    assertEquals("4 weeks", Timeline.label(Duration.ofDays(28)));
  }

  private static long sum(long[] counts) {
    long sum = 0;
    for (long n : counts) sum += n;
    return sum;
  }
}
