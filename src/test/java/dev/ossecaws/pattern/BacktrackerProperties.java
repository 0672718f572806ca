package dev.ossecaws.pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Our machine answers as java.util.regex does, compiled as {@link PatternCompiler} compiles
 * (caseless ASCII, Unix lines): the same match and the same groups, for a search from an offset
 * with Java's default bounds and for an attempt at one offset with transparent, non-anchoring
 * bounds. Patterns are random ones in the syntax {@link Pcre2Syntax} writes, over a few
 * characters, so that they match often and backtrack a lot; the machine may refuse a pattern,
 * never answer differently. Except where PCRE2 and Java part: a capture inside a lookahead is
 * undone by PCRE2 when the match backtracks past the lookahead, and kept by Java, so for patterns
 * with one only the match itself is compared (and not at all with a backreference, which may
 * read such a group).
 */
class BacktrackerProperties {
  private static final String SUBJECT_CHARACTERS = "abAB,\" 1\n\u00e9_";

  @Property(tries = 20000)
  void answersAsJavaUtilRegex(@ForAll long seed) {
    Random random = new Random(seed);
    Generator generator = new Generator(random);
    String java = generator.pattern();
    boolean javaKeepsCaptures = generator.capturesInLookahead;
    if (javaKeepsCaptures && generator.backreferences) return;
    Pattern pattern;
    try {
      pattern = Pattern.compile(java, Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES);
    } catch (PatternSyntaxException e) {
      return; // the generator wrote something Java refuses (a quantified lookahead, say)
    }
    Backtracker machine = Backtracker.compile(java);
    if (machine == null) return;
    for (int i = 0; i < 12; i++) {
      String subject = subject(random);
      for (int from = 0; from <= Math.min(2, subject.length()); from++) {
        String what = "'" + java + "' on '" + subject + "' from " + from;
        Matcher found = pattern.matcher(subject).region(from, subject.length());
        assertArrayEquals(found.find() ? groups(found, javaKeepsCaptures) : null,
            compared(machine.find(subject, from), javaKeepsCaptures), "find " + what);
        Matcher at = pattern.matcher(subject).useTransparentBounds(true).useAnchoringBounds(false)
            .region(from, subject.length());
        assertArrayEquals(at.lookingAt() ? groups(at, javaKeepsCaptures) : null,
            compared(machine.matchAt(subject, from, 0), javaKeepsCaptures), "at " + what);
      }
    }
  }

  private static String subject(Random random) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(11);
    for (int i = 0; i < length; i++) out.append(SUBJECT_CHARACTERS.charAt(random.nextInt(SUBJECT_CHARACTERS.length())));
    return out.toString();
  }

  /** Java's groups, or the match alone. */
  private static int[] groups(Matcher matcher, boolean matchOnly) {
    if (matchOnly) return new int[] {matcher.start(), matcher.end()};
    int[] groups = new int[2 * (matcher.groupCount() + 1)];
    for (int group = 0; group <= matcher.groupCount(); group++) {
      groups[2 * group] = matcher.start(group);
      groups[2 * group + 1] = matcher.end(group);
    }
    return groups;
  }

  private static int[] compared(int[] groups, boolean matchOnly) {
    return groups == null || !matchOnly ? groups : new int[] {groups[0], groups[1]};
  }

  /** Random patterns, nested a few levels, in the translator's syntax. */
  private static final class Generator {
    private static final String[] ATOMS = {
      "a", "b", "A", "\\,", "\\\"", " ", "1", "\u00e9", "[ab]", "[^a]", "[^\\x{22}]", "[a-b1]", "[^\\x{22}\\x{5c}]",
      "\\d", "\\w", "\\s", "\\S", "\\W", ".", "(?s:.)", "\\x{41}", "\\n",
    };
    private static final String[] ASSERTIONS = {"^", "$", "\\b", "\\B", "\\z"};
    private static final String[] QUANTIFIERS = {"*", "+", "?", "{1,2}", "{2}", "{0,1}", "{2,}"};
    private static final String[] KINDS = {"", "", "?", "+"};

    private final Random random;
    private int groups;
    private int lookaheads;
    boolean capturesInLookahead;
    boolean backreferences;

    Generator(Random random) {
      this.random = random;
    }

    String pattern() {
      return alternation(3);
    }

    private String alternation(int depth) {
      StringBuilder out = new StringBuilder(sequence(depth));
      while (random.nextInt(4) == 0) out.append('|').append(sequence(depth));
      return out.toString();
    }

    private String sequence(int depth) {
      StringBuilder out = new StringBuilder();
      int items = random.nextInt(4);
      for (int i = 0; i < items; i++) out.append(item(depth));
      return out.toString();
    }

    private String item(int depth) {
      int choice = random.nextInt(depth > 0 ? 10 : 7);
      String atom;
      if (choice < 5) {
        atom = ATOMS[random.nextInt(ATOMS.length)];
      } else if (choice == 5) {
        return ASSERTIONS[random.nextInt(ASSERTIONS.length)];
      } else if (choice == 6) {
        if (groups == 0) return "a";
        backreferences = true;
        return "\\" + (1 + random.nextInt(groups));
      } else if (choice == 7) {
        if (lookaheads > 0) capturesInLookahead = true;
        atom = "(" + alternation(depth - 1) + ")";
        groups++;
      } else if (choice == 8) {
        atom = "(?:" + alternation(depth - 1) + ")";
      } else {
        lookaheads++;
        String lookahead = (random.nextBoolean() ? "(?=" : "(?!") + alternation(depth - 1) + ")";
        lookaheads--;
        return lookahead;
      }
      if (random.nextInt(3) == 0) atom += QUANTIFIERS[random.nextInt(QUANTIFIERS.length)] + KINDS[random.nextInt(KINDS.length)];
      return atom;
    }
  }
}
