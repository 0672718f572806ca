package dev.ossecaws.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A translated pattern ({@link Pcre2Syntax}'s Java syntax, compiled as {@link PatternCompiler}
 * compiles it: ASCII-caseless, Unix lines) run on a byte string by a backtracking machine of our
 * own, for the patterns whose every construct it runs as {@code java.util.regex} does (but for a
 * lookahead's captures, below).
 *
 * <p>Why: in {@code java.util.regex} every character a class loop reads is a call through a
 * predicate that all the ruleset's patterns share, so no call site can be inlined; on CloudTrail
 * lines one decoder pattern was a quarter of a run. Here a pattern is a program of a few opcodes
 * over tables of 256 booleans, and a run of one class is one tight loop.
 *
 * <p>What it runs: literals, classes, {@code .}, {@code (?s:.)}, {@code ^ $ \z \b \B}, groups
 * with or without capture, alternation, greedy, lazy and possessive quantifiers, lookaheads and
 * backreferences. {@link #compile} refuses, and the caller keeps {@code java.util.regex} for,
 * anything else (lookbehinds, nested classes, inline flags other than {@code (?s:}) and the
 * constructs where {@code java.util.regex} keeps a capture a backtracking machine would undo: a
 * capture inside a repeated or possessive group. Captures set inside a lookahead or an atomic
 * group that succeeded are undone when the match backtracks past it, as PCRE2 undoes them and
 * {@code java.util.regex} does not (OSSEC's own binary shows PCRE2's answer, differential
 * reproduction 13-0): there the machine answers as OSSEC, and Java as itself. A repeated group
 * that can match the empty string is refused too ({@code java.util.regex} stops such loops its
 * own way).
 *
 * <p>Like PCRE2, which OSSEC runs with its default match limit, a search that backtracks past
 * {@value #STEP_LIMIT} steps ends without a match; {@code java.util.regex} would run on, or
 * overflow its stack, which {@link JavaRegex} reads as no match too.
 *
 * <p>Immutable and thread-safe; each search allocates its own small state.
 */
final class Backtracker {
  static final int STEP_LIMIT = 10_000_000;

  // Opcodes.
  private static final int CHAR = 0;
  private static final int RUN_GREEDY = 1;
  private static final int RUN_LAZY = 2;
  private static final int RUN_POSSESSIVE = 3;
  private static final int SPLIT = 4;
  private static final int JUMP = 5;
  private static final int SAVE = 6;
  private static final int BEGIN = 7;
  private static final int DOLLAR = 8;
  private static final int END = 9;
  private static final int WORD_BOUNDARY = 10;
  private static final int NOT_WORD_BOUNDARY = 11;
  private static final int BACKREF = 12;
  private static final int LOOKAHEAD = 13;
  private static final int NEGATIVE_LOOKAHEAD = 14;
  private static final int ATOMIC = 15;
  private static final int SUCCEED = 16;

  // Backtrack frames: a kind and three values.
  private static final int RETRY = 0;
  private static final int UNDO = 1;
  private static final int SHORTER = 2;
  private static final int LONGER = 3;

  /** Word characters for {@code \b}, as java.util.regex tells them without UNICODE_CHARACTER_CLASS. */
  private static final boolean[] WORD = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) WORD[c] = c == '_' || Character.isLetterOrDigit(c);
  }

  private final int[] ops;
  private final int[] a;
  private final int[] b;
  private final int[] c;
  private final boolean[][] sets;
  private final int groupCount;
  /** The characters every match starts with; null if a match may be empty or start with any. */
  private final boolean[] first;

  private Backtracker(int[] ops, int[] a, int[] b, int[] c, boolean[][] sets, int groupCount, boolean[] first) {
    this.ops = ops;
    this.a = a;
    this.b = b;
    this.c = c;
    this.sets = sets;
    this.groupCount = groupCount;
    this.first = first;
  }

  /** The machine for {@code java}, or null if it holds a construct this machine does not run. */
  static Backtracker compile(String java) {
    try {
      Parser parser = new Parser(java);
      Node root = parser.parse();
      Compiler compiler = new Compiler();
      compiler.emit(root);
      compiler.op(SUCCEED, 0, 0, 0);
      return compiler.build(parser.groups, root.first());
    } catch (Unsupported e) {
      return null;
    }
  }

  /**
   * Tries a match starting at {@code start} of {@code text}; its group offsets (start and end of
   * each, group 0 first, -1 where unset), or null. {@code ^} matches at {@code bound}, and
   * {@code \b} sees no character before it: a region's start with Java's default bounds, 0 with
   * transparent, non-anchoring ones.
   */
  int[] matchAt(String text, int start, int bound) {
    return new Run(text, bound).at(start);
  }

  /**
   * The first match starting at or after {@code from}, with {@code ^} and {@code \b} bounded there.
   * A start that fails undoes every capture it made, as in PCRE2 (java.util.regex keeps those its
   * lookaheads made).
   */
  int[] find(String text, int from) {
    Run run = new Run(text, from);
    int end = text.length();
    for (int start = from; start <= end; start++) {
      if (first != null) {
        // each of these starts would fail at once
        while (start < end && !starts(text.charAt(start))) start++;
        if (start == end) return null;
      }
      int[] groups = run.at(start);
      if (groups != null || run.stopped) return groups;
    }
    return null;
  }

  private boolean starts(char ch) {
    return ch < 256 && first[ch];
  }

  /** One search's state: the groups and the backtrack stack. */
  private final class Run {
    private final String text;
    private final int end;
    /** Where {@code ^} matches, and before which {@code \b} sees nothing. */
    private final int bound;
    private final int[] groups = new int[2 * (groupCount + 1)];
    private int[] stack = new int[64];
    private int top;
    private int steps;
    boolean stopped;

    Run(String text, int bound) {
      this.text = text;
      this.end = text.length();
      this.bound = bound;
      Arrays.fill(groups, -1);
    }

    int[] at(int start) {
      if (stopped) return null;
      top = 0;
      int matchEnd = run(0, start, 0);
      if (matchEnd < 0) return null;
      groups[0] = start;
      groups[1] = matchEnd;
      return groups.clone();
    }

    private boolean in(boolean[] set, int at) {
      if (at >= end) return false;
      char ch = text.charAt(at);
      return ch < 256 && set[ch];
    }

    private void push(int kind, int x, int y, int z) {
      if (top + 4 > stack.length) stack = Arrays.copyOf(stack, stack.length * 2);
      stack[top] = kind;
      stack[top + 1] = x;
      stack[top + 2] = y;
      stack[top + 3] = z;
      top += 4;
    }

    /**
     * Runs from {@code pc} at {@code at} until SUCCEED (its offset) or failure (-1) above {@code base}.
     * The common opcodes are here, the rest in methods of their own: a small loop is what C2
     * compiles quickly, and a long CloudTrail logtest compiled a larger one three times.
     */
    private int run(int pc, int at, int base) {
      while (true) {
        if (++steps > STEP_LIMIT) {
          stopped = true;
          top = base;
          return -1;
        }
        int next;
        switch (ops[pc]) {
          case CHAR:
            next = in(sets[a[pc]], at) ? at + 1 : -1;
            pc++;
            break;
          case RUN_GREEDY:
          case RUN_POSSESSIVE:
            next = greedyRun(pc, at);
            pc++;
            break;
          case RUN_LAZY:
            next = lazyRun(pc, at);
            pc++;
            break;
          case SPLIT:
            push(RETRY, b[pc], at, 0);
            pc = a[pc];
            continue;
          case JUMP:
            pc = a[pc];
            continue;
          case SAVE:
            push(UNDO, a[pc], groups[a[pc]], 0);
            groups[a[pc]] = at;
            pc++;
            continue;
          case LOOKAHEAD:
          case NEGATIVE_LOOKAHEAD:
          case ATOMIC:
            next = nested(pc, at);
            if (stopped) return -1;
            pc = b[pc];
            break;
          case SUCCEED:
            return at;
          default:
            next = assertion(pc, at);
            pc++;
        }
        if (next >= 0) {
          at = next;
          continue;
        }
        long resumed = backtrack(base);
        if (resumed < 0) return -1;
        pc = (int) (resumed >>> 32);
        at = (int) resumed;
      }
    }

    /** A run of one class, as long as allowed: where it ends, or -1 if shorter than its minimum. */
    private int greedyRun(int pc, int at) {
      boolean[] set = sets[a[pc]];
      int limit = c[pc] < 0 ? end : (int) Math.min(end, (long) at + c[pc]);
      int p = at;
      while (p < limit) {
        char ch = text.charAt(p);
        if (ch >= 256 || !set[ch]) break;
        p++;
      }
      if (p - at < b[pc]) return -1;
      if (ops[pc] == RUN_GREEDY && p > at + b[pc]) push(SHORTER, pc + 1, at + b[pc], p);
      return p;
    }

    /** A run of one class, as short as allowed: where its minimum ends, or -1. */
    private int lazyRun(int pc, int at) {
      boolean[] set = sets[a[pc]];
      int p = at;
      int min = at + b[pc];
      while (p < min && in(set, p)) p++;
      if (p < min) return -1;
      int max = c[pc] < 0 ? end : (int) Math.min(end, (long) at + c[pc]);
      if (p < max) push(LONGER, pc + 1, p, max);
      return p;
    }

    /**
     * A lookahead (where the search goes on: here, or -1) or an atomic group (where it ended, or
     * -1), each run on its own above the current stack. Once it is done its choices are dropped,
     * and the captures it made stay, to be undone if the search backtracks past it, as PCRE2 does
     * (java.util.regex leaves them set); a negative lookahead's body that matched loses them at once.
     */
    private int nested(int pc, int at) {
      int mark = top;
      int found = run(a[pc], at, mark);
      if (stopped) return -1;
      boolean passes = ops[pc] == NEGATIVE_LOOKAHEAD ? found < 0 : found >= 0;
      if (!passes) {
        while (top > mark) {
          top -= 4;
          if (stack[top] == UNDO) groups[stack[top + 1]] = stack[top + 2];
        }
        return -1;
      }
      int kept = mark;
      for (int frame = mark; frame < top; frame += 4) {
        if (stack[frame] != UNDO) continue;
        System.arraycopy(stack, frame, stack, kept, 4);
        kept += 4;
      }
      top = kept;
      return ops[pc] == ATOMIC ? found : at;
    }

    /** Anchors, word boundaries and backreferences: where the search goes on, or -1. */
    private int assertion(int pc, int at) {
      switch (ops[pc]) {
        case BEGIN:
          return at == bound ? at : -1;
        case DOLLAR:
          return at == end || (at == end - 1 && text.charAt(at) == '\n') ? at : -1;
        case END:
          return at == end ? at : -1;
        case WORD_BOUNDARY:
        case NOT_WORD_BOUNDARY: {
          boolean left = at > bound && in(WORD, at - 1);
          boolean right = in(WORD, at);
          return (left != right) == (ops[pc] == WORD_BOUNDARY) ? at : -1;
        }
        case BACKREF: {
          int from = groups[2 * a[pc]];
          int to = groups[2 * a[pc] + 1];
          if (from < 0 || to < 0 || at + (to - from) > end) return -1;
          for (int i = 0; i < to - from; i++) {
            char x = text.charAt(from + i);
            char y = text.charAt(at + i);
            boolean same = x == y || Character.isLetter(x) && x < 0x80 && y < 0x80 && (x | 0x20) == (y | 0x20);
            if (!same) return -1;
          }
          return at + (to - from);
        }
        default:
          throw new IllegalStateException("opcode " + ops[pc]);
      }
    }

    /**
     * Goes back to the newest choice above {@code base}, undoing captures on the way: the opcode
     * and offset to go on from, packed in a long, or -1 when there is none.
     */
    private long backtrack(int base) {
      while (true) {
        if (top == base) return -1;
        top -= 4;
        int kind = stack[top];
        int x = stack[top + 1];
        int y = stack[top + 2];
        int z = stack[top + 3];
        if (kind == UNDO) {
          groups[x] = y;
        } else if (kind == RETRY) {
          return resume(x, y);
        } else if (kind == SHORTER) {
          // y: the shortest end allowed, z: the end just tried. Ends where the next opcode, a
          // character, cannot match are passed over: trying them could only fail.
          int shorter = z - 1;
          if (ops[x] == CHAR) {
            boolean[] next = sets[a[x]];
            while (shorter > y && !in(next, shorter)) shorter--;
            if (!in(next, shorter)) continue;
          }
          if (shorter > y) {
            stack[top + 3] = shorter;
            top += 4;
          }
          return resume(x, shorter);
        } else {
          // LONGER: y: the end just tried, z: the longest allowed; the set is the previous opcode's.
          boolean[] set = sets[a[x - 1]];
          boolean[] next = ops[x] == CHAR ? sets[a[x]] : null;
          int longer = y;
          do {
            if (longer >= z || !in(set, longer)) {
              longer = -1;
              break;
            }
            longer++;
          } while (next != null && !in(next, longer));
          if (longer < 0) continue;
          if (longer < z) {
            stack[top + 2] = longer;
            top += 4;
          }
          return resume(x, longer);
        }
      }
    }

    private long resume(int pc, int at) {
      return (long) pc << 32 | at;
    }
  }

  /** Thrown by the parser and compiler for what this machine does not run. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** A parsed pattern. */
  private abstract static class Node {
    /** Whether it can match the empty string. */
    abstract boolean canBeEmpty();

    /** Whether a capturing group is inside. */
    abstract boolean captures();

    /** The characters a match that is not empty starts with, as far as this node tells; null for any. */
    abstract boolean[] first();

    /** The union of two first sets, null (any) if either is. */
    static boolean[] union(boolean[] x, boolean[] y) {
      if (x == null || y == null) return null;
      boolean[] out = x.clone();
      for (int i = 0; i < 256; i++) out[i] |= y[i];
      return out;
    }
  }

  private static final class Chars extends Node {
    final boolean[] set;

    Chars(boolean[] set) {
      this.set = set;
    }

    boolean canBeEmpty() {
      return false;
    }

    boolean captures() {
      return false;
    }

    boolean[] first() {
      return set;
    }
  }

  private static final class Sequence extends Node {
    final List<Node> items;

    Sequence(List<Node> items) {
      this.items = items;
    }

    boolean canBeEmpty() {
      return items.stream().allMatch(Node::canBeEmpty);
    }

    boolean captures() {
      return items.stream().anyMatch(Node::captures);
    }

    /** The items' first sets up to the first one that cannot be empty; null if all can. */
    boolean[] first() {
      boolean[] first = new boolean[256];
      for (Node item : items) {
        first = union(first, item.first());
        if (first == null || !item.canBeEmpty()) return first;
      }
      return null;
    }
  }

  private static final class Alternation extends Node {
    final List<Node> alternatives;

    Alternation(List<Node> alternatives) {
      this.alternatives = alternatives;
    }

    boolean canBeEmpty() {
      return alternatives.stream().anyMatch(Node::canBeEmpty);
    }

    boolean captures() {
      return alternatives.stream().anyMatch(Node::captures);
    }

    boolean[] first() {
      boolean[] first = new boolean[256];
      for (Node alternative : alternatives) first = union(first, alternative.first());
      return first;
    }
  }

  private static final class Group extends Node {
    /** The capture's number, or 0 for a non-capturing group. */
    final int number;
    final Node body;

    Group(int number, Node body) {
      this.number = number;
      this.body = body;
    }

    boolean canBeEmpty() {
      return body.canBeEmpty();
    }

    boolean captures() {
      return number > 0 || body.captures();
    }

    boolean[] first() {
      return body.first();
    }
  }

  private static final class Lookahead extends Node {
    final boolean negative;
    final Node body;

    Lookahead(boolean negative, Node body) {
      this.negative = negative;
      this.body = body;
    }

    boolean canBeEmpty() {
      return true;
    }

    boolean captures() {
      return body.captures();
    }

    /** Zero width: what follows it starts the match. */
    boolean[] first() {
      return new boolean[256];
    }
  }

  private static final class Repeat extends Node {
    static final int GREEDY = 0;
    static final int LAZY = 1;
    static final int POSSESSIVE = 2;

    final Node body;
    final int min;
    /** -1 for no bound. */
    final int max;
    final int kind;
    /** Written {@code ?}: java.util.regex makes that a branch, but {@code {0,1}} a loop. */
    final boolean question;

    Repeat(Node body, int min, int max, int kind, boolean question) {
      this.body = body;
      this.min = min;
      this.max = max;
      this.kind = kind;
      this.question = question;
    }

    boolean canBeEmpty() {
      return min == 0 || body.canBeEmpty();
    }

    boolean captures() {
      return body.captures();
    }

    boolean[] first() {
      return body.first();
    }
  }

  /** An assertion or a backreference: one opcode, no body. */
  private static final class Atom extends Node {
    final int op;
    final int argument;

    Atom(int op, int argument) {
      this.op = op;
      this.argument = argument;
    }

    boolean canBeEmpty() {
      return true; // a backreference may be empty too
    }

    boolean captures() {
      return false;
    }

    /** An assertion is zero width; a backreference starts with whatever its group held. */
    boolean[] first() {
      return op == BACKREF ? null : new boolean[256];
    }
  }

  /** Reads the Java syntax {@link Pcre2Syntax} writes; refuses the rest. */
  private static final class Parser {
    private final String source;
    private int at;
    int groups;

    Parser(String source) {
      this.source = source;
    }

    Node parse() {
      Node node = alternation(false);
      if (at != source.length()) throw new Unsupported();
      return node;
    }

    private boolean more() {
      return at < source.length();
    }

    private char peek() {
      return source.charAt(at);
    }

    private Node alternation(boolean dotAll) {
      List<Node> alternatives = new ArrayList<>();
      alternatives.add(sequence(dotAll));
      while (more() && peek() == '|') {
        at++;
        alternatives.add(sequence(dotAll));
      }
      return alternatives.size() == 1 ? alternatives.get(0) : new Alternation(alternatives);
    }

    private Node sequence(boolean dotAll) {
      List<Node> items = new ArrayList<>();
      while (more() && peek() != '|' && peek() != ')') {
        Node atom = atom(dotAll);
        items.add(quantified(atom));
      }
      return new Sequence(items);
    }

    private Node quantified(Node atom) {
      if (!more()) return atom;
      int min;
      int max;
      char q = peek();
      if (q == '*') {
        min = 0;
        max = -1;
        at++;
      } else if (q == '+') {
        min = 1;
        max = -1;
        at++;
      } else if (q == '?') {
        min = 0;
        max = 1;
        at++;
      } else if (q == '{') {
        int close = source.indexOf('}', at);
        if (close < 0) throw new Unsupported();
        String[] bounds = source.substring(at + 1, close).split(",", -1);
        try {
          min = Integer.parseInt(bounds[0]);
          max = bounds.length == 1 ? min : bounds[1].isEmpty() ? -1 : Integer.parseInt(bounds[1]);
        } catch (NumberFormatException e) {
          throw new Unsupported();
        }
        if (bounds.length > 2 || (max >= 0 && max < min)) throw new Unsupported();
        at = close + 1;
      } else {
        return atom;
      }
      if (atom instanceof Atom || atom instanceof Lookahead) throw new Unsupported();
      int kind = Repeat.GREEDY;
      if (more() && peek() == '?') {
        kind = Repeat.LAZY;
        at++;
      } else if (more() && peek() == '+') {
        kind = Repeat.POSSESSIVE;
        at++;
      }
      if (more() && "*+?{".indexOf(peek()) >= 0) throw new Unsupported();
      return new Repeat(atom, min, max, kind, q == '?');
    }

    private Node atom(boolean dotAll) {
      char ch = source.charAt(at++);
      switch (ch) {
        case '(':
          return group(dotAll);
        case '[':
          return new Chars(folded(characterClass()));
        case '.': {
          boolean[] set = new boolean[256];
          Arrays.fill(set, true);
          if (!dotAll) set['\n'] = false;
          return new Chars(set);
        }
        case '^':
          return new Atom(BEGIN, 0);
        case '$':
          return new Atom(DOLLAR, 0);
        case '\\':
          return escape();
        case ')':
        case '*':
        case '+':
        case '?':
        case '{':
          throw new Unsupported();
        default:
          return new Chars(folded(single(ch)));
      }
    }

    private Node group(boolean dotAll) {
      Node node;
      if (source.startsWith("?:", at)) {
        at += 2;
        node = new Group(0, alternation(dotAll));
      } else if (source.startsWith("?s:", at)) {
        at += 3;
        node = new Group(0, alternation(true));
      } else if (source.startsWith("?=", at) || source.startsWith("?!", at)) {
        boolean negative = source.charAt(at + 1) == '!';
        at += 2;
        node = new Lookahead(negative, alternation(dotAll));
      } else if (more() && peek() == '?') {
        throw new Unsupported();
      } else {
        int number = ++groups;
        node = new Group(number, alternation(dotAll));
      }
      if (!more() || peek() != ')') throw new Unsupported();
      at++;
      return node;
    }

    private Node escape() {
      if (!more()) throw new Unsupported();
      char ch = source.charAt(at++);
      if (ch >= '1' && ch <= '9') {
        if (more() && Character.isDigit(peek())) throw new Unsupported();
        if (ch - '0' > groups) throw new Unsupported();
        return new Atom(BACKREF, ch - '0');
      }
      switch (ch) {
        case 'b':
          return new Atom(WORD_BOUNDARY, 0);
        case 'B':
          return new Atom(NOT_WORD_BOUNDARY, 0);
        case 'z':
          return new Atom(END, 0);
        default:
          at--;
          return new Chars(folded(escapedSet()));
      }
    }

    /** An escape that stands for characters, at {@code at} (after the backslash). */
    private boolean[] escapedSet() {
      char ch = source.charAt(at++);
      switch (ch) {
        case 'd':
          return range('0', '9');
        case 'D':
          return not(range('0', '9'));
        case 'w':
          return word();
        case 'W':
          return not(word());
        case 's':
          return space();
        case 'S':
          return not(space());
        case 'n':
          return single('\n');
        case 't':
          return single('\t');
        case 'r':
          return single('\r');
        case 'f':
          return single('\f');
        case 'e':
          return single('\u001b');
        case 'a':
          return single('\u0007');
        case 'x': {
          if (!more() || peek() != '{') throw new Unsupported();
          int close = source.indexOf('}', at);
          if (close < 0) throw new Unsupported();
          int code;
          try {
            code = Integer.parseInt(source.substring(at + 1, close), 16);
          } catch (NumberFormatException e) {
            throw new Unsupported();
          }
          at = close + 1;
          return code < 256 ? single(code) : new boolean[256];
        }
        default:
          if (Character.isLetterOrDigit(ch)) throw new Unsupported();
          return single(ch);
      }
    }

    private boolean[] characterClass() {
      boolean negated = more() && peek() == '^';
      if (negated) at++;
      boolean[] set = new boolean[256];
      boolean first = true;
      while (true) {
        if (!more()) throw new Unsupported();
        char ch = peek();
        if (ch == ']' && !first) {
          at++;
          break;
        }
        if (ch == '[' || source.startsWith("&&", at)) throw new Unsupported();
        first = false;
        int low = classCharacter(set);
        if (low < 0) continue; // a class escape such as \d, already added
        if (source.startsWith("-", at) && at + 1 < source.length() && source.charAt(at + 1) != ']') {
          at++;
          int high = classCharacter(null);
          if (high < low) throw new Unsupported();
          for (int x = low; x <= Math.min(high, 255); x++) set[x] = true;
        } else if (low < 256) {
          set[low] = true;
        }
      }
      return negated ? not(folded(set)) : set;
    }

    /**
     * One class member at {@code at}: a character's code (the caller adds it or uses it as a range
     * bound), or -1 after adding a class escape to {@code set} (null: none is allowed here).
     */
    private int classCharacter(boolean[] set) {
      char ch = source.charAt(at++);
      if (ch != '\\') return ch;
      if (!more()) throw new Unsupported();
      char next = peek();
      if ("dDwWsS".indexOf(next) >= 0) {
        if (set == null) throw new Unsupported();
        boolean[] escaped = escapedSet();
        for (int x = 0; x < 256; x++) set[x] |= escaped[x];
        return -1;
      }
      boolean[] single = escapedSet();
      for (int x = 0; x < 256; x++) {
        if (single[x]) return x;
      }
      throw new Unsupported(); // \x{...} above U+00FF
    }

    private static boolean[] single(int ch) {
      boolean[] set = new boolean[256];
      if (ch < 256) set[ch] = true;
      return set;
    }

    private static boolean[] range(int low, int high) {
      boolean[] set = new boolean[256];
      for (int x = low; x <= high; x++) set[x] = true;
      return set;
    }

    private static boolean[] word() {
      boolean[] set = range('a', 'z');
      for (int x = 'A'; x <= 'Z'; x++) set[x] = true;
      for (int x = '0'; x <= '9'; x++) set[x] = true;
      set['_'] = true;
      return set;
    }

    private static boolean[] space() {
      boolean[] set = new boolean[256];
      for (char x : " \t\n\u000b\f\r".toCharArray()) set[x] = true;
      return set;
    }

    private static boolean[] not(boolean[] set) {
      boolean[] out = new boolean[256];
      for (int x = 0; x < 256; x++) out[x] = !set[x];
      return out;
    }

    /** CASE_INSENSITIVE without UNICODE_CASE: an ASCII letter stands for both its cases. */
    private static boolean[] folded(boolean[] set) {
      for (int x = 'a'; x <= 'z'; x++) {
        boolean either = set[x] || set[x - 32];
        set[x] = either;
        set[x - 32] = either;
      }
      return set;
    }
  }

  /** Lays a parsed pattern out as a program. */
  private static final class Compiler {
    /** Repeated bodies are copied once per mandatory or optional pass; beyond this, refused. */
    private static final int MAX_COPIES = 32;

    private int[] ops = new int[64];
    private int[] a = new int[64];
    private int[] b = new int[64];
    private int[] c = new int[64];
    private int size;
    private final List<boolean[]> sets = new ArrayList<>();

    int op(int op, int x, int y, int z) {
      if (size == ops.length) {
        ops = Arrays.copyOf(ops, size * 2);
        a = Arrays.copyOf(a, size * 2);
        b = Arrays.copyOf(b, size * 2);
        c = Arrays.copyOf(c, size * 2);
      }
      ops[size] = op;
      a[size] = x;
      b[size] = y;
      c[size] = z;
      return size++;
    }

    Backtracker build(int groups, boolean[] first) {
      return new Backtracker(Arrays.copyOf(ops, size), Arrays.copyOf(a, size), Arrays.copyOf(b, size),
          Arrays.copyOf(c, size), sets.toArray(new boolean[0][]), groups, first);
    }

    private int set(boolean[] set) {
      for (int i = 0; i < sets.size(); i++) {
        if (Arrays.equals(sets.get(i), set)) return i;
      }
      sets.add(set);
      return sets.size() - 1;
    }

    void emit(Node node) {
      if (node instanceof Chars) {
        op(CHAR, set(((Chars) node).set), 0, 0);
      } else if (node instanceof Sequence) {
        for (Node item : ((Sequence) node).items) emit(item);
      } else if (node instanceof Alternation) {
        alternation(((Alternation) node).alternatives);
      } else if (node instanceof Group) {
        Group group = (Group) node;
        if (group.number > 0) op(SAVE, 2 * group.number, 0, 0);
        emit(group.body);
        if (group.number > 0) op(SAVE, 2 * group.number + 1, 0, 0);
      } else if (node instanceof Lookahead) {
        Lookahead look = (Lookahead) node;
        nested(look.negative ? NEGATIVE_LOOKAHEAD : LOOKAHEAD, look.body);
      } else if (node instanceof Repeat) {
        repeat((Repeat) node);
      } else {
        Atom atom = (Atom) node;
        op(atom.op, atom.argument, 0, 0);
      }
    }

    /** SPLIT to each alternative in turn; each jumps past the rest when it matched. */
    private void alternation(List<Node> alternatives) {
      List<Integer> exits = new ArrayList<>();
      for (int i = 0; i < alternatives.size(); i++) {
        if (i < alternatives.size() - 1) {
          int split = op(SPLIT, size + 1, -1, 0);
          emit(alternatives.get(i));
          exits.add(op(JUMP, -1, 0, 0));
          b[split] = size;
        } else {
          emit(alternatives.get(i));
        }
      }
      for (int exit : exits) a[exit] = size;
    }

    /** A body run on its own from the opcode after this one, to a SUCCEED; b is where to go on. */
    private void nested(int op, Node body) {
      int at = op(op, 0, -1, 0);
      a[at] = size;
      emit(body);
      op(SUCCEED, 0, 0, 0);
      b[at] = size;
    }

    private void repeat(Repeat repeat) {
      Node body = unwrapped(repeat.body);
      if (body instanceof Chars) {
        int kind = repeat.kind == Repeat.GREEDY ? RUN_GREEDY : repeat.kind == Repeat.LAZY ? RUN_LAZY : RUN_POSSESSIVE;
        op(kind, set(((Chars) body).set), repeat.min, repeat.max);
        return;
      }
      // java.util.regex keeps captures of a repeated group its own way, and stops empty loops its own way.
      if (!repeat.question && (repeat.body.captures() || repeat.body.canBeEmpty())) throw new Unsupported();
      if (repeat.kind == Repeat.POSSESSIVE) {
        // java.util.regex takes each pass's first match and never goes back into it (PCRE2 would
        // backtrack among the passes inside the possessive group): so each pass is atomic too.
        if (repeat.body.captures()) throw new Unsupported();
        int at = op(ATOMIC, 0, -1, 0);
        a[at] = size;
        loop(repeat.body, repeat.min, repeat.max, false, true);
        op(SUCCEED, 0, 0, 0);
        b[at] = size;
      } else {
        loop(repeat.body, repeat.min, repeat.max, repeat.kind == Repeat.LAZY, false);
      }
    }

    /** A non-capturing group of one class is that class. */
    private static Node unwrapped(Node node) {
      while (true) {
        if (node instanceof Group && ((Group) node).number == 0) {
          node = ((Group) node).body;
        } else if (node instanceof Sequence && ((Sequence) node).items.size() == 1) {
          node = ((Sequence) node).items.get(0);
        } else {
          return node;
        }
      }
    }

    private void loop(Node body, int min, int max, boolean lazy, boolean atomicPasses) {
      if (min > MAX_COPIES || (max >= 0 && max - min > MAX_COPIES)) throw new Unsupported();
      for (int i = 0; i < min; i++) pass(body, atomicPasses);
      if (max < 0) {
        int split = op(SPLIT, -1, -1, 0);
        int bodyStart = size;
        pass(body, atomicPasses);
        op(JUMP, split, 0, 0);
        choose(split, bodyStart, size, lazy);
      } else {
        List<Integer> splits = new ArrayList<>();
        for (int i = min; i < max; i++) {
          int split = op(SPLIT, -1, -1, 0);
          splits.add(split);
          choose(split, size, -1, lazy);
          pass(body, atomicPasses);
        }
        for (int split : splits) {
          if (lazy) a[split] = size;
          else b[split] = size;
        }
      }
    }

    private void pass(Node body, boolean atomic) {
      if (atomic) nested(ATOMIC, body);
      else emit(body);
    }

    /** A SPLIT that prefers another pass over the body (greedy) or going on (lazy). */
    private void choose(int split, int bodyStart, int exit, boolean lazy) {
      if (lazy) {
        a[split] = exit;
        b[split] = bodyStart;
      } else {
        a[split] = bodyStart;
        b[split] = exit;
      }
    }
  }
}
