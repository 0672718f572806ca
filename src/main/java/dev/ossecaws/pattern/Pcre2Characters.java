package dev.ossecaws.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;

/**
 * The cursor over a PCRE2 pattern and what in it matches one character: escapes such as
 * {@code \x41} or {@code \cA}, Unicode properties, and classes, re-emitted as Java syntax with every
 * literal escaped (so {@code [} and {@code &&} inside a class stay literal, as in PCRE2).
 *
 * <p>Case: the Java pattern is compiled caseless without Unicode folding, which is PCRE2's caseless
 * matching outside UTF mode. In UTF mode PCRE2 folds by Unicode case sets, where Java's Unicode
 * folding differs for the Turkish dotted and dotless i (Java folds them with {@code i}, PCRE2 does
 * not); so non-ASCII literals get Java's Unicode folding one by one, and ASCII letters get their
 * non-ASCII PCRE2 partners (Kelvin sign, long s) explicitly when the subject may hold them.
 */
abstract class Pcre2Characters {
  /** What the translated pattern will be run on, which decides how case is folded. */
  enum Subjects {
    /** PCRE2 without UTF mode: each char is a byte, folding is ASCII (the pcre2 flavour). */
    LATIN1,
    /** PCRE2 in UTF mode, run only on ASCII text: no Kelvin sign, long s or Turkish i to care for. */
    ASCII,
    /** PCRE2 in UTF mode on any valid text. */
    UNICODE
  }

  final String pattern;
  final Subjects subjects;
  final boolean utf;
  int pos;

  Pcre2Characters(String pattern, Subjects subjects) {
    this.pattern = pattern;
    this.subjects = subjects;
    this.utf = subjects != Subjects.LATIN1;
  }

  /**
   * The code point of an escape that stands for one character, {@code pos} on the letter after the
   * backslash; advances past it. Outside classes {@code \b} was handled before.
   */
  int characterEscape(boolean inClass) {
    char e = pattern.charAt(pos++);
    switch (e) {
      case 'a': return 0x07;
      case 'b': return 0x08;
      case 'e': return 0x1B;
      case 'f': return 0x0C;
      case 'n': return 0x0A;
      case 'r': return 0x0D;
      case 't': return 0x09;
      case 'c': {
        if (pos == pattern.length()) throw error("\\c at end of pattern");
        char x = pattern.charAt(pos++);
        if (x < 0x20 || x > 0x7E) throw error("\\c must be followed by a printable ASCII character");
        return Character.toUpperCase(x) ^ 0x40;
      }
      case 'x':
        return hexEscape();
      case 'o':
        return checkedCodePoint(bracedNumber(8));
      case '0':
        return checkedCodePoint(octalDigits(2, 0));
      default:
        if (inClass && e >= '1' && e <= '7') return checkedCodePoint(octalDigits(2, e - '0'));
        if (inClass && (e == '8' || e == '9')) return e;
        if (e < 0x80 && Character.isLetterOrDigit(e)) throw error("unrecognized escape \\" + e);
        pos--;
        int literal = codePointAt(pos);
        pos += Character.charCount(literal);
        return literal;
    }
  }

  private int hexEscape() {
    if (pos < pattern.length() && pattern.charAt(pos) == '{') return checkedCodePoint(bracedNumber(16));
    int value = 0;
    for (int digits = 0; digits < 2 && pos < pattern.length(); digits++) {
      int digit = Character.digit(pattern.charAt(pos), 16);
      if (digit < 0 || pattern.charAt(pos) >= 0x80) break;
      value = value * 16 + digit;
      pos++;
    }
    return value;
  }

  /** {@code {digits}} in {@code radix}, {@code pos} on the brace. */
  private long bracedNumber(int radix) {
    if (pos == pattern.length() || pattern.charAt(pos) != '{') throw error("missing opening brace");
    int close = pattern.indexOf('}', pos);
    if (close < 0 || close == pos + 1) throw error("malformed braced escape");
    long value = 0;
    for (int i = pos + 1; i < close; i++) {
      int digit = Character.digit(pattern.charAt(i), radix);
      if (digit < 0 || pattern.charAt(i) >= 0x80) throw error("non-digit in braced escape");
      value = Math.min(value * radix + digit, Integer.MAX_VALUE);
    }
    pos = close + 1;
    return value;
  }

  /** Up to {@code max} more octal digits after an already read {@code initial} value. */
  int octalDigits(int max, int initial) {
    int value = initial;
    for (int digits = 0; digits < max && pos < pattern.length(); digits++) {
      char c = pattern.charAt(pos);
      if (c < '0' || c > '7') break;
      value = value * 8 + (c - '0');
      pos++;
    }
    return value;
  }

