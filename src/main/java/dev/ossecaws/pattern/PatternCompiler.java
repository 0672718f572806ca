package dev.ossecaws.pattern;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles OSSEC patterns as 4.3.0 does (spec/regex.md): size and emptiness checks, the literal fast
 * path, translation of the regex and match flavours into PCRE2 syntax, then PCRE2 syntax into
 * {@code java.util.regex} by {@link Pcre2Syntax}.
 */
final class PatternCompiler {
  /** Longest regex or match pattern OSSEC accepts, in bytes. */
  static final int MAX_SIZE = 2048;

  /** Characters of a regex or pcre2 literal fast path (§2.1), besides ASCII letters and digits. */
  private static final String FAST_PATH_PUNCTUATION = " !\"#%&',/:;<=>@_`~-";

  /** The 25 characters of OSSEC's {@code \p}, as a PCRE2 class (§2.2, §9). */
  static final String PUNCTUATION_CLASS = "[()*+,.:;\\<=>?\\[\\]!\"'#%&$|{}-]";

  private PatternCompiler() {}

  static OsPattern regex(String source) throws PatternException {
    if (source.length() > MAX_SIZE) throw PatternException.syntaxError(source, PatternException.TOO_LONG, null);
    OsPattern literal = regexFastPath(source);
    if (literal != null) return literal;
    if (source.isEmpty()) throw PatternException.syntaxError(source, PatternException.BAD_REGEX, "empty pattern");
    return compileUtf8(source, translateRegex(source));
  }

  static OsPattern match(String source) throws PatternException {
    if (source.length() > MAX_SIZE) throw PatternException.syntaxError(source, PatternException.TOO_LONG, null);
    if (source.isEmpty()) return new Literal(source, Literal.Anchor.PREFIX, "");
    OsPattern literal = matchFastPath(source);
    if (literal != null) return literal;
    return compileUtf8(source, translateMatch(source));
  }

  static OsPattern pcre2(String source) throws PatternException {
    if (source.isEmpty()) throw PatternException.syntaxError(source, PatternException.EMPTY, "empty pattern");
    OsPattern literal = regexFastPath(source);
    if (literal != null) return literal;
    Pcre2Syntax.Translation translation = translate(source, source, Pcre2Characters.Subjects.LATIN1);
    return new Latin1Regex(source, compile(source, translation.java()), translation.literals());
  }

