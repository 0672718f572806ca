package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** How a record becomes a line of the output log. Both are ASCII only (see {@link RecordLine}). */
public enum LineFormat {
  /** The OSSEC line format, {@link RecordLine}: what the ruleset decodes. */
  OSSEC {
    @Override
    String line(ObjectNode record, int maxBytes) {
      return RecordLine.of(record, maxBytes);
    }
  },
  /** The record as compact JSON, unshortened, for other consumers. */
  JSON {
    @Override
    String line(ObjectNode record, int maxBytes) {
      return AsciiJson.value(record, AsciiJson.AS_GIVEN);
    }
  };

  abstract String line(ObjectNode record, int maxBytes);

  /**
   * Writes one line per record of the CloudTrail file {@code in} (gzipped or not) to {@code out},
   * each ended by a newline, and returns how many. Lines written before a {@link
   * CloudTrailFormatException} stay written: callers wanting all or nothing give a buffer.
   */
  public long copy(InputStream in, int maxBytes, OutputStream out) throws IOException {
    try (RecordReader reader = RecordReader.open(in)) {
      for (ObjectNode record = reader.next(); record != null; record = reader.next()) {
        out.write(line(record, maxBytes).getBytes(US_ASCII));
        out.write('\n');
      }
      return reader.recordsRead();
    }
  }
}