  int checkedCodePoint(long value) {
    long max = utf ? Character.MAX_CODE_POINT : 0xFF;
    if (value > max) throw error("character code point value is too large");
    if (utf && value >= 0xD800 && value <= 0xDFFF) throw error("surrogate code points are not allowed");
    return (int) value;
  }

  /** {@code \p{..}}/{@code \P{..}}; Java's only differing reading is that caseless affects Lu/Ll/Lt. */
  String property(boolean negated, boolean inClass) {
    if (pos == pattern.length()) throw error("malformed \\p sequence");
    String name;
    if (pattern.charAt(pos) == '{') {
      int close = pattern.indexOf('}', pos);
      if (close < 0) throw error("malformed \\p sequence");
      name = pattern.substring(pos + 1, close);
      pos = close + 1;
    } else {
      name = pattern.substring(pos, pos + 1);
      pos++;
    }
    if (name.startsWith("^")) {
      negated = !negated;
      name = name.substring(1);
    }
    if (!name.matches("[CLMNPSZ]|C[cfnos]|L[lmotu]|M[cen]|N[dlo]|P[cdefios]|S[ckmo]|Z[lps]")) {
      throw unsupported("Unicode property \\p{" + name + "}");
    }
    String java = (negated ? "\\P{" : "\\p{") + name + "}";
    if (!name.matches("L[ult]")) return java;
    if (inClass) throw unsupported("case-sensitive property \\p{" + name + "} inside a class");
    return "(?-i:" + java + ")";
  }

  /** A class at {@code pos}, as a Java class. */
  String characterClass() {
    pos++;
    StringBuilder javaClass = new StringBuilder("[");
    if (pos < pattern.length() && pattern.charAt(pos) == '^') {
      javaClass.append('^');
      pos++;
    }
    boolean first = true;
    boolean quoting = false;
    List<int[]> spans = new ArrayList<>();
    while (true) {
      if (pos >= pattern.length()) throw error("missing terminating ] for character class");
      if (quoting && pattern.startsWith("\\E", pos)) {
        quoting = false;
        pos += 2;
        continue;
      }
      if (!quoting && pattern.startsWith("\\Q", pos)) {
        quoting = true;
        pos += 2;
        continue;
      }
      if (!quoting && pattern.startsWith("\\E", pos)) {
        pos += 2;
        continue;
      }
      char c = pattern.charAt(pos);
      if (c == ']' && !first && !quoting) {
        pos++;
        break;
      }
      first = false;
      Object item = quoting ? (Object) nextCodePoint() : classItem();
      boolean rangeFollows = pos + 1 < pattern.length() && pattern.charAt(pos) == '-' && pattern.charAt(pos + 1) != ']';
      if (!rangeFollows) {
        appendClassItem(javaClass, item);
        if (item instanceof Integer) spans.add(new int[] {(Integer) item, (Integer) item});
        continue;
      }
      if (!(item instanceof Integer)) throw error("invalid range in character class");
      pos++;
      Object end;
      if (pattern.startsWith("\\Q", pos) || pattern.startsWith("\\E", pos)) {
        throw unsupported("\\Q or \\E at the end of a class range");
      }
      end = quoting ? (Object) nextCodePoint() : classItem();
      if (!(end instanceof Integer)) throw error("invalid range in character class");
      if ((Integer) end < (Integer) item) throw error("range out of order in character class");
      appendClassItem(javaClass, item);
      javaClass.append('-');
      appendClassItem(javaClass, end);
      spans.add(new int[] {(Integer) item, (Integer) end});
    }
    if (utf) appendCasePartners(javaClass, spans);
    return javaClass.append(']').toString();
  }

  /**
   * The Java class folds ASCII only: add what PCRE2's UTF-mode folding adds, the Unicode partners
   * of ASCII letters and the case variants of non-ASCII members.
   */
  private void appendCasePartners(StringBuilder javaClass, List<int[]> spans) {
    Set<Integer> partners = new TreeSet<>();
    for (int[] span : spans) {
      if (subjects == Subjects.UNICODE) {
        for (int letter : new int[] {'k', 'K', 's', 'S'}) {
          if (span[0] <= letter && letter <= span[1]) partners.add(unicodePartner(letter));
        }
      }
      if (span[0] == span[1] && span[0] >= 0x80 && !isTurkishI(span[0])) {
        for (int variant : new int[] {Character.toUpperCase(span[0]), Character.toLowerCase(span[0]), Character.toTitleCase(span[0])}) {
          if (variant != span[0] && !isTurkishI(variant)) partners.add(variant);
        }
      }
    }
    for (int partner : partners) appendClassItem(javaClass, partner);
  }

