package dev.ossecaws.spark;

import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.replay.AlertLine;
import dev.ossecaws.replay.Partition;
import dev.ossecaws.replay.PartitionReplay;
import dev.ossecaws.replay.ReplayRecord;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * One Spark partition's records, sorted by {@link Slot.Order}, through the engine: a new {@link
 * PartitionReplay} session whenever the replay partition (account, region) changes, so each gets
 * its own session and sees its records in replay's order. Alerts come out lazily, then the task's
 * count of records; problems are passed on where they stand.
 */
final class PartitionSessions implements FlatMapFunction<Iterator<Tuple2<Slot, Item>>, Outcome> {
  private final Broadcast<RulesetFiles> ruleset;
  private final int maxLineBytes;

  PartitionSessions(Broadcast<RulesetFiles> ruleset, int maxLineBytes) {
    this.ruleset = ruleset;
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public Iterator<Outcome> call(Iterator<Tuple2<Slot, Item>> sorted) throws Exception {
    Engine engine = ruleset.value().engine();
    return new Iterator<>() {
      private Partition partition;
      private PartitionReplay session;
      private long records;
      private boolean counted;
      private Outcome next;

      @Override
      public boolean hasNext() {
        while (next == null && sorted.hasNext()) next = evaluate(sorted.next());
        if (next == null && !counted) {
          counted = true;
          next = Outcome.evaluated(records);
        }
        return next != null;
      }

      @Override
      public Outcome next() {
        if (!hasNext()) throw new NoSuchElementException();
        Outcome outcome = next;
        next = null;
        return outcome;
      }

      /** The alert or problem at this slot, or null. */
      private Outcome evaluate(Tuple2<Slot, Item> slotted) {
        Slot slot = slotted._1();
        Item item = slotted._2();
        if (item.problem() != null) return Outcome.problem(item.problem());
        if (session == null || !slot.partition().equals(partition)) {
          partition = slot.partition();
          session = new PartitionReplay(engine, maxLineBytes);
        }
        ReplayRecord record = new ReplayRecord(item.source(), slot.index(), RecordJson.read(item.json()));
        Verdict verdict = session.evaluate(record);
        records++;
        return AlertLine.isAlert(verdict) ? Outcome.alert(AlertLine.of(verdict, record)) : null;
      }
    };
  }
}
