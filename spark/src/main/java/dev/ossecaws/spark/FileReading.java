package dev.ossecaws.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.cloudtrail.CloudTrailFormatException;
import dev.ossecaws.cloudtrail.RecordReader;
import dev.ossecaws.replay.Partition;
import dev.ossecaws.replay.ReplayRecord;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * An executor's reading of one file, streamed through {@link RecordReader}: every record at its
 * {@link Slot}, a record that is not CloudTrail ({@link ReplayRecord#problem()}) as a problem at
 * its own, and a fault that cuts the file short as a problem after the records read before it
 * (which are kept, as replay keeps them).
 */
final class FileReading implements PairFlatMapFunction<InputFile, Slot, Item> {
  private final Broadcast<SerializableConfiguration> conf;

  FileReading(Broadcast<SerializableConfiguration> conf) {
    this.conf = conf;
  }

  @Override
  public Iterator<Tuple2<Slot, Item>> call(InputFile file) {
    List<Tuple2<Slot, Item>> read = new ArrayList<>();
    long index = 0;
    String fault = null;
    Path path = new Path(file.uri());
    try (InputStream in = path.getFileSystem(conf.value().value()).open(path); RecordReader reader = RecordReader.open(in)) {
      for (ObjectNode record; (record = reader.next()) != null; index++) {
        read.add(slotted(file, index, record));
      }
    } catch (CloudTrailFormatException e) {
      fault = "not a CloudTrail log file: " + e.getMessage();
    } catch (FileNotFoundException e) {
      fault = "cannot read: no such file";
    } catch (AccessDeniedException e) {
      fault = "cannot read: permission denied";
    } catch (IOException e) {
      fault = "cannot read: " + e.getMessage();
    }
    if (fault != null) {
      if (index > 0) fault += " (after record " + (index - 1) + "; the records before it were replayed)";
      read.add(new Tuple2<>(Slot.afterFile(file.rank()), Item.problem(new Item.Problem(true, file.name() + ": " + fault))));
    }
    return read.iterator();
  }

  private static Tuple2<Slot, Item> slotted(InputFile file, long index, ObjectNode record) {
    ReplayRecord replayed = new ReplayRecord(file.name(), index, record);
    Partition partition = Partition.keyOf(record);
    Slot slot = new Slot(partition.account(), partition.region(), file.rank(), index);
    String problem = replayed.problem();
    if (problem != null) return new Tuple2<>(slot, Item.problem(new Item.Problem(false, replayed + ": " + problem)));
    return new Tuple2<>(slot, Item.record(file.name(), RecordJson.write(record)));
  }
}
