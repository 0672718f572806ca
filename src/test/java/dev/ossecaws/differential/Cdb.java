package dev.ossecaws.differential;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes D. J. Bernstein's constant database, the {@code .cdb} ossec-logtest reads for a {@code
 * <list>} (spec/rules.md §8) where the evaluator reads the text file. What OSSEC's
 * {@code ossec-makelists} would write from a text list without comments: every {@code key:value}
 * line a record, in order, duplicates kept (a lookup finds the first).
 */
final class Cdb {
  private Cdb() {}

  /** The database of {@code text}'s {@code key:value} lines (split at the first colon). */
  static byte[] of(String text) {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) continue;
      keys.add(line.substring(0, colon).getBytes(ISO_8859_1));
      values.add(line.substring(colon + 1).getBytes(ISO_8859_1));
    }
    ByteArrayOutputStream records = new ByteArrayOutputStream();
    int[] hashes = new int[keys.size()];
    int[] positions = new int[keys.size()];
    int position = 2048;
    for (int i = 0; i < keys.size(); i++) {
      byte[] key = keys.get(i);
      byte[] value = values.get(i);
      hashes[i] = hash(key);
      positions[i] = position;
      records.writeBytes(le(key.length));
      records.writeBytes(le(value.length));
      records.writeBytes(key);
      records.writeBytes(value);
      position += 8 + key.length + value.length;
    }
    ByteBuffer header = ByteBuffer.allocate(2048).order(ByteOrder.LITTLE_ENDIAN);
    ByteArrayOutputStream tables = new ByteArrayOutputStream();
    for (int table = 0; table < 256; table++) {
      int count = 0;
      for (int hash : hashes) if ((hash & 0xff) == table) count++;
      int slots = 2 * count;
      int[][] slot = new int[slots][];
      for (int i = 0; i < keys.size(); i++) {
        if ((hashes[i] & 0xff) != table) continue;
        int at = Integer.remainderUnsigned(hashes[i] >>> 8, slots);
        while (slot[at] != null) at = (at + 1) % slots;
        slot[at] = new int[] {hashes[i], positions[i]};
      }
      header.putInt(position + tables.size()).putInt(slots);
      for (int[] entry : slot) {
        tables.writeBytes(le(entry == null ? 0 : entry[0]));
        tables.writeBytes(le(entry == null ? 0 : entry[1]));
      }
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(header.array());
    file.writeBytes(records.toByteArray());
    file.writeBytes(tables.toByteArray());
    return file.toByteArray();
  }

  private static int hash(byte[] key) {
    int h = 5381;
    for (byte b : key) h = ((h << 5) + h) ^ (b & 0xff);
    return h;
  }

  private static byte[] le(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }
}
