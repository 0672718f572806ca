package dev.ossecaws.pattern;

import java.util.regex.Pattern;

/** The pcre2 flavour: PCRE2 without UTF mode, so each byte of the subject is one character (§5). */
final class Latin1Regex extends JavaRegex {
  Latin1Regex(String source, Pattern pattern, RequiredLiteral.Literals literals) {
    super(source, pattern, literals);
  }

  @Override
  public boolean matches(String subject) {
    return mayMatch(subject, 0) && matchesAsIs(subject);
  }

  @Override
  public Match find(String subject, int from) {
    checkFrom(subject, from);
    return mayMatch(subject, from) ? findAsIs(subject, from) : null;
  }
}
