package dev.ossecaws.pattern;


import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regex and match flavours past their fast path: PCRE2 in UTF mode (spec/regex.md §2.8). A
 * subject that is not valid UTF-8 never matches; an ASCII subject is searched as it is.
 */
final class Utf8Regex extends JavaRegex {
  private final Pattern forUnicode;

  Utf8Regex(String source, Pattern forAscii, Pattern forUnicode, RequiredLiteral.Literals literals) {
    super(source, forAscii, literals);
    this.forUnicode = forUnicode;
  }

  @Override
  public boolean matches(String subject) {
    if (!mayMatch(subject, 0)) return false;
    if (SubjectCache.isAscii(subject, 0)) return matchesAsIs(subject);
    Utf8.Decoded decoded = Utf8.decode(subject, 0);
    return decoded != null && searchFrom(forUnicode, decoded.text(), 0) != null;
  }

  @Override
  public Match find(String subject, int from) {
    checkFrom(subject, from);
    if (!mayMatch(subject, from)) return null;
    if (SubjectCache.isAscii(subject, from)) return findAsIs(subject, from);
    Utf8.Decoded decoded = Utf8.decode(subject, from);
    if (decoded == null) return null;
    Matcher matcher = searchFrom(forUnicode, decoded.text(), 0);
    return matcher == null ? null : toMatch(matcher, subject, from, decoded.byteOffsets());
  }
}
