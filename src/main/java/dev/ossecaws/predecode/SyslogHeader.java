package dev.ossecaws.predecode;

import dev.ossecaws.event.Event;

/**
 * The {@code host program[pid]: } part after a syslog-family timestamp (spec/predecoding.md §5), a
 * cursor over the full log with OSSEC's quirks kept.
 */
final class SyslogHeader {
  private final String text;
  private int pos;

  SyslogHeader(String text, int start) {
    this.text = text;
    this.pos = start;
  }

  void read(Event event) {
    int start = pos;
    String token = hostRun();
    if (peek(0) == ':' && peek(1) == ' ') {
      // Solaris style: no host, the token is the program name.
      event.programName = token;
      pos += 2;
      event.log = withoutIdTag(text.substring(pos));
      return;
    }
    if (peek(0) != ' ') {
      event.log = text.substring(start);
      return;
    }
    event.hostname = token;
    pos++;
    readProgram(event);
  }

  /** spec/predecoding.md §5.1; {@code log} stays at q when the program name is not understood. */
  private void readProgram(Event event) {
    int q = pos;
    String run = hostRun();
    char d = peek(0);
    if (d == ':' && peek(1) == ' ') {
      event.programName = run;
      pos += 2;
    } else if (d == '[' && isDigit(peek(1))) {
      pos++;
      while (isDigit(peek(0))) pos++;
      if (peek(0) == ']' && peek(1) == ':' && peek(2) == ' ') {
        pos += 3;
      } else if (peek(0) == ']' && peek(1) == ' ') {
        pos += 2;
      } else {
        event.log = text.substring(q);
        return;
      }
      event.programName = run;
    } else if (d == '|' && isLower(peek(1))) {
      if (!readAixProgram(event, q)) return;
    } else {
      event.log = text.substring(q);
      return;
    }
    event.log = withoutIdTag(text.substring(pos));
  }

  /**
   * AIX: {@code facility|severity:x prog[pid]: msg}. Returns whether parsing ended normally; if not,
   * {@code log} has been set.
   */
  private boolean readAixProgram(Event event, int q) {
    pos += 2;
    while (isAlnum(peek(0))) pos++;
    if (peek(0) != ':') {
      event.log = text.substring(q);
      return false;
    }
    pos++;
    while (isAlnum(peek(0))) pos++;
    if (peek(0) != ' ') {
      event.log = text.substring(q);
      return false;
    }
    pos++;
    int programStart = pos;
    String program = hostRun();
    if (peek(0) == ':' && peek(1) == ' ') {
      event.programName = program;
      pos += 2;
      return true;
    }
    if (peek(0) == '[') {
      int bracket = pos;
      pos++;
      while (isDigit(peek(0))) pos++;
      event.programName = program;
      if (peek(0) == ']' && peek(1) == ':' && peek(2) == ' ') {
        pos += 3;
        return true;
      }
      // OSSEC ends the program name by overwriting the '[' in the buffer log points into.
      event.log = text.substring(q, bracket);
      return false;
    }
    // The program name is never cut here: it runs to the end of the line.
    event.programName = text.substring(programStart);
    return true;
  }

  /** Solaris' {@code [ID 123 auth.info] } tag goes when a later {@code "] "} closes it. */
  private static String withoutIdTag(String log) {
    if (!log.startsWith("[ID ")) return log;
    int close = log.indexOf("] ");
    return close < 0 ? log : log.substring(close + 2);
  }

  private String hostRun() {
    int start = pos;
    while (isHostChar(peek(0))) pos++;
    return text.substring(start, pos);
  }

  private char peek(int ahead) {
    int index = pos + ahead;
    return index < text.length() ? text.charAt(index) : '\0';
  }

  private static boolean isHostChar(char c) {
    return isAlnum(c) || c == '(' || c == ')' || c == '-' || c == '.' || c == '/' || c == '@'
        || c == '_';
  }

  private static boolean isAlnum(char c) {
    return isDigit(c) || isLower(c) || (c >= 'A' && c <= 'Z');
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
