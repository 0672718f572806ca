package dev.ossecaws.pattern;

/** A pattern OSSEC refuses to compile; {@link #code()} is OSSEC's OS_REGEX error code (spec/regex.md). */
public final class PatternException extends Exception {
  private final int code;

  public PatternException(int code, String message) {
    super(message);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
