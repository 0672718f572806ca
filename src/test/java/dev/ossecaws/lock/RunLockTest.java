package dev.ossecaws.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
  @TempDir Path temp;

  @Test
  void aRunThatOpenedTheFileBeforeItsHolderDeletedItFindsItMarked() throws IOException {
    Path file = temp.resolve("state/run.lock");
    RunLock holder = RunLock.tryAcquire(file);
    assertNotNull(holder);
    try (FileChannel openedMeanwhile = FileChannel.open(file, StandardOpenOption.READ)) {
      holder.deleteAndClose();
      assertFalse(Files.exists(file));
      assertEquals(8, openedMeanwhile.size(), "the deleted file carries the mark");
    }
    try (RunLock next = RunLock.tryAcquire(file)) {
      assertNotNull(next);
      assertEquals(0, Files.size(file), "a live lock file is empty");
    }
  }

  @Test
  void aFileWithContentIsNotTakenForALockFile() throws IOException {
    Path file = Files.writeString(temp.resolve("state.json"), "{}\n");
    IOException e = assertThrows(IOException.class, () -> RunLock.tryAcquire(file));
    assertEquals(file + " is not a lock file: it is not empty", e.getMessage());
  }

  @Test
  void aReaderNeedsNoFileWhenNoRunEverTookTheLock() throws IOException {
    Path file = temp.resolve("run.lock");
    try (RunLock reading = RunLock.tryAcquireShared(file)) {
      assertNotNull(reading);
    }
    assertFalse(Files.exists(file), "a reader creates nothing");
  }
}
