package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** How a record becomes a line of the output log. Both are ASCII only (see {@link RecordLine}). */
public enum LineFormat {
  /** The OSSEC line format, {@link RecordLine}: what the ruleset decodes. */
  OSSEC {
    @Override
    public long copy(InputStream in, int maxBytes, OutputStream out) throws IOException {
      LineWriter line = new LineWriter(maxBytes);
      try (RecordReader reader = RecordReader.open(in)) {
        while (reader.next(line)) line.writeTo(out); // straight from the parser, no tree
        return reader.recordsRead();
      }
    }
  },
  /** The record as compact JSON, unshortened, for other consumers. */
  JSON {
    @Override
    public long copy(InputStream in, int maxBytes, OutputStream out) throws IOException {
      try (RecordReader reader = RecordReader.open(in)) {
        for (ObjectNode record = reader.next(); record != null; record = reader.next()) {
          // The line is ASCII: ISO-8859-1 gives the same bytes with a plain copy, US-ASCII checks each one.
          out.write(AsciiJson.value(record, AsciiJson.AS_GIVEN).getBytes(ISO_8859_1));
          out.write('\n');
        }
        return reader.recordsRead();
      }
    }
  };

  /**
   * Writes one line per record of the CloudTrail file {@code in} (gzipped or not) to {@code out},
   * each ended by a newline, and returns how many. Lines written before a {@link
   * CloudTrailFormatException} stay written: callers wanting all or nothing give a buffer.
   */
  public abstract long copy(InputStream in, int maxBytes, OutputStream out) throws IOException;
}
