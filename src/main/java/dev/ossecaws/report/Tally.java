package dev.ossecaws.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Alerts per value of one field (principal, source address, ...), in bounded memory: exact while at
 * most {@code capacity} distinct values are seen, then the Space-Saving algorithm (Metwally et al.,
 * 2005), which keeps the {@code capacity} heaviest values and never misses one seen more often than
 * {@code alerts / capacity} times. A value that took an evicted one's place carries that count as
 * its possible overcount, which the page shows.
 */
final class Tally {
  private final int capacity;
  private final Map<String, Counter> counters = new HashMap<>();
  private final TreeSet<Counter> byCount = new TreeSet<>(
      Comparator.comparingLong((Counter c) -> c.count).thenComparingLong(c -> c.order));
  private long order;
  private long missing;
  private boolean evicted;

  Tally(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity < 1: " + capacity);
    this.capacity = capacity;
  }

  /** Counts one alert with {@code value}; null or empty counts as an alert without one. */
  void add(String value) {
    if (value == null || value.isEmpty()) {
      missing++;
      return;
    }
    Counter counter = counters.get(value);
    if (counter != null) {
      byCount.remove(counter);
      counter.count++;
      byCount.add(counter);
      return;
    }
    long overcount = 0;
    if (counters.size() == capacity) {
      Counter lightest = byCount.pollFirst();
      counters.remove(lightest.value);
      overcount = lightest.count;
      evicted = true;
    }
    Counter fresh = new Counter(value, overcount + 1, overcount, order++);
    counters.put(value, fresh);
    byCount.add(fresh);
  }

  /**
   * The {@code n} values with the most alerts for certain ({@code alerts - overcount}), most first;
   * ties: the higher possible count, then the value seen first.
   */
  List<Entry> top(int n) {
    return counters.values().stream()
        .sorted(Comparator.comparingLong((Counter c) -> c.overcount - c.count)
            .thenComparingLong(c -> -c.count).thenComparingLong(c -> c.order))
        .limit(n)
        .map(c -> new Entry(c.value, c.count, c.overcount))
        .toList();
  }

  /** Alerts that had no value for the field. */
  long missing() {
    return missing;
  }

  /** Distinct values kept: all there were, unless {@link #exact()} is false. */
  int distinct() {
    return counters.size();
  }

  /** Whether every count is exact (no value was ever evicted). */
  boolean exact() {
    return !evicted;
  }

  /**
   * A value's count: at most {@code alerts}, at least {@code alerts - overcount} ({@code overcount}
   * of it may belong to values evicted before it came).
   */
  record Entry(String value, long alerts, long overcount) {}

  private static final class Counter {
    final String value;
    final long overcount;
    final long order;
    long count;

    Counter(String value, long count, long overcount, long order) {
      this.value = value;
      this.count = count;
      this.overcount = overcount;
      this.order = order;
    }
  }
}
