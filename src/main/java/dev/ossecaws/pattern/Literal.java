package dev.ossecaws.pattern;

import java.util.List;

/**
 * OSSEC's literal fast path (spec/regex.md §2.1, §3.2): an anchored literal compared bytewise,
 * folding ASCII letters only. Unlike the regex path it ignores the UTF-8 validity of the subject.
 */
final class Literal extends OsPattern {
  enum Anchor { EXACT, PREFIX, SUFFIX }

  private final Anchor anchor;
  private final String lowerLiteral;

  Literal(String source, Anchor anchor, String literal) {
    super(source);
    this.anchor = anchor;
    this.lowerLiteral = toAsciiLower(literal);
  }

  @Override
  public boolean matches(String subject) {
    return end(subject, 0) >= 0;
  }

  @Override
  public Match find(String subject, int from) {
    checkFrom(subject, from);
    int end = end(subject, from);
    return end < 0 ? null : new Match(end, List.of());
  }

  @Override
  public boolean isLiteral() {
    return true;
  }

  private int end(String subject, int from) {
    int length = lowerLiteral.length();
    int available = subject.length() - from;
    switch (anchor) {
      case EXACT:
        return available == length && regionEquals(subject, from) ? subject.length() : -1;
      case PREFIX:
        return available >= length && regionEquals(subject, from) ? from + length : -1;
      default:
        return available >= length && regionEquals(subject, subject.length() - length) ? subject.length() : -1;
    }
  }

  private boolean regionEquals(String subject, int offset) {
    return regionEqualsIgnoreAsciiCase(subject, offset, lowerLiteral);
  }

  /** Whether {@code subject} holds {@code lowerLiteral} at {@code offset}, folding ASCII letters only. */
  static boolean regionEqualsIgnoreAsciiCase(String subject, int offset, String lowerLiteral) {
    for (int i = 0, n = lowerLiteral.length(); i < n; i++) {
      if (toAsciiLower(subject.charAt(offset + i)) != lowerLiteral.charAt(i)) return false;
    }
    return true;
  }

  static char toAsciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  static String toAsciiLower(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) chars[i] = toAsciiLower(chars[i]);
    return new String(chars);
  }
}
