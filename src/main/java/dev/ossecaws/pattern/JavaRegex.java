package dev.ossecaws.pattern;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern run by {@code java.util.regex} after translation from PCRE2 syntax. Subclasses say how a
 * byte string becomes the text the regex sees.
 */
abstract class JavaRegex extends OsPattern {
  /** At most this many captured values are copied out per match (spec/regex.md §2.4). */
  static final int MAX_CAPTURES = 64;

  /** What every match contains and starts with, as far as the pattern tells. */
  private final RequiredLiteral.Literals literals;
  /** The pattern for subjects searched as they are: every subject, or the ASCII ones. */
  private final Pattern asIs;
  /**
   * Our own machine for {@link #asIs}, built on first use (a one-line logtest loads some 1,300
   * patterns and searches a few); null when it does not run that pattern. Racy but safe: a thread
   * that sees no machine yet builds its own or uses Java's.
   */
  private Backtracker machine;
  private boolean machineBuilt;

  JavaRegex(String source, Pattern asIs, RequiredLiteral.Literals literals) {
    super(source);
    this.asIs = asIs;
    this.literals = literals;
  }

  private Backtracker machine() {
    if (!machineBuilt) {
      machine = Backtracker.compile(asIs.pattern());
      machineBuilt = true;
    }
    return machine;
  }

  /** Whether {@code subject}, searched as it is from 0, holds a match: by our machine when it runs the pattern. */
  final boolean matchesAsIs(String subject) {
    Backtracker machine = machine();
    return machine != null ? searchWhole(machine, subject) != null : searchWhole(asIs, subject) != null;
  }

  /** The first match in {@code subject}, searched as it is from {@code from}; null if none. */
  final Match findAsIs(String subject, int from) {
    Backtracker machine = machine();
    if (machine != null) {
      int[] groups = from == 0 ? searchWhole(machine, subject) : searchFrom(machine, subject, from);
      return groups == null ? null : toMatch(groups, subject, 0, null);
    }
    Matcher matcher = from == 0 ? searchWhole(asIs, subject) : searchFrom(asIs, subject, from);
    return matcher == null ? null : toMatch(matcher, subject, 0, null);
  }

  /** Whether a match may start at or after {@code from}: false when every required literal is absent. */
  final boolean mayMatch(String subject, int from) {
    return RequiredLiteral.isIn(subject, from, literals.required());
  }

  /**
   * Searches {@code text}, the whole subject, as {@link #search} does from 0. A pattern whose every
   * alternative starts with a literal is tried only where one occurs ({@link SubjectCache#indexOf}):
   * no match can start elsewhere, and Java's search would try each position in between. Each
   * literal's next occurrence is looked for again only once the search has passed it. Transparent,
   * non-anchoring bounds keep {@code ^} and lookbehinds seeing the whole text, as in a search from 0.
   */
  private Matcher searchWhole(Pattern pattern, String text) {
    if (literals.leading() == null) return searchFrom(pattern, text, 0);
    Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    try {
      return atLeadingLiterals(text, start -> matcher.region(start, text.length()).lookingAt() ? matcher : null);
    } catch (StackOverflowError e) {
      return null; // as in search
    }
  }

  /** {@link #searchWhole(Pattern, String)} run by {@code machine}: its groups, or null. */
  private int[] searchWhole(Backtracker machine, String text) {
    if (literals.leading() == null) return searchFrom(machine, text, 0);
    return atLeadingLiterals(text, start -> machine.matchAt(text, start, 0));
  }

  /** The first non-null answer of {@code attempt} at the places where a leading literal occurs, in order. */
  private <T> T atLeadingLiterals(String text, IntFunction<T> attempt) {
    Needle[] leading = literals.leading();
    int[] next = new int[leading.length];
    for (int i = 0; i < leading.length; i++) next[i] = SubjectCache.indexOf(text, leading[i], 0);
    while (true) {
      int start = -1;
      for (int at : next) {
        if (at >= 0 && (start < 0 || at < start)) start = at;
      }
      if (start < 0) return null;
      T found = attempt.apply(start);
      if (found != null) return found;
      for (int i = 0; i < leading.length; i++) {
        if (next[i] == start) next[i] = SubjectCache.indexOf(text, leading[i], start + 1);
      }
    }
  }

  @Override
  public final boolean isLiteral() {
    return false;
  }

  /**
   * Searches {@code text} from {@code from}, as {@link #search} does; a pattern anchored by its
   * {@code ^} is tried at {@code from} alone, where Java's search would try every position.
   */
  final Matcher searchFrom(Pattern pattern, CharSequence text, int from) {
    if (!literals.anchored()) return search(pattern, text, from);
    Matcher matcher = pattern.matcher(text).region(from, text.length());
    try {
      return matcher.lookingAt() ? matcher : null;
    } catch (StackOverflowError e) {
      return null; // as in search
    }
  }

  /** {@link #searchFrom(Pattern, CharSequence, int)} run by {@code machine}: its groups, or null. */
  private int[] searchFrom(Backtracker machine, String text, int from) {
    return literals.anchored() ? machine.matchAt(text, from, from) : machine.find(text, from);
  }

  /**
   * Searches {@code text} from {@code from} to its end. Java's default opaque, anchoring region
   * bounds give PCRE2's view of a suffix: {@code ^} and lookbehinds see nothing before {@code from}.
   */
  static Matcher search(Pattern pattern, CharSequence text, int from) {
    Matcher matcher = pattern.matcher(text).region(from, text.length());
    try {
      return matcher.find() ? matcher : null;
    } catch (StackOverflowError e) {
      // PCRE2 stops at its match/heap limits and reports an error, which OSSEC reads as "no match".
      return null;
    }
  }

  /**
   * The match's end and compacted captures (§2.7) as byte offsets and byte strings of {@code bytes}.
   * {@code byteOffsets} maps text offsets to byte offsets relative to {@code base}; null means the
   * text is {@code bytes} itself.
   */
  static Match toMatch(Matcher matcher, String bytes, int base, int[] byteOffsets) {
    int[] groups = new int[2 * (matcher.groupCount() + 1)];
    for (int group = 0; group <= matcher.groupCount(); group++) {
      groups[2 * group] = matcher.start(group);
      groups[2 * group + 1] = matcher.end(group);
    }
    return toMatch(groups, bytes, base, byteOffsets);
  }

  /** The same of a match's group offsets: start and end of each, group 0 first, -1 where unset. */
  private static Match toMatch(int[] groups, String bytes, int base, int[] byteOffsets) {
    int groupCount = groups.length / 2 - 1;
    String[] captures = new String[Math.min(groupCount, MAX_CAPTURES)];
    int count = 0;
    for (int group = 1; group <= groupCount && count < MAX_CAPTURES; group++) {
      int start = groups[2 * group];
      if (start < 0) continue;
      captures[count++] = bytes.substring(
          toByte(start, base, byteOffsets), toByte(groups[2 * group + 1], base, byteOffsets));
    }
    List<String> values = count == 0 ? List.of() : List.of(Arrays.copyOf(captures, count));
    return new Match(toByte(groups[1], base, byteOffsets), values);
  }

  private static int toByte(int textOffset, int base, int[] byteOffsets) {
    return byteOffsets == null ? textOffset : base + byteOffsets[textOffset];
  }
}
