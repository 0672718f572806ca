package dev.ossecaws.pattern;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * What every pattern tried on a subject asks of it: where a literal occurs, A-Z folded (for the
 * required and leading literals), and whether it is ASCII (for the flavours that search ASCII
 * subjects as they are). For a long subject both come from a lower-case copy and the offset of its
 * last non-ASCII byte, computed once: the patterns of one event ask about the same few strings (its
 * full log, its log) in turn, so each thread keeps its last four.
 */
final class SubjectCache {
  private static final int SIZE = 4;
  /**
   * Subjects shorter than this (field values, most syslog messages) are scanned in place: copying
   * one costs more than the few scans it would spare.
   */
  private static final int SHORT = 128;
  private static final ThreadLocal<Entry[]> RECENT = ThreadLocal.withInitial(() -> new Entry[SIZE]);

  private SubjectCache() {}

  /** Where {@code lowerLiteral} first occurs in {@code subject} at or after {@code from}, A-Z folded; -1 if nowhere. */
  static int indexOf(String subject, String lowerLiteral, int from) {
    if (subject.length() >= SHORT) return entry(subject).lowered.indexOf(lowerLiteral, from);
    for (int at = Math.max(from, 0), last = subject.length() - lowerLiteral.length(); at <= last; at++) {
      if (Literal.regionEqualsIgnoreAsciiCase(subject, at, lowerLiteral)) return at;
    }
    return -1;
  }

  /** Whether {@code subject} from {@code from} on is ASCII. */
  static boolean isAscii(String subject, int from) {
    if (subject.length() >= SHORT) return entry(subject).lastNonAscii < from;
    for (int i = from; i < subject.length(); i++) {
      if (subject.charAt(i) >= 0x80) return false;
    }
    return true;
  }

  private static Entry entry(String subject) {
    Entry[] recent = RECENT.get();
    for (Entry entry : recent) {
      if (entry != null && entry.subject == subject) return entry;
    }
    Entry entry = new Entry(subject);
    System.arraycopy(recent, 0, recent, 1, SIZE - 1);
    recent[0] = entry;
    return entry;
  }

  /**
   * One subject's facts, read through ISO-8859-1 bytes: subjects are byte strings, and a copy of
   * bytes is far cheaper than one of chars. A char above U+00FF becomes '?' in the lowered copy,
   * which cannot hide an occurrence of an ASCII literal, only show a candidate the regex refuses;
   * it counts as non-ASCII.
   */
  private static final class Entry {
    final String subject;
    final String lowered;
    /** The offset of the last non-ASCII char, -1 if none. */
    final int lastNonAscii;

    Entry(String subject) {
      this.subject = subject;
      byte[] bytes = subject.getBytes(ISO_8859_1);
      boolean changed = false;
      int lastNonAscii = -1;
      for (int i = 0; i < bytes.length; i++) {
        byte b = bytes[i];
        if (b >= 'A' && b <= 'Z') {
          bytes[i] = (byte) (b + ('a' - 'A'));
          changed = true;
        } else if (b < 0 || (b == '?' && subject.charAt(i) != '?')) {
          lastNonAscii = i;
        }
      }
      this.lowered = changed ? new String(bytes, ISO_8859_1) : subject;
      this.lastNonAscii = lastNonAscii;
    }
  }
}
