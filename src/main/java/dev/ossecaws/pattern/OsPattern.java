package dev.ossecaws.pattern;

import java.util.List;

/**
 * A compiled OSSEC pattern of one flavour (spec/regex.md). Immutable and thread-safe.
 *
 * <p>Subjects are byte strings: one {@code char} per byte (ISO-8859-1), as events are kept.
 * Offsets are byte offsets. {@link #toString()} gives back the source pattern.
 *
 * <p>Searching from an offset behaves as OSSEC handing the matcher the suffix that starts there:
 * {@code ^} anchors at {@code from}, and nothing before it is visible, not even to a lookbehind.
 */
public abstract class OsPattern {
  private final String source;

  OsPattern(String source) {
    this.source = source;
  }

  /** The "regex" flavour: decoder prematch/regex, rule regex, dynamic fields. */
  public static OsPattern regex(String source) throws PatternException {
    return PatternCompiler.regex(source);
  }

  /** The "match" flavour: rule match, program_name, hostname, user and the like. */
  public static OsPattern match(String source) throws PatternException {
    return PatternCompiler.match(source);
  }

  /** The "pcre2" flavour: every {@code *_pcre2} element. */
  public static OsPattern pcre2(String source) throws PatternException {
    return PatternCompiler.pcre2(source);
  }

  /** OSSEC's word match, used only by {@code <if_group>} at load time. */
  public static boolean wordMatch(String source, String subject) {
    return WordMatch.matches(source, subject);
  }

  /** Whether the pattern matches anywhere in {@code subject}. */
  public boolean matches(String subject) {
    return find(subject, 0) != null;
  }

  /**
   * The first match in {@code subject} starting the search at byte {@code from}, or null. The end
   * offset is a byte offset into the whole {@code subject}.
   */
  public abstract Match find(String subject, int from);

  /**
   * Whether OSSEC serves this pattern by its literal fast path, without a regex and so without any
   * capture buffer: a decoder {@code <regex>} like that fails to load ("Missing sub_strings").
   */
  public abstract boolean isLiteral();

  @Override
  public final String toString() {
    return source;
  }

  static void checkFrom(String subject, int from) {
    if (from < 0 || from > subject.length()) {
      throw new IndexOutOfBoundsException("from " + from + " outside a subject of " + subject.length() + " bytes");
    }
  }

  /** A successful match: where it ends, and its compacted captures (spec/regex.md §2.7). */
  public record Match(int end, List<String> captures) {}
}