  int nextCodePoint() {
    int codePoint = codePointAt(pos);
    pos += Character.charCount(codePoint);
    return codePoint;
  }

  /** One class member: an Integer code point, or a String of Java class syntax. */
  private Object classItem() {
    char c = pattern.charAt(pos);
    if (c == '[') {
      String posix = posixClass();
      if (posix != null) return posix;
    }
    if (c != '\\') return nextCodePoint();
    pos++;
    if (pos == pattern.length()) throw error("\\ at end of pattern");
    char e = pattern.charAt(pos);
    switch (e) {
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'h': case 'H': case 'v': case 'V':
        pos++;
        return "\\" + e;
      case 'p': case 'P':
        pos++;
        return property(e == 'P', true);
      case 'N': case 'R': case 'X': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K':
      case 'g': case 'k':
        throw error("escape sequence \\" + e + " is invalid in a character class");
      default:
        return characterEscape(true);
    }
  }

  /** {@code [:name:]} or {@code [:^name:]} at {@code pos} as Java syntax, or null if there is none. */
  private String posixClass() {
    if (pos + 1 >= pattern.length()) return null;
    char terminator = pattern.charAt(pos + 1);
    if (terminator != ':' && terminator != '.' && terminator != '=') return null;
    for (int i = pos + 2; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == ']' || pattern.charAt(i + 1) == '\\')) {
        i++;
      } else if ((c == '[' && i + 1 < pattern.length() && pattern.charAt(i + 1) == terminator) || c == ']') {
        return null;
      } else if (c == terminator && i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
        if (terminator != ':') throw error("POSIX collating elements are not supported");
        String name = pattern.substring(pos + 2, i);
        pos = i + 2;
        return posixJava(name);
      }
    }
    return null;
  }

  private String posixJava(String name) {
    boolean negated = name.startsWith("^");
    String bare = negated ? name.substring(1) : name;
    String java;
    switch (bare) {
      case "word": return negated ? "\\W" : "\\w";
      case "alpha": case "lower": case "upper": java = "Alpha"; break; // caseless: lower/upper mean alpha
      case "digit": java = "Digit"; break;
      case "alnum": java = "Alnum"; break;
      case "space": java = "Space"; break;
      case "blank": java = "Blank"; break;
      case "cntrl": java = "Cntrl"; break;
      case "graph": java = "Graph"; break;
      case "print": java = "Print"; break;
      case "punct": java = "Punct"; break;
      case "xdigit": java = "XDigit"; break;
      case "ascii": java = "ASCII"; break;
      default: throw error("unknown POSIX class name '" + bare + "'");
    }
    return (negated ? "\\P{" : "\\p{") + java + "}";
  }

  private static void appendClassItem(StringBuilder javaClass, Object item) {
    if (item instanceof Integer) {
      javaClass.append("\\x{").append(Integer.toHexString((Integer) item)).append('}');
    } else {
      javaClass.append((String) item);
    }
  }

  static void appendEscaped(StringBuilder to, int codePoint) {
    if ((codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
        || (codePoint >= '0' && codePoint <= '9') || codePoint == ' ') {
      to.append((char) codePoint);
    } else if (codePoint > 0x20 && codePoint < 0x7F) {
      to.append('\\').append((char) codePoint);
    } else if (codePoint >= 0xA0 && !Character.isWhitespace(codePoint) && Character.isDefined(codePoint)) {
      to.appendCodePoint(codePoint);
    } else {
      to.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
    }
  }

  /** The non-ASCII code point PCRE2's Unicode case sets add to an ASCII letter, or 0. */
  static int unicodePartner(int codePoint) {
    switch (codePoint) {
      case 'k': case 'K': return 0x212A; // KELVIN SIGN
      case 's': case 'S': return 0x017F; // LATIN SMALL LETTER LONG S
      default: return 0;
    }
  }

  /** U+0130 and U+0131, which Java folds with i and I but PCRE2 folds with nothing. */
  static boolean isTurkishI(int codePoint) {
    return codePoint == 0x130 || codePoint == 0x131;
  }

  int codePointAt(int index) {
    return utf ? pattern.codePointAt(index) : pattern.charAt(index);
  }

  PatternSyntaxException error(String description) {
    return new PatternSyntaxException(description, pattern, Math.min(pos, pattern.length()) - 1);
  }

  PatternSyntaxException unsupported(String construct) {
    return error(construct + " is PCRE2 syntax that this evaluator does not support");
  }
}
