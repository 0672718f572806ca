package dev.ossecaws.pattern;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PCRE2's auto-possessification, which java.util.regex lacks: a repeated single character whose
 * continuation cannot start with any character it matches ({@code \S+ }, {@code (\d+)-}) never
 * gains by backtracking, so it is made possessive. The match is the same; a failing search no
 * longer tries every split, which on long lines is the difference between linear and polynomial.
 *
 * <p>The translator reports what it emits, token by token; character sets are taken from Java
 * itself over the alphabet the subjects use (bytes, or ASCII for UTF patterns on ASCII subjects).
 */
final class AutoPossessive {
  private static final Map<String, BitSet> SETS = new ConcurrentHashMap<>();

  private final StringBuilder out;
  private int alphabet;
  /** Characters of the single-character item just emitted, or null. */
  private BitSet item;
  /** A repeat that may become possessive, waiting for what follows it, or null. */
  private Repeat pending;
  /** A repeat followed by a disjoint item, possessive unless that item turns out optional. */
  private Repeat confirming;

  private static final class Repeat {
    final BitSet set;
    int end;
    boolean lazy;

    Repeat(BitSet set, int end) {
      this.set = set;
      this.end = end;
    }
  }

  /** Watches {@code out}; {@code alphabet} is 256, 128, or 0 to do nothing. */
  AutoPossessive(StringBuilder out, int alphabet) {
    this.out = out;
    this.alphabet = alphabet;
  }

  /** Option settings change what items match; from there on nothing is rewritten. */
  void stop() {
    confirm();
    alphabet = 0;
    pending = null;
    item = null;
  }

  /** An item matching exactly one character was emitted from {@code start}. */
  void singleCharacter(int start) {
    if (alphabet == 0) return;
    BitSet set = SETS.computeIfAbsent(alphabet + ":" + out.substring(start), AutoPossessive::characters);
    confirm();
    if (pending != null && !pending.set.intersects(set)) confirming = pending;
    pending = null;
    item = set;
  }

  /** A quantifier was emitted; it repeats the last item, and {@code optional} if it allows none. */
  void quantifier(boolean optional) {
    if (optional) confirming = null;
    confirm();
    pending = item == null ? null : new Repeat(item, out.length());
    item = null;
  }

  /** A {@code ?} (lazy) or {@code +} (already possessive) was emitted after a quantifier. */
  void quantifierMode(char mode) {
    if (pending == null) return;
    if (mode == '+') {
      pending = null;
    } else {
      pending.lazy = true;
      pending.end = out.length();
    }
  }

  /** A group closed; only a plain or capturing group lets a repeat see what follows it. */
  void groupClosed(boolean transparent) {
    confirm();
    if (!transparent) pending = null;
    item = null;
  }

  /** The end of the pattern or of a top-level alternative: a greedy repeat there takes all anyway. */
  void branchEnd() {
    confirm();
    if (pending != null && !pending.lazy) makePossessive(pending);
    pending = null;
    item = null;
  }

  /** Anything else: assertions, backreferences, group openings, inner alternatives. */
  void other() {
    confirm();
    pending = null;
    item = null;
  }

  private void confirm() {
    if (confirming != null) makePossessive(confirming);
    confirming = null;
  }

  private void makePossessive(Repeat repeat) {
    if (repeat.lazy) {
      out.setCharAt(repeat.end - 1, '+');
    } else {
      out.insert(repeat.end, '+');
    }
  }

  private static BitSet characters(String key) {
    int colon = key.indexOf(':');
    int alphabet = Integer.parseInt(key.substring(0, colon));
    String item = key.substring(colon + 1);
    BitSet set = new BitSet(alphabet);
    if (isPlainCharacter(item)) {
      char c = item.charAt(item.length() - 1);
      set.set(Character.toLowerCase(c));
      set.set(Character.toUpperCase(c));
      return set;
    }
    Matcher matcher = Pattern.compile(item, Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES).matcher("");
    for (int c = 0; c < alphabet; c++) {
      if (matcher.reset(String.valueOf((char) c)).matches()) set.set(c);
    }
    return set;
  }

  /** A letter, digit or space, or a backslash and ASCII punctuation: the translator's literals. */
  private static boolean isPlainCharacter(String item) {
    if (item.length() == 1) {
      char c = item.charAt(0);
      return c < 0x80 && (Character.isLetterOrDigit(c) || c == ' ');
    }
    return item.length() == 2 && item.charAt(0) == '\\' && item.charAt(1) > 0x20 && item.charAt(1) < 0x7F
        && !Character.isLetterOrDigit(item.charAt(1));
  }
}
