package dev.ossecaws.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code limit} highest-level alerts, earliest first among equal levels: a heap whose head is
 * the one to give up next (lowest level, then latest).
 */
final class TopAlerts {
  private static final Comparator<Kept> WEAKEST_FIRST =
      Comparator.comparingInt(Kept::level).thenComparing(Comparator.comparingLong(Kept::order).reversed());

  private final int limit;
  private final PriorityQueue<Kept> heap = new PriorityQueue<>(WEAKEST_FIRST);

  TopAlerts(int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit < 1: " + limit);
    this.limit = limit;
  }

  /** Whether an alert of {@code level} would be kept now; saves building one that would not. */
  boolean wouldKeep(int level) {
    return heap.size() < limit || level > heap.peek().level();
  }

  void add(Kept alert) {
    if (!wouldKeep(alert.level())) return;
    if (heap.size() == limit) heap.poll();
    heap.add(alert);
  }

  int limit() {
    return limit;
  }

  /** Highest level first, then in replay order. */
  List<Kept> sorted() {
    List<Kept> sorted = new ArrayList<>(heap);
    sorted.sort(WEAKEST_FIRST.reversed());
    return sorted;
  }

  /** What the page shows of one alert; {@code order} is its place in the replay. */
  record Kept(long order, int level, int ruleId, String description, String eventTime,
              String principal, String srcip, String account, String region, String eventId,
              String sourcePath, long sourceRecord, String fullLog) {}
}
