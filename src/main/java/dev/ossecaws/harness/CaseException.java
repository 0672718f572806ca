package dev.ossecaws.harness;

import java.nio.file.Path;

/** A sample case file that cannot be used: not JSON, or not a case. The message names the file. */
public final class CaseException extends Exception {
  private final Path file;

  public CaseException(Path file, String detail) {
    super(file + ": " + detail);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
