package dev.ossecaws.pattern;


import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pcre2 flavour: PCRE2 without UTF mode, so each byte of the subject is one character (§5). */
final class Latin1Regex extends JavaRegex {
  private final Pattern pattern;

  Latin1Regex(String source, Pattern pattern, RequiredLiteral.Literals literals) {
    super(source, literals);
    this.pattern = pattern;
  }

  @Override
  public boolean matches(String subject) {
    if (!mayMatch(subject, 0)) return false;
    Backtracker machine = machine(pattern);
    if (machine != null) return searchWhole(machine, subject) != null;
    return searchWhole(pattern, subject) != null;
  }

  @Override
  public Match find(String subject, int from) {
    checkFrom(subject, from);
    if (!mayMatch(subject, from)) return null;
    Backtracker machine = machine(pattern);
    if (machine != null) {
      int[] groups = from == 0 ? searchWhole(machine, subject) : searchFrom(machine, subject, from);
      return groups == null ? null : toMatch(groups, subject, 0, null);
    }
    Matcher matcher = from == 0 ? searchWhole(pattern, subject) : searchFrom(pattern, subject, from);
    return matcher == null ? null : toMatch(matcher, subject, 0, null);
  }
}
