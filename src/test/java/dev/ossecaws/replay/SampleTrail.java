package dev.ossecaws.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Every sample record written out as CloudTrail log files in an {@code AWSLogs/} tree: records in
 * their sample order, a new file whenever the account or region changes or a file holds seven, each
 * file five minutes after the one before (so file time order is sample order), gzipped and plain in
 * turn; a digest file and a stray text file beside them, which a replay must pass over.
 */
public final class SampleTrail {
  static final ZonedDateTime FIRST = ZonedDateTime.of(2026, 1, 15, 0, 0, 0, 0, ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

  /** The files written, in time order, and their records in order. */
  public final List<Path> files = new ArrayList<>();
  public final List<ObjectNode> records = new ArrayList<>();

  private SampleTrail() {}

  public static SampleTrail write(Path root) throws IOException {
    SampleTrail trail = new SampleTrail();
    List<ObjectNode> chunk = new ArrayList<>();
    for (ObjectNode record : SampleRecords.all()) {
      if (!chunk.isEmpty() && (chunk.size() == 7 || !Partition.keyOf(chunk.get(0)).equals(Partition.keyOf(record)))) {
        trail.writeFile(root, chunk);
        chunk.clear();
      }
      chunk.add(record);
    }
    trail.writeFile(root, chunk);
    Path digests = root.resolve("AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2026/01/15");
    Files.createDirectories(digests);
    Files.writeString(digests.resolve("123456789012_CloudTrail-Digest_us-east-1_trail_us-east-1_20260115T0000Z.json.gz"),
        "{\"awsAccountId\":\"123456789012\"}");
    Files.writeString(root.resolve("AWSLogs/README.txt"), "not a log file");
    return trail;
  }

  private void writeFile(Path root, List<ObjectNode> chunk) throws IOException {
    Partition partition = Partition.keyOf(chunk.get(0));
    ZonedDateTime time = FIRST.plusMinutes(5L * files.size());
    Path dir = root.resolve("AWSLogs/" + partition.account() + "/CloudTrail/" + partition.region() + "/" + time.format(DAY));
    Files.createDirectories(dir);
    boolean gzip = files.size() % 2 == 0;
    String name = partition.account() + "_CloudTrail_" + partition.region() + "_" + time.format(STAMP) + "_"
        + String.format("%016d", files.size()) + (gzip ? ".json.gz" : ".json");
    byte[] content = SampleRecords.logFile(chunk);
    Path file = dir.resolve(name);
    Files.write(file, gzip ? gzip(content) : content);
    files.add(file);
    records.addAll(chunk);
  }

  public static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }
}
