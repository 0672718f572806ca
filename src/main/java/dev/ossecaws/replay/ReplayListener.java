package dev.ossecaws.replay;

import dev.ossecaws.engine.Verdict;
import java.util.List;

/** What a replay tells, on one thread and in replay order whatever the threads evaluating. */
public interface ReplayListener {
  /** A file is about to be read. */
  default void fileStarted(TrailFile file) {}

  /** A record's verdicts, one per ruleset in the order the replay was given them. */
  void evaluated(ReplayRecord record, List<Verdict> verdicts);

  /** A record that is not CloudTrail ({@link ReplayRecord#problem()}), not evaluated. */
  void recordSkipped(ReplayRecord record, String why);

  /**
   * A file was read to its end ({@code fault} null), or up to a fault: it cannot be read, or is not
   * a CloudTrail log file from some point on, and its records after that point are lost.
   */
  void fileFinished(TrailFile file, String fault);

  /** Tells each of {@code listeners} everything, in their order. */
  static ReplayListener all(List<ReplayListener> listeners) {
    List<ReplayListener> each = List.copyOf(listeners);
    return new ReplayListener() {
      @Override
      public void fileStarted(TrailFile file) {
        each.forEach(l -> l.fileStarted(file));
      }

      @Override
      public void evaluated(ReplayRecord record, List<Verdict> verdicts) {
        each.forEach(l -> l.evaluated(record, verdicts));
      }

      @Override
      public void recordSkipped(ReplayRecord record, String why) {
        each.forEach(l -> l.recordSkipped(record, why));
      }

      @Override
      public void fileFinished(TrailFile file, String fault) {
        each.forEach(l -> l.fileFinished(file, fault));
      }
    };
  }
}
