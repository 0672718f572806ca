package dev.ossecaws.harness;

import java.nio.file.Path;

/** A sample case file that cannot be used: not JSON, or not a case. The message names the file. */
public final class CaseException extends Exception {
  private final Path file;
  private final String detail;

  public CaseException(Path file, String detail) {
    super(file + ": " + detail);
    this.file = file;
    this.detail = detail;
  }

  /** What is wrong, without the file's name. */
  public String detail() {
    return detail;
  }

  public Path file() {
    return file;
  }
}
