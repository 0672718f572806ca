package dev.ossecaws.pattern;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.Arrays;

/**
 * What every pattern tried on a subject asks of it: where a literal ({@link Needle}) occurs, A-Z
 * folded, and whether the subject is ASCII (for the flavours that search ASCII subjects as they
 * are). The patterns of one event ask about the same few strings (its full log, its log, a field)
 * dozens of times, and most of the literals they ask for are not there: so each subject is read
 * once into a summary, its three-byte windows hashed into a bitmap, and a literal with a window
 * the subject lacks is absent without a search. The rest (and literals of one or two bytes) are
 * searched on a lower-case copy made once. Each thread keeps its last four subjects' summaries.
 */
final class SubjectCache {
  private static final int SIZE = 4;
  /** Window bits per subject byte: an absent window then passes for present one time in 16. */
  private static final int BITS_PER_BYTE = 16;
  private static final int MIN_BITS_LOG2 = 9;
  private static final int MAX_BITS_LOG2 = 22;
  /** Fibonacci hashing: the golden ratio's multiplier spreads the windows over the top bits. */
  private static final int HASH = 0x9E3779B1;
  private static final ThreadLocal<Entry[]> RECENT = ThreadLocal.withInitial(() -> {
    Entry[] entries = new Entry[SIZE];
    for (int i = 0; i < SIZE; i++) entries[i] = new Entry();
    return entries;
  });

  private SubjectCache() {}

  /**
   * Where {@code needle} first occurs in {@code subject} at or after {@code from}, A-Z folded; -1
   * if nowhere. A char above U+00FF reads as '?' (see {@link Entry}).
   */
  static int indexOf(String subject, Needle needle, int from) {
    Entry entry = entry(subject);
    return entry.mayHold(needle) ? entry.lowered().indexOf(needle.text, from) : -1;
  }

  /** Whether {@code subject} from {@code from} on is ASCII. */
  static boolean isAscii(String subject, int from) {
    return entry(subject).lastNonAscii < from;
  }

  /** The three-byte window after {@code b}, an A-Z folded byte, enters it: the window's bytes in its low 24 bits. */
  static int slide(int window, int b) {
    return ((window << 8) | b) & 0xFFFFFF;
  }

  private static Entry entry(String subject) {
    Entry[] recent = RECENT.get();
    for (Entry entry : recent) {
      if (entry.subject == subject) return entry;
    }
    Entry entry = recent[SIZE - 1];
    System.arraycopy(recent, 0, recent, 1, SIZE - 1);
    recent[0] = entry;
    entry.summarise(subject);
    return entry;
  }

  /**
   * One subject's summary, read through its ISO-8859-1 bytes (a copy of bytes is far cheaper than
   * one of chars). A char above U+00FF becomes '?', which cannot hide an occurrence of an ASCII
   * literal, only let an absent one through to the search or show a candidate the regex refuses.
   * Entries are reused, their bitmap with them.
   */
  private static final class Entry {
    String subject;
    /** The offset of the last non-ASCII char, -1 if none. */
    int lastNonAscii;
    private long[] windows = new long[1 << (MIN_BITS_LOG2 - 6)];
    /** 32 minus the bitmap's size in bits as a power of two: a window's bit is its hash's top bits. */
    private int shift;
    /** The subject's bytes with A-Z lowered, null if they are the subject's chars; as a String once a search needs it. */
    private byte[] folded;
    private String lowered;

    void summarise(String subject) {
      this.subject = subject;
      lowered = null;
      int n = subject.length();
      int log2 = 32 - Integer.numberOfLeadingZeros(Math.max(n * BITS_PER_BYTE - 1, 1));
      log2 = Math.min(Math.max(log2, MIN_BITS_LOG2), MAX_BITS_LOG2);
      int words = 1 << (log2 - 6);
      if (windows.length < words) windows = new long[words];
      else Arrays.fill(windows, 0, words, 0L);
      long[] windows = this.windows;
      int shift = 32 - log2;
      this.shift = shift;
      byte[] folded = subject.getBytes(ISO_8859_1);
      boolean changed = false;
      int last = -1;
      int window = 0;
      for (int i = 0; i < folded.length; i++) {
        int b = folded[i] & 0xFF;
        if (b >= 'A' && b <= 'Z') {
          b += 'a' - 'A';
          folded[i] = (byte) b;
          changed = true;
        } else if (b >= 0x80) {
          last = i;
        } else if (b == '?' && subject.charAt(i) != '?') {
          last = i;
          changed = true; // the copy reads '?' there, and so must every search
        }
        window = slide(window, b);
        if (i >= 2) {
          int bit = (window * HASH) >>> shift;
          windows[bit >>> 6] |= 1L << bit;
        }
      }
      this.folded = changed ? folded : null;
      lastNonAscii = last;
    }

    /** False when {@code needle} cannot occur in the subject; true when it may. */
    boolean mayHold(Needle needle) {
      for (int trigram : needle.trigrams) {
        int bit = (trigram * HASH) >>> shift;
        if ((windows[bit >>> 6] & (1L << bit)) == 0) return false;
      }
      return true;
    }

    String lowered() {
      if (lowered == null) lowered = folded == null ? subject : new String(folded, ISO_8859_1);
      return lowered;
    }
  }
}
