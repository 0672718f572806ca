package dev.ossecaws.pattern;

import java.util.List;

/**
 * A compiled OSSEC pattern of one flavour (spec/regex.md). Immutable and thread-safe.
 *
 * <p>Subjects are byte strings: one {@code char} per byte (ISO-8859-1), as events are kept.
 * Offsets are byte offsets. {@link #toString()} gives back the source pattern.
 */
public abstract class OsPattern {
  /** The "regex" flavour: decoder prematch/regex, rule regex, dynamic fields. */
  public static OsPattern regex(String source) throws PatternException {
    throw new UnsupportedOperationException("OsPattern.regex: being written (issue 2)");
  }

  /** The "match" flavour: rule match, program_name, hostname, user and the like. */
  public static OsPattern match(String source) throws PatternException {
    throw new UnsupportedOperationException("OsPattern.match: being written (issue 2)");
  }

  /** The "pcre2" flavour: every {@code *_pcre2} element. */
  public static OsPattern pcre2(String source) throws PatternException {
    throw new UnsupportedOperationException("OsPattern.pcre2: being written (issue 2)");
  }

  /** OSSEC's word match, used only by {@code <if_group>} at load time. */
  public static boolean wordMatch(String source, String subject) {
    throw new UnsupportedOperationException("OsPattern.wordMatch: being written (issue 2)");
  }

  /** Whether the pattern matches anywhere in {@code subject}. */
  public abstract boolean matches(String subject);

  /** The first match in {@code subject} starting the search at byte {@code from}, or null. */
  public abstract Match find(String subject, int from);

  /** A successful match: where it ends, and its compacted captures (spec/regex.md §2.7). */
  public record Match(int end, List<String> captures) {}
}
