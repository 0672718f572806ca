package dev.ossecaws.lock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a file beside the state, so two runs (cron every five minutes and a slow
 * backfill) never interleave. The operating system drops it when the process dies, even by kill -9.
 *
 * <p>A holder may delete the file when it is done (the installer leaves no trace on a manager it
 * did not change). Another run may have opened the file just before, and would then lock a file no
 * longer there while a third run locks a new one; so the holder, after deleting it, writes a mark
 * into it, and a run that gets a lock on a marked file starts over. A live lock file stays empty.
 *
 * <p>Never open the file by name while holding the lock: POSIX drops all of a process's locks on a
 * file as soon as any of its descriptors for that file is closed.
 */
public final class RunLock implements AutoCloseable {
  private static final byte[] DELETED = "deleted\n".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, creating the file and its directory if needed, or null when another run holds it. */
  public static RunLock tryAcquire(Path file) throws IOException {
    while (true) {
      Files.createDirectories(file.getParent());
      FileChannel channel;
      try {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      } catch (NoSuchFileException e) {
        continue; // the holder removed the directory between the two calls
      }
      FileLock lock = tryLock(channel, false);
      if (lock == null) return null;
      if (channel.size() == 0) return new RunLock(file, channel, lock);
      lock.release(); // a deleted file, marked by its last holder
      channel.close();
      if (Files.exists(file) && Files.size(file) != 0) {
        throw new IOException(file + " is not a lock file: it is not empty");
      }
    }
  }

  /**
   * A shared lock for a run that only reads: it excludes an exclusive holder, not other readers,
   * and needs no write access. Null when a run holds the lock exclusively; a lock on nothing when
   * the file does not exist, since no run holds it then.
   */
  public static RunLock tryAcquireShared(Path file) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return new RunLock(file, null, null);
    }
    FileLock lock = tryLock(channel, true);
    return lock == null ? null : new RunLock(file, channel, lock);
  }

  private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
    try {
      FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
      if (lock != null) return lock;
    } catch (OverlappingFileLockException e) {
      // held by this very process: another run in the same JVM
    }
    channel.close();
    return null;
  }

  /** Deletes the file and marks it, then releases the lock: a run that opened it meanwhile starts over. */
  public void deleteAndClose() throws IOException {
    try {
      if (channel != null) {
        Files.deleteIfExists(file);
        channel.write(ByteBuffer.wrap(DELETED), 0);
      }
    } finally {
      close();
    }
  }

  @Override
  public void close() throws IOException {
    if (channel == null) return;
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
