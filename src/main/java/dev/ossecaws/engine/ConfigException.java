package dev.ossecaws.engine;

import java.util.List;

/**
 * A manager configuration that cannot be loaded: the file and line at fault, and the error lines
 * OSSEC itself prints in that case (without their timestamp), for an exact ossec-logtest.
 */
public final class ConfigException extends Exception {
  private final String file;
  private final int line;
  private final List<String> ossecMessages;

  ConfigException(String file, int line, List<String> ossecMessages) {
    super(file + (line > 0 ? ":" + line : "") + ": " + ossecMessages.get(0));
    this.file = file;
    this.line = line;
    this.ossecMessages = List.copyOf(ossecMessages);
  }

  public String file() {
    return file;
  }

  /** 1-based; 0 when the fault is the file as a whole (a definition it lacks). */
  public int line() {
    return line;
  }

  /** OSSEC's error lines in the order it prints them, each without the date prefix. */
  public List<String> ossecMessages() {
    return ossecMessages;
  }
}
