package dev.ossecaws.install;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;

/**
 * Writes that a crash or a failure cannot leave half done: the bytes go to a temporary file in the
 * same directory (synced, given the owner and mode of a model file), which is then renamed over
 * the target in one step.
 */
final class AtomicFiles {
  static final String TEMP_SUFFIX = ".ossec-aws-tmp";

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code bytes}. Ownership and mode come from {@code model} (the
   * file itself, a sibling, or a backup copy; null keeps the defaults); when the owner cannot be
   * set (not root), a warning is added and the write goes on.
   */
  static void write(Path target, byte[] bytes, Path model, Checkpoints checkpoints, String step,
      List<String> warnings) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
    Files.deleteIfExists(temp);
    try {
      try (FileChannel channel = FileChannel.open(temp, CREATE_NEW, WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) channel.write(buffer);
        channel.force(true);
      }
      if (model != null && Files.exists(model)) copyOwnerAndMode(model, temp, target, warnings);
      checkpoints.reach("rename " + step);
      Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void copyOwnerAndMode(Path model, Path file, Path target, List<String> warnings)
      throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) return;
    PosixFileAttributes wanted = Files.readAttributes(model, PosixFileAttributes.class);
    PosixFileAttributes actual = view.readAttributes();
    try {
      if (!actual.owner().equals(wanted.owner())) view.setOwner(wanted.owner());
      if (!actual.group().equals(wanted.group())) view.setGroup(wanted.group());
    } catch (FileSystemException e) {
      warnings.add("could not give " + target + " the owner " + wanted.owner().getName() + ":"
          + wanted.group().getName() + " (" + e.getReason() + "); it is owned by "
          + actual.owner().getName() + ":" + actual.group().getName());
    }
    view.setPermissions(wanted.permissions());
  }
}
