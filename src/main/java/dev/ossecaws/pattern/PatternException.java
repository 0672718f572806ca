package dev.ossecaws.pattern;

/** A pattern OSSEC refuses to compile; {@link #code()} is OSSEC's OS_REGEX error code (spec/regex.md). */
public final class PatternException extends Exception {
  /** OS_REGEX_MAXSIZE: a regex or match pattern longer than 2048 bytes. */
  public static final int TOO_LONG = 3;
  /** OS_REGEX_BADREGEX: the pattern does not translate or compile. */
  public static final int BAD_REGEX = 6;
  /** OS_REGEX_PATTERN_EMPTY: an empty pcre2 pattern. */
  public static final int EMPTY = 10;

  private final int code;

  public PatternException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** OSSEC's load-time text, without the {@code ossec-analysisd(1450): ERROR: } prefix. */
  static PatternException syntaxError(String source, int code, String reason) {
    PatternException e = new PatternException(code, "Syntax error on regex: '" + source + "': " + code + ".");
    if (reason != null) e.initCause(new IllegalArgumentException(reason));
    return e;
  }

  public int code() {
    return code;
  }
}
