package dev.ossecaws.pattern;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The summary may let an absent literal through to the search, never refuse a present one: every
 * answer equals a plain A-Z-folded search of the subject's ISO-8859-1 bytes (a char above U+00FF
 * reads as '?'), on short and long subjects.
 */
class SubjectCacheProperties {
  @Property(tries = 2000)
  void indexOfFindsWhatAFoldedSearchFinds(
      @ForAll("subjects") String subject, @ForAll("literals") String literal, @ForAll @IntRange(max = 8) int from) {
    int start = Math.min(from, subject.length());
    String bytes = new String(subject.getBytes(ISO_8859_1), ISO_8859_1);
    assertEquals(foldedIndexOf(bytes, literal, start), SubjectCache.indexOf(subject, new Needle(literal), start),
        () -> "'" + literal + "' in '" + subject + "' from " + start);
  }

  @Property(tries = 500)
  void isAsciiTellsWhetherEveryCharFromTheOffsetIsBelow128(
      @ForAll("subjects") String subject, @ForAll @IntRange(max = 300) int from) {
    int start = Math.min(from, subject.length());
    assertEquals(subject.substring(start).chars().allMatch(c -> c < 0x80), SubjectCache.isAscii(subject, start));
  }

  /** Few distinct characters, so that literals often occur; some subjects long, in more than one bitmap size. */
  @Provide
  Arbitrary<String> subjects() {
    Arbitrary<Character> characters = Arbitraries.of('a', 'b', 'A', 'B', '?', ' ', '\u00e9', '\u0161', '\u0141', '\u0100');
    Arbitrary<String> shortOnes = characters.list().ofMaxSize(12).map(SubjectCacheProperties::joined);
    Arbitrary<String> longOnes = characters.list().ofMinSize(100).ofMaxSize(400).map(SubjectCacheProperties::joined);
    return Arbitraries.oneOf(shortOnes, shortOnes, longOnes);
  }

  /** Lower-case printable ASCII, as {@link RequiredLiteral} makes them; 'a' is what U+0161 and U+0141 cut to a byte read as. */
  @Provide
  Arbitrary<String> literals() {
    return Arbitraries.of('a', 'b', '?', ' ', 'q').list().ofMinSize(1).ofMaxSize(5).map(SubjectCacheProperties::joined);
  }

  private static String joined(java.util.List<Character> characters) {
    StringBuilder out = new StringBuilder();
    characters.forEach(out::append);
    return out.toString();
  }

  private static int foldedIndexOf(String subject, String lowerLiteral, int from) {
    for (int at = from; at + lowerLiteral.length() <= subject.length(); at++) {
      if (Literal.regionEqualsIgnoreAsciiCase(subject, at, lowerLiteral)) return at;
    }
    return -1;
  }
}
