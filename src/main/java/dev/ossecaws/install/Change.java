package dev.ossecaws.install;

import java.nio.file.Path;

/**
 * One file the installer will write or delete, relative to the manager home.
 *
 * @param content the new bytes, or null to delete the file
 * @param model the file whose owner and mode the written file takes (null: the defaults)
 */
record Change(String path, byte[] content, Path model) {
  static Change delete(String path) {
    return new Change(path, null, null);
  }

  boolean deletes() {
    return content == null;
  }
}
