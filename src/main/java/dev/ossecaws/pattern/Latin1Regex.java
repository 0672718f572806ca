package dev.ossecaws.pattern;


import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pcre2 flavour: PCRE2 without UTF mode, so each byte of the subject is one character (§5). */
final class Latin1Regex extends JavaRegex {
  private final Pattern pattern;

  Latin1Regex(String source, Pattern pattern, String[] requiredLiterals) {
    super(source, requiredLiterals);
    this.pattern = pattern;
  }

  @Override
  public boolean matches(String subject) {
    return mayMatch(subject, 0) && search(pattern, subject, 0) != null;
  }

  @Override
  public Match find(String subject, int from) {
    checkFrom(subject, from);
    if (!mayMatch(subject, from)) return null;
    Matcher matcher = search(pattern, subject, from);
    return matcher == null ? null : toMatch(matcher, subject, 0, null);
  }
}