  /**
   * The regex flavour as the PCRE2 pattern 4.3.0 builds (§2.2 – §2.3). Throws for an escape OSSEC
   * does not know; what PCRE2 itself rejects (a trailing backslash, unbalanced parentheses) is left
   * to the PCRE2 syntax check.
   */
  static String translateRegex(String source) throws PatternException {
    StringBuilder out = new StringBuilder(source.length() * 2);
    int n = source.length();
    for (int i = 0; i < n; i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        if (i + 1 == n) {
          out.append('\\');
          continue;
        }
        char escaped = source.charAt(++i);
        String translation = escapeTranslation(escaped);
        if (translation == null) {
          throw PatternException.syntaxError(source, PatternException.BAD_REGEX, "unknown escape \\" + escaped);
        }
        out.append(translation);
      } else if ((c == '+' || c == '*') && i >= 2 && source.charAt(i - 2) == '\\') {
        out.append(c);
        // A quantifier is greedy only as the last element of its alternative, never after \\ (§2.3).
        if (source.charAt(i - 1) == '\\' || !endsAlternative(source, i + 1)) out.append('?');
      } else {
        out.append(plainTranslation(c));
      }
    }
    return out.toString();
  }

  private static String escapeTranslation(char escaped) {
    switch (escaped) {
      case 'w': return "[A-Za-z0-9@_-]";
      case 'W': return "[^A-Za-z0-9@_-]";
      case 'd': return "[0-9]";
      case 'D': return "[^0-9]";
      case 's': return "[ ]";
      case 'S': return "[^ ]";
      case 'p': return PUNCTUATION_CLASS;
      case '.': return "(?s:.)";
      case 't': return "\\t";
      case '$': case '(': case ')': case '{': case '}': case '[': case ']': case '\\': case '|': case '<':
        return "\\" + escaped;
      default: return null;
    }
  }

  private static String plainTranslation(char c) {
    switch (c) {
      case '$': return "(?!\\n)$";
      case '.': case '[': case ']': case '{': case '}': case '?': case '+': case '*':
        return "\\" + c;
      default: return String.valueOf(c);
    }
  }

  /** Whether only {@code )} characters follow {@code from} before a {@code |} or the end. */
  private static boolean endsAlternative(String source, int from) {
    int i = from;
    while (i < source.length() && source.charAt(i) == ')') i++;
    return i == source.length() || source.charAt(i) == '|';
  }

  /** The match flavour as the PCRE2 pattern 4.3.0 builds (§3.2): every other special is escaped. */
  static String translateMatch(String source) {
    StringBuilder out = new StringBuilder(source.length() + 16);
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (".[]{}+?*()\\".indexOf(c) >= 0) out.append('\\');
      out.append(c);
    }
    return out.toString();
  }

  /** §2.1 (regex) and §5 (pcre2): an anchored literal of a restricted set of characters. */
  private static OsPattern regexFastPath(String source) {
    int start = source.startsWith("^") ? 1 : 0;
    int end = source.length() > start && source.endsWith("$") ? source.length() - 1 : source.length();
    if (start == 0 && end == source.length()) return null;
    for (int i = start; i < end; i++) {
      char c = source.charAt(i);
      boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || FAST_PATH_PUNCTUATION.indexOf(c) >= 0;
      if (!allowed) return null;
    }
    return literal(source, start, end);
  }

  /** §3.2: an anchored run of one or more characters other than {@code $ | ^}. */
  private static OsPattern matchFastPath(String source) {
    int start = source.startsWith("^") ? 1 : 0;
    int end = source.length() > start && source.endsWith("$") ? source.length() - 1 : source.length();
    if ((start == 0 && end == source.length()) || end <= start) return null;
    for (int i = start; i < end; i++) {
      if ("$|^".indexOf(source.charAt(i)) >= 0) return null;
    }
    return literal(source, start, end);
  }

  private static OsPattern literal(String source, int start, int end) {
    boolean anchoredStart = start == 1;
    boolean anchoredEnd = end < source.length();
    Literal.Anchor anchor = anchoredStart && anchoredEnd ? Literal.Anchor.EXACT
        : anchoredStart ? Literal.Anchor.PREFIX : Literal.Anchor.SUFFIX;
    return new Literal(source, anchor, source.substring(start, end));
  }

  /**
   * Regex and match flavours: the PCRE2 pattern is UTF-8. ASCII subjects, the usual case, get a
   * pattern that need not care for non-ASCII case partners; it is the same one when nothing differs.
   */
  private static OsPattern compileUtf8(String source, String pcre2) throws PatternException {
    String text = Utf8.decodeLeniently(pcre2);
    String forAscii = translate(source, text, Pcre2Characters.Subjects.ASCII).java();
    Pcre2Syntax.Translation forUnicode = translate(source, text, Pcre2Characters.Subjects.UNICODE);
    Pattern asciiPattern = compile(source, forAscii);
    Pattern unicodePattern = forUnicode.java().equals(forAscii) ? asciiPattern : compile(source, forUnicode.java());
    return new Utf8Regex(source, asciiPattern, unicodePattern, forUnicode.literals());
  }

  private static Pcre2Syntax.Translation translate(String source, String pcre2, Pcre2Characters.Subjects subjects)
      throws PatternException {
    try {
      return Pcre2Syntax.translate(pcre2, subjects);
    } catch (PatternSyntaxException e) {
      throw PatternException.syntaxError(source, PatternException.BAD_REGEX, e.getMessage());
    }
  }

  private static Pattern compile(String source, String java) throws PatternException {
    try {
      return Pattern.compile(java, Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES);
    } catch (PatternSyntaxException e) {
      throw PatternException.syntaxError(source, PatternException.BAD_REGEX, e.getMessage());
    }
  }
}
