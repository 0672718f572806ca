package dev.ossecaws.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.Verdict;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * One engine session over one partition's records, in the order given: each record is flattened
 * as {@code cloudtrail flatten} writes it ({@link RecordLine}) and evaluated at its eventTime
 * ({@link EventTimeClock}). The loaded engine is shared; the session's state is this object's, so
 * one instance per partition and thread.
 */
public final class PartitionReplay {
  private final Engine session;
  private final int maxLineBytes;

  /**
   * A new session of {@code loaded}'s configuration, lines of at most {@code maxLineBytes} bytes
   * ({@link RecordLine#DEFAULT_MAX_BYTES}, as OSSEC's agent reads them, unless the trail is fetched
   * with another limit).
   */
  public PartitionReplay(Engine loaded, int maxLineBytes) {
    this.session = Objects.requireNonNull(loaded, "loaded == null").newSession(new EventTimeClock());
    if (maxLineBytes < RecordLine.MIN_MAX_BYTES) {
      throw new IllegalArgumentException("maxLineBytes < " + RecordLine.MIN_MAX_BYTES + ": " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
  }

  /** The verdict of the next record of the partition. */
  public Verdict evaluate(ReplayRecord record) {
    return session.process(RecordLine.of(record.record(), maxLineBytes));
  }

  /**
   * The alert lines ({@link AlertLine}) of {@code records}, one partition's in order, through a
   * new session of {@code loaded}, read lazily: what a Spark job maps each partition with.
   */
  public static Iterator<ObjectNode> alertLines(Engine loaded, int maxLineBytes, Iterator<ReplayRecord> records) {
    PartitionReplay replay = new PartitionReplay(loaded, maxLineBytes);
    return new Iterator<>() {
      private ObjectNode next;

      @Override
      public boolean hasNext() {
        while (next == null && records.hasNext()) {
          ReplayRecord record = records.next();
          Verdict verdict = replay.evaluate(record);
          if (AlertLine.isAlert(verdict)) next = AlertLine.of(verdict, record);
        }
        return next != null;
      }

      @Override
      public ObjectNode next() {
        if (!hasNext()) throw new NoSuchElementException();
        ObjectNode line = next;
        next = null;
        return line;
      }
    };
  }
}
