package dev.ossecaws.differential;

/**
 * One input line of a generated session: a byte string (one char per byte, so invalid UTF-8 and
 * control bytes survive) read {@code secondsLater} seconds after the line before it.
 */
record Line(String text, int secondsLater) {
  Line {
    if (text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) throw new IllegalArgumentException("newline or NUL in " + text);
    if (secondsLater < 0) throw new IllegalArgumentException("secondsLater < 0: " + secondsLater);
  }

  @Override
  public String toString() {
    return (secondsLater == 0 ? "" : "+" + secondsLater + "s ") + text;
  }
}
