package dev.ossecaws.cloudtrail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a file beside the state, so two runs (cron every five minutes and a slow
 * backfill) never interleave. The operating system drops it when the process dies, even by kill -9.
 */
final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or null when another run holds it. */
  static RunLock tryAcquire(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock != null) return new RunLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      // held by this very process: another run in the same JVM
    }
    channel.close();
    return null;
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
