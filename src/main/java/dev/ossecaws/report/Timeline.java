package dev.ossecaws.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alerts over time per group, in buckets that grow (1 minute up to 52 weeks) whenever more than
 * {@code maxBuckets} are held, so a year of history takes as little memory as an hour. Each step
 * is a multiple of the one before, so merging buckets never splits one.
 */
final class Timeline {
  /** Bucket widths, each a multiple of the previous one. */
  static final List<Duration> STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1),
      Duration.ofDays(7), Duration.ofDays(28), Duration.ofDays(364));

  private final int maxBuckets;
  private int step;
  /** Bucket start (epoch milliseconds) to alerts per group. */
  private TreeMap<Long, Map<String, Long>> buckets = new TreeMap<>();

  Timeline(int maxBuckets) {
    if (maxBuckets < 2) throw new IllegalArgumentException("maxBuckets < 2: " + maxBuckets);
    this.maxBuckets = maxBuckets;
  }

  /** Counts one alert at {@code time} in each of its groups. */
  void add(Instant time, Collection<String> groups) {
    Map<String, Long> bucket = buckets.computeIfAbsent(start(time.toEpochMilli(), step), k -> new HashMap<>());
    for (String group : groups) bucket.merge(group, 1L, Long::sum);
    while (buckets.size() > maxBuckets && step < STEPS.size() - 1) buckets = rebucket(++step);
  }

  /**
   * The timeline in the narrowest held-or-wider step that spans first to last alert in at most
   * {@code maxBars} consecutive buckets (every bucket present, empty ones as zero).
   */
  Series series(int maxBars) {
    if (buckets.isEmpty()) return new Series(STEPS.get(step), List.of(), Map.of());
    int shown = step;
    while (shown < STEPS.size() - 1 && bars(shown) > maxBars) shown++;
    TreeMap<Long, Map<String, Long>> merged = shown == step ? buckets : rebucket(shown);
    long width = STEPS.get(shown).toMillis();
    List<Instant> starts = new ArrayList<>();
    for (long t = merged.firstKey(); t <= merged.lastKey(); t += width) starts.add(Instant.ofEpochMilli(t));
    Map<String, long[]> counts = new LinkedHashMap<>();
    merged.forEach((start, groups) -> groups.forEach((group, n) ->
        counts.computeIfAbsent(group, g -> new long[starts.size()])[(int) ((start - merged.firstKey()) / width)] += n));
    return new Series(STEPS.get(shown), starts, counts);
  }

  /** A step as the page names it: "15 minutes", "1 day", "4 weeks". */
  static String label(Duration width) {
    long minutes = width.toMinutes();
    if (minutes % (7 * 24 * 60) == 0) return plural(minutes / (7 * 24 * 60), "week");
    if (minutes % (24 * 60) == 0) return plural(minutes / (24 * 60), "day");
    if (minutes % 60 == 0) return plural(minutes / 60, "hour");
    return plural(minutes, "minute");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  private long bars(int candidate) {
    long width = STEPS.get(candidate).toMillis();
    return (start(buckets.lastKey(), candidate) - start(buckets.firstKey(), candidate)) / width + 1;
  }

  private TreeMap<Long, Map<String, Long>> rebucket(int toStep) {
    TreeMap<Long, Map<String, Long>> merged = new TreeMap<>();
    buckets.forEach((start, groups) -> {
      Map<String, Long> into = merged.computeIfAbsent(start(start, toStep), k -> new HashMap<>());
      groups.forEach((group, n) -> into.merge(group, n, Long::sum));
    });
    return merged;
  }

  private static long start(long epochMillis, int step) {
    return Math.floorDiv(epochMillis, STEPS.get(step).toMillis()) * STEPS.get(step).toMillis();
  }

  /** Consecutive buckets of {@code width} from {@code starts}, and each group's alerts in them. */
  record Series(Duration width, List<Instant> starts, Map<String, long[]> counts) {}
}
