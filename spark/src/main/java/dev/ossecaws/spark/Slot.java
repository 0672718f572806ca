package dev.ossecaws.spark;

import dev.ossecaws.replay.Partition;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a record stands in the replay: its {@link Partition} (one engine session each) and, within
 * it, replay's order: the file's rank in file order, then the record's index in the file.
 */
record Slot(String account, String region, long rank, long index) implements Serializable {
  /**
   * Sessions' records together, each session's in replay order; an absent account or region first.
   * Serializable, as Spark's sort needs.
   */
  static final class Order implements Comparator<Slot>, Serializable {
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

    @Override
    public int compare(Slot a, Slot b) {
      int c = TEXT.compare(a.account, b.account);
      if (c == 0) c = TEXT.compare(a.region, b.region);
      if (c == 0) c = Long.compare(a.rank, b.rank);
      return c != 0 ? c : Long.compare(a.index, b.index);
    }
  }

  /** The slot of a fault that cut a file short: after its records, in no session. */
  static Slot afterFile(long rank) {
    return new Slot(null, null, rank, Long.MAX_VALUE);
  }

  Partition partition() {
    return new Partition(account, region);
  }

  /** Spark's partition of the slot: all of one session's records land in the same one. */
  static final class Partitioner extends org.apache.spark.Partitioner {
    private final int partitions;

    Partitioner(int partitions) {
      if (partitions < 1) throw new IllegalArgumentException("partitions < 1: " + partitions);
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      Slot slot = (Slot) key;
      return Math.floorMod(Objects.hash(slot.account(), slot.region()), partitions);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Partitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return partitions;
    }
  }
}
