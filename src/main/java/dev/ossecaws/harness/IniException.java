package dev.ossecaws.harness;

/** An {@code .ini} test file that cannot be read, with the file and line at fault. */
public final class IniException extends Exception {
  IniException(String file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
  }
}
