package dev.ossecaws.pattern;

/**
 * OSSEC's word match (spec/regex.md §4), used only for {@code <if_group>}: {@code |}-separated
 * substrings or {@code ^}-prefixes, ASCII case-insensitive, no other special characters.
 */
final class WordMatch {
  private WordMatch() {}

  static boolean matches(String pattern, String subject) {
    if (pattern.isEmpty()) return false;
    int start = 0;
    while (true) {
      int bar = pattern.indexOf('|', start);
      int end = bar < 0 ? pattern.length() : bar;
      if (alternativeMatches(pattern.substring(start, end), subject)) return true;
      if (bar < 0) return false;
      start = bar + 1;
    }
  }

  private static boolean alternativeMatches(String alternative, String subject) {
    if (alternative.isEmpty()) return true;
    if (alternative.charAt(0) == '^') {
      String prefix = Literal.toAsciiLower(alternative.substring(1));
      return subject.length() >= prefix.length() && Literal.regionEqualsIgnoreAsciiCase(subject, 0, prefix);
    }
    String word = Literal.toAsciiLower(alternative);
    for (int at = 0; at + word.length() <= subject.length(); at++) {
      if (Literal.regionEqualsIgnoreAsciiCase(subject, at, word)) return true;
    }
    return false;
  }
}
