package dev.ossecaws.pattern;


import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Rewrites a PCRE2 10.42 pattern as a {@code java.util.regex} pattern that behaves the same
 * (spec/regex.md §7.5 – §7.6). Constructs that both engines read alike are copied; the others are
 * rewritten: classes are re-emitted with every literal escaped (so {@code [} and {@code &&} stay
 * literal), POSIX classes, octal and hex escapes, {@code \Q..\E}, comments, extended mode, named
 * groups and backreferences become plain Java, and {@code \b} keeps PCRE2's ASCII notion of a word.
 * What Java cannot express (recursion, conditionals, verbs, {@code \K}, branch reset) is refused.
 *
 * <p>Capture groups keep their numbers, so captures come out in PCRE2's order.
 *
 * <p>This class reads the structure (groups, alternation, quantifiers, backreferences, options);
 * {@link Pcre2Characters} reads what matches one character.
 */
final class Pcre2Syntax extends Pcre2Characters {
  private static final String WORD_BOUNDARY = "(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))";
  private static final String NOT_WORD_BOUNDARY = "(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))";
  private static final int MAX_REPEAT = 65535;

  /** Group names and the total group count, from a first pass; null during that pass. */
  private final Map<String, Integer> knownNames;
  private final int totalGroups;

  private final StringBuilder out = new StringBuilder();
  private final Map<String, Integer> names = new HashMap<>();
  /** For each open group: the extended mode outside it, and whether it is a plain or capturing group. */
  private final Deque<boolean[]> openGroups = new ArrayDeque<>();
  private final AutoPossessive possessive;
  private final RequiredLiteral required;
  private int groups;
  private boolean extended;
  /** What was translated last, for PCRE2's "quantifier does not follow a repeatable item". */
  private Item last = Item.NOTHING_REPEATABLE;

  private enum Item { NOTHING_REPEATABLE, ATOM, QUANTIFIER, QUANTIFIER_WITH_MODE }

  private Pcre2Syntax(String pattern, Subjects subjects, Map<String, Integer> knownNames, int totalGroups) {
    super(pattern, subjects);
    this.knownNames = knownNames;
    this.totalGroups = totalGroups;
    int alphabet = subjects == Subjects.LATIN1 ? 256 : subjects == Subjects.ASCII ? 128 : 0;
    this.possessive = new AutoPossessive(out, knownNames == null ? 0 : alphabet);
    this.required = new RequiredLiteral(utf);
  }

  /**
   * The Java form of {@code pattern}, to be compiled {@code CASE_INSENSITIVE | UNIX_LINES}, and the
   * lower-case literals one of which every match contains (null if none is known). In UTF mode
   * the pattern is text; for {@link Subjects#LATIN1} each char is one byte and code points above
   * 0xFF do not exist.
   */
  static Translation translate(String pattern, Subjects subjects) {
    Pcre2Syntax numbering = new Pcre2Syntax(pattern, subjects, null, -1);
    numbering.translate();
    Pcre2Syntax translator = new Pcre2Syntax(pattern, subjects, numbering.names, numbering.groups);
    String java = translator.translate();
    return new Translation(java, translator.required.result(java));
  }

  record Translation(String java, RequiredLiteral.Literals literals) {}

  private String translate() {
    while (pos < pattern.length()) {
      char c = pattern.charAt(pos);
      if (extended && skipExtendedSpace(c)) continue;
      int start = out.length();
      if (!isQuantifierOrNothing(c)) required.other();
      switch (c) {
        case '\\':
          if (escape()) {
            possessive.singleCharacter(start);
          } else if (out.length() > start) {
            possessive.other();
          }
          break;
        case '[':
          out.append(characterClass());
          last = Item.ATOM;
          possessive.singleCharacter(start);
          break;
        case '(':
          openGroup();
          break;
        case ')': {
          if (openGroups.isEmpty()) throw error("unmatched closing parenthesis");
          boolean[] group = openGroups.pop();
          extended = group[0];
          out.append(')');
          pos++;
          last = Item.ATOM;
          possessive.groupClosed(group[1]);
          break;
        }
        case '{':
          repeatOrLiteralBrace();
          break;
        case '*': case '+': case '?':
          quantifier(String.valueOf(c));
          pos++;
          break;
        case '.':
          out.append(c);
          pos++;
          last = Item.ATOM;
          possessive.singleCharacter(start);
          break;
        case '^': case '$': case '|':
          out.append(c);
          pos++;
          last = Item.NOTHING_REPEATABLE;
          if (c == '|' && openGroups.isEmpty()) {
            possessive.branchEnd();
            required.topLevelAlternative();
          } else {
            if (c == '^' && openGroups.isEmpty()) required.caret();
            possessive.other();
          }
          break;
        default:
          literal(codePointAt(pos));
          pos += Character.charCount(codePointAt(pos));
          last = Item.ATOM;
          possessive.singleCharacter(start);
      }
    }
    if (!openGroups.isEmpty()) throw error("missing closing parenthesis");
    possessive.branchEnd();
    return out.toString();
  }

  /** A quantifier, or the {@code ?}/{@code +} that makes the one before lazy or possessive. */
  private void quantifier(String text) {
    if (last == Item.QUANTIFIER && (text.equals("?") || text.equals("+"))) {
      last = Item.QUANTIFIER_WITH_MODE;
      out.append(text);
      possessive.quantifierMode(text.charAt(0));
    } else if (last == Item.ATOM) {
      last = Item.QUANTIFIER;
      out.append(text);
      boolean optional = text.equals("*") || text.equals("?") || text.startsWith("{0");
      possessive.quantifier(optional);
      required.quantifier(optional);
    } else {
      throw error("quantifier does not follow a repeatable item");
    }
  }

  /** Whether the token at {@code pos} may be a quantifier, or emits nothing (comments, {@code \\E}). */
  private boolean isQuantifierOrNothing(char c) {
    return c == '*' || c == '+' || c == '?' || c == '{' || pattern.startsWith("(?#", pos)
        || pattern.startsWith("\\E", pos) || pattern.startsWith("\\Q\\E", pos);
  }

  /** In extended mode whitespace and {@code #} comments up to a newline are ignored. */
  private boolean skipExtendedSpace(char c) {
    if (c == '#') {
      int newline = pattern.indexOf('\n', pos);
      pos = newline < 0 ? pattern.length() : newline + 1;
      return true;
    }
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pos++;
      return true;
    }
    return false;
  }

  /** An escape outside a class; whether it matches exactly one character. */
  private boolean escape() {
    pos++;
    if (pos == pattern.length()) throw error("\\ at end of pattern");
    char e = pattern.charAt(pos++);
    Item before = last;
    last = "AzZGbBK".indexOf(e) >= 0 ? Item.NOTHING_REPEATABLE : Item.ATOM;
    switch (e) {
      case 'A': case 'z': case 'Z': case 'G': case 'R': case 'X':
        out.append('\\').append(e);
        return false;
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'h': case 'H': case 'v': case 'V':
        out.append('\\').append(e);
        return true;
      case 'b':
        out.append(WORD_BOUNDARY);
        return false;
      case 'B':
        out.append(NOT_WORD_BOUNDARY);
        return false;
      case 'N':
        if (pos < pattern.length() && pattern.charAt(pos) == '{') throw unsupported("\\N{...}");
        out.append("[^\\n]");
        return true;
      case 'C':
        if (utf) throw unsupported("\\C in UTF mode");
        out.append("(?s:.)");
        return true;
      case 'Q':
        if (!quoted()) last = before;
        return false;
      case 'E':
        last = before;
        return false;
      case 'g':
        backreferenceG();
        return false;
      case 'k':
        backreference(groupNamed(bracketedName()));
        return false;
      case 'p': case 'P':
        out.append(property(e == 'P', false));
        return true;
      case 'K':
        throw unsupported("\\K");
      default:
        pos--;
        if (e >= '1' && e <= '9') return numericEscape();
        literal(characterEscape(false));
        return true;
    }
  }

  /**
   * {@code \1}..{@code \9} and longer: a backreference, or an octal character (PCRE2's rule);
   * whether it was a character.
   */
  private boolean numericEscape() {
    int start = pos;
    long number = 0;
    while (pos < pattern.length() && Character.isDigit(pattern.charAt(pos)) && pattern.charAt(pos) < 0x80) {
      number = Math.min(number * 10 + (pattern.charAt(pos++) - '0'), Integer.MAX_VALUE);
    }
    char first = pattern.charAt(start);
    if (number < 10 || first == '8' || first == '9' || number <= groups) {
      backreference((int) number);
      return false;
    }
    pos = start;
    literal(checkedCodePoint(octalDigits(3, 0)));
    return true;
  }

  private void backreferenceG() {
    if (pos == pattern.length()) throw error("\\g is not followed by a number or name");
    char c = pattern.charAt(pos);
    if (c == '<' || c == '\'') throw unsupported("subroutine call \\g" + c);
    String reference;
    if (c == '{') {
      int close = pattern.indexOf('}', pos);
      if (close < 0) throw error("\\g{ is not terminated");
      reference = pattern.substring(pos + 1, close);
      pos = close + 1;
    } else {
      int start = pos;
      if (c == '-' || c == '+') pos++;
      while (pos < pattern.length() && pattern.charAt(pos) >= '0' && pattern.charAt(pos) <= '9') pos++;
      reference = pattern.substring(start, pos);
    }
    if (reference.matches("[+-]?[0-9]+")) {
      if (reference.startsWith("+")) throw unsupported("forward relative reference \\g+n");
      int number = Integer.parseInt(reference);
      if (number == 0) throw error("a backreference to group 0 is not allowed");
      backreference(number < 0 ? groups + number + 1 : number);
    } else {
      backreference(groupNamed(reference));
    }
  }

  private void backreference(int group) {
    last = Item.ATOM;
    if (knownNames == null) return;
    if (group <= 0 || group > totalGroups) throw error("reference to non-existent subpattern " + group);
    out.append("(?:\\").append(group).append(')');
  }

  private int groupNamed(String name) {
    if (knownNames == null) return 0;
    Integer group = knownNames.get(name);
    if (group == null) throw error("reference to non-existent subpattern '" + name + "'");
    return group;
  }

  /** A name in {@code <>}, {@code ''} or {@code {}}, {@code pos} on the opening bracket. */
  private String bracketedName() {
    if (pos == pattern.length()) throw error("group name expected");
    char open = pattern.charAt(pos);
    char close = open == '<' ? '>' : open == '{' ? '}' : open == '\'' ? '\'' : 0;
    if (close == 0) throw error("group name expected after \\k");
    pos++;
    return nameUpTo(close);
  }

  private String nameUpTo(char close) {
    int end = pattern.indexOf(close, pos);
    if (end < 0) throw error("group name is not terminated");
    String name = pattern.substring(pos, end);
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) throw error("bad group name '" + name + "'");
    pos = end + 1;
    return name;
  }

  /** The literal text up to {@code \E}; whether there was any. */
  private boolean quoted() {
    int end = pattern.indexOf("\\E", pos);
    int stop = end < 0 ? pattern.length() : end;
    boolean any = pos < stop;
    while (pos < stop) {
      int codePoint = codePointAt(pos);
      literal(codePoint);
      pos += Character.charCount(codePoint);
    }
    if (end >= 0) pos = end + 2;
    return any;
  }

  private void openGroup() {
    if (pattern.startsWith("(*", pos)) throw unsupported("verb or start option (*...)");
    if (!pattern.startsWith("(?", pos)) {
      groups++;
      enterGroup("(");
      pos++;
      return;
    }
    pos += 2;
    if (pos == pattern.length()) throw error("unrecognized character after (?");
    char c = pattern.charAt(pos);
    switch (c) {
      case '#': {
        int close = pattern.indexOf(')', pos);
        if (close < 0) throw error("missing ) after (?# comment");
        pos = close + 1;
        return;
      }
      case ':': case '=': case '!': case '>':
        pos++;
        enterGroup("(?" + c);
        return;
      case '<':
        if (pattern.startsWith("<=", pos) || pattern.startsWith("<!", pos)) {
          enterGroup("(?" + pattern.substring(pos, pos + 2));
          pos += 2;
          return;
        }
        pos++;
        namedGroup(nameUpTo('>'));
        return;
      case '\'':
        pos++;
        namedGroup(nameUpTo('\''));
        return;
      case 'P':
        pos++;
        if (pattern.startsWith("<", pos)) {
          pos++;
          namedGroup(nameUpTo('>'));
        } else if (pattern.startsWith("=", pos)) {
          pos++;
          backreference(groupNamed(nameUpTo(')')));
        } else {
          throw unsupported("(?P" + (pos < pattern.length() ? pattern.charAt(pos) : "") + " subroutine call");
        }
        return;
      case '|':
        throw unsupported("branch reset group (?|");
      case '(':
        throw unsupported("conditional group (?(");
      case 'C':
        throw unsupported("callout (?C");
      default:
        if (c == 'R' || c == '&' || c == '+' || Character.isDigit(c)
            || (c == '-' && pos + 1 < pattern.length() && Character.isDigit(pattern.charAt(pos + 1)))) {
          throw unsupported("recursion or subroutine call (?" + c);
        }
        optionSetting();
    }
  }

  private void namedGroup(String name) {
    groups++;
    if (names.putIfAbsent(name, groups) != null) throw error("two named subpatterns have the same name '" + name + "'");
    enterGroup("(");
  }

  private void enterGroup(String opening) {
    openGroups.push(new boolean[] {extended, opening.equals("(") || opening.equals("(?:")});
    out.append(opening);
    possessive.other();
    last = Item.NOTHING_REPEATABLE;
  }

  /** {@code (?^imsx-imsx)} or the same with {@code :...)}; x is applied here, i, m and s by Java. */
  private void optionSetting() {
    possessive.stop();
    StringBuilder set = new StringBuilder();
    StringBuilder unset = new StringBuilder();
    boolean newExtended = extended;
    if (pattern.startsWith("^", pos)) {
      pos++;
      unset.append("ims");
      newExtended = false;
    }
    boolean on = true;
    while (pos < pattern.length()) {
      char c = pattern.charAt(pos++);
      switch (c) {
        case 'i': case 'm': case 's':
          if (on) {
            set.append(c);
            int reset = unset.indexOf(String.valueOf(c));
            if (reset >= 0) unset.deleteCharAt(reset);
          } else {
            unset.append(c);
          }
          break;
        case 'x':
          if (pattern.startsWith("x", pos)) throw unsupported("option xx");
          newExtended = on;
          break;
        case '-':
          if (!on || unset.length() > 0) throw error("invalid option setting (?-");
          on = false;
          break;
        case ')': case ':': {
          String flags = set + (unset.length() > 0 ? "-" + unset : "");
          if (c == ':') {
            enterGroup("(?" + flags + ":");
          } else if (!flags.isEmpty()) {
            out.append("(?").append(flags).append(')');
          }
          extended = newExtended;
          return;
        }
        case 'n': case 'J': case 'U':
          throw unsupported("option " + c);
        default:
          throw error("unrecognized character after (? or (?-");
      }
    }
    throw error("missing closing parenthesis");
  }

  /** A {@code {n}}, {@code {n,}} or {@code {n,m}} repeat is copied; any other brace is a literal. */
  private void repeatOrLiteralBrace() {
    int close = pattern.indexOf('}', pos);
    String body = close < 0 ? "" : pattern.substring(pos + 1, close);
    if (!body.matches("[0-9]+(,[0-9]*)?")) {
      int start = out.length();
      literal('{');
      pos++;
      last = Item.ATOM;
      possessive.singleCharacter(start);
      return;
    }
    String[] bounds = body.split(",", -1);
    long min = parseBound(bounds[0]);
    long max = bounds.length == 1 ? min : bounds[1].isEmpty() ? -1 : parseBound(bounds[1]);
    if (max >= 0 && max < min) throw error("numbers out of order in {} quantifier");
    quantifier(pattern.substring(pos, close + 1));
    pos = close + 1;
  }

  private long parseBound(String digits) {
    long value = digits.length() > 6 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (value > MAX_REPEAT) throw error("number too big in {} quantifier");
    return value;
  }

  /** A character that must match itself, caseless as PCRE2 folds it (see the class comment). */
  private void literal(int codePoint) {
    required.literal(codePoint, openGroups.isEmpty());
    if (utf && codePoint >= 0x80) {
      out.append(isTurkishI(codePoint) ? "(?-i:" : "(?u:");
      appendEscaped(out, codePoint);
      out.append(')');
    } else if (subjects == Subjects.UNICODE && unicodePartner(codePoint) != 0) {
      out.append('[').append((char) codePoint).append("\\x{").append(Integer.toHexString(unicodePartner(codePoint))).append("}]");
    } else {
      appendEscaped(out, codePoint);
    }
  }
}
