package dev.ossecaws.pattern;

import java.util.Arrays;
import java.util.List;
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

  JavaRegex(String source, RequiredLiteral.Literals literals) {
    super(source);
    this.literals = literals;
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
  final Matcher searchWhole(Pattern pattern, String text) {
    Needle[] leading = literals.leading();
    if (leading == null) return searchFrom(pattern, text, 0);
    int[] next = new int[leading.length];
    for (int i = 0; i < leading.length; i++) next[i] = SubjectCache.indexOf(text, leading[i], 0);
    Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    try {
      while (true) {
        int start = -1;
        for (int at : next) {
          if (at >= 0 && (start < 0 || at < start)) start = at;
        }
        if (start < 0) return null;
        if (matcher.region(start, text.length()).lookingAt()) return matcher;
        for (int i = 0; i < leading.length; i++) {
          if (next[i] == start) next[i] = SubjectCache.indexOf(text, leading[i], start + 1);
        }
      }
    } catch (StackOverflowError e) {
      return null; // as in search
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
    String[] captures = new String[Math.min(matcher.groupCount(), MAX_CAPTURES)];
    int count = 0;
    for (int group = 1; group <= matcher.groupCount() && count < MAX_CAPTURES; group++) {
      int start = matcher.start(group);
      if (start < 0) continue;
      captures[count++] = bytes.substring(
          toByte(start, base, byteOffsets), toByte(matcher.end(group), base, byteOffsets));
    }
    List<String> values = count == 0 ? List.of() : List.of(Arrays.copyOf(captures, count));
    return new Match(toByte(matcher.end(), base, byteOffsets), values);
  }

  private static int toByte(int textOffset, int base, int[] byteOffsets) {
    return byteOffsets == null ? textOffset : base + byteOffsets[textOffset];
  }
}
