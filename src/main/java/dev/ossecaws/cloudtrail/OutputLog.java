package dev.ossecaws.cloudtrail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** The log the OSSEC agent reads: appended to at a known offset, fsynced, cut back after a crash. */
final class OutputLog implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;

  private OutputLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  static OutputLog open(Path file) throws IOException {
    try {
      return new OutputLog(file, FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new IOException("cannot open the log " + file + ": " + e.getMessage(), e);
    }
  }

  long size() throws IOException {
    return channel.size();
  }

  /** Writes {@code bytes[from..]} at {@code position} and makes them durable. */
  void writeDurably(long position, byte[] bytes, int from) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, from, bytes.length - from);
    long at = position;
    while (buffer.hasRemaining()) at += channel.write(buffer, at);
    channel.force(true);
  }

  /** Whether the log holds {@code expected[0..length)} at {@code position}. */
  boolean holds(long position, byte[] expected, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) return false;
      at += read;
    }
    return Arrays.equals(buffer.array(), 0, length, expected, 0, length);
  }

  void truncateDurably(long length) throws IOException {
    channel.truncate(length);
    channel.force(true);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
