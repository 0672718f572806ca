package dev.ossecaws.pattern;

/**
 * A literal that patterns look for in subjects (a required or leading run, {@link RequiredLiteral}),
 * with what {@link SubjectCache} needs to rule it out of a subject without searching: its
 * overlapping three-byte windows, packed into ints. Lower case (A-Z folded), printable ASCII.
 */
final class Needle {
  final String text;
  /** Each three-byte window of the text, its bytes in the low 24 bits; empty if shorter. */
  final int[] trigrams;

  Needle(String lowerCase) {
    this.text = lowerCase;
    int n = lowerCase.length();
    trigrams = new int[Math.max(n - 2, 0)];
    int window = 0;
    for (int i = 0; i < n; i++) {
      window = SubjectCache.slide(window, lowerCase.charAt(i));
      if (i >= 2) trigrams[i - 2] = window;
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
