package dev.ossecaws.pattern;

import static dev.ossecaws.pattern.OsPatternTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OsPatternProperties {
  /** Fast-path characters and a few non-ASCII ones, none a case partner of an ASCII letter. */
  private static final String SUBJECT_CHARACTERS = "abAB1 :-<\u00e9\u00c9\u20ac\ud83d\ude00";

  @Property(tries = 300)
  void fastPathAgreesWithTheRegexPathOnValidUtf8(
      @ForAll("literals") String literal, @ForAll("subjects") String subject, @ForAll("anchors") String anchors)
      throws PatternException {
    String start = anchors.startsWith("^") ? "^" : "";
    String end = anchors.endsWith("$") ? "$" : "";
    OsPattern fast = OsPattern.regex(start + literal + end);
    OsPattern viaRegex = OsPattern.regex(start + "(" + literal + ")" + end);
    assertTrue(fast.isLiteral());

    OsPattern.Match expected = viaRegex.find(subject, 0);
    OsPattern.Match actual = fast.find(subject, 0);
    assertEquals(expected == null, actual == null);
    if (expected != null) assertEquals(expected.end(), actual.end());
  }

  @Property(tries = 300)
  void everyTableEscapeTranslatesAndRuns(@ForAll("regexSources") String source, @ForAll("subjects") String subject)
      throws PatternException {
    OsPattern pattern = OsPattern.regex(source);
    OsPattern.Match match = pattern.find(subject, 0);
    assertEquals(match != null, pattern.matches(subject));
  }

  @Property(tries = 300)
  void matchAlternativesBehaveAsOr(@ForAll("alternatives") List<String> alternatives, @ForAll("asciiSubjects") String subject)
      throws PatternException {
    boolean any = false;
    for (String alternative : alternatives) any |= OsPattern.match(alternative).matches(subject);
    assertEquals(any, OsPattern.match(String.join("|", alternatives)).matches(subject));
  }

  @Property(tries = 300)
  void offsetsAndCapturesOnUnicodeTextAreItsUtf8Bytes(@ForAll("unicodeTexts") String text) throws PatternException {
    Matcher expected = Pattern.compile("[^ ]+").matcher(text);
    OsPattern.Match match = OsPattern.regex("(\\S+)").find(utf8(text), 0);
    if (!expected.find()) {
      assertEquals(null, match);
      return;
    }
    assertNotNull(match);
    assertEquals(List.of(utf8(expected.group())), match.captures());
    assertEquals(utf8(text.substring(0, expected.end())).length(), match.end());
  }

  @Provide
  Arbitrary<String> literals() {
    return Arbitraries.strings().withChars("abcAB019 !\"#%&',/:;<=>@_`~-").ofMaxLength(4);
  }

  @Provide
  Arbitrary<String> anchors() {
    return Arbitraries.of("^", "$", "^$");
  }

  @Provide
  Arbitrary<String> subjects() {
    return Arbitraries.strings().withChars(SUBJECT_CHARACTERS).ofMaxLength(8).map(OsPatternTest::utf8);
  }

  @Provide
  Arbitrary<String> asciiSubjects() {
    return Arbitraries.strings().withChars("abAB.*\\(x").ofMaxLength(8);
  }

  @Provide
  Arbitrary<List<String>> alternatives() {
    Arbitrary<String> alternative = Arbitraries.strings().withChars("abAB.*\\(").ofMinLength(1).ofMaxLength(3);
    Arbitrary<String> anchored = Arbitraries.oneOf(alternative, alternative.map(a -> "^" + a), alternative.map(a -> a + "$"));
    return anchored.list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> regexSources() {
    Arbitrary<String> escape = Arbitraries.of("\\w", "\\W", "\\d", "\\D", "\\s", "\\S", "\\p", "\\.", "\\t", "\\$",
        "\\(", "\\)", "\\{", "\\}", "\\[", "\\]", "\\\\", "\\|", "\\<");
    Arbitrary<String> quantified = Arbitraries.oneOf(escape, escape.map(e -> e + "+"), escape.map(e -> e + "*"));
    // After \\ a + or * would quantify the next character: an anchor or a quantifier, which PCRE2 refuses.
    Arbitrary<String> plain = Arbitraries.of("a", "B", " ", ".", "[", "{", "?", "-", utf8("\u00e9"));
    Arbitrary<String> sequence = Arbitraries.oneOf(quantified, quantified, plain).list().ofMinSize(1).ofMaxSize(5)
        .map(tokens -> String.join("", tokens));
    sequence = Arbitraries.oneOf(sequence, sequence.map(s -> "^" + s), sequence.map(s -> s + "$"));
    Arbitrary<String> grouped = Arbitraries.oneOf(sequence, sequence.map(s -> "(" + s + ")"));
    return grouped.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("|", parts));
  }

  @Provide
  Arbitrary<String> unicodeTexts() {
    Arbitrary<Character> bmp = Arbitraries.chars().range('\u0000', '\ud7ff');
    Arbitrary<String> piece = Arbitraries.oneOf(
        bmp.map(String::valueOf), Arbitraries.of(" ", "a", "\ud83d\ude00", "\ufffd", "\u212a"));
    return piece.list().ofMaxSize(10).map(pieces -> String.join("", pieces));
  }

  /**
   * The UNICODE translation is never made possessive; on ASCII it must find exactly the same. Nor may
   * the required-literal check refuse a subject that matches, nor the jump to leading literals find
   * another match.
   */
  @Property(tries = 500)
  void autoPossessiveRepeatsAndRequiredLiteralsFindTheSameMatches(
      @ForAll("pcre2Sources") String source, @ForAll("pcre2Subjects") String subject) throws PatternException {
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES;
    String possessive = Pcre2Syntax.translate(source, Pcre2Characters.Subjects.LATIN1).java();
    Matcher expected = Pattern.compile(Pcre2Syntax.translate(source, Pcre2Characters.Subjects.UNICODE).java(), flags).matcher(subject);
    Matcher actual = Pattern.compile(possessive, flags).matcher(subject);
    boolean found = expected.find();
    assertEquals(found, actual.find(), possessive);
    OsPattern compiled = OsPattern.pcre2(source);
    if (!compiled.isLiteral()) assertEquals(found, compiled.matches(subject), source);
    if (!found) return;
    if (!compiled.isLiteral()) assertEquals(expected.end(), compiled.find(subject, 0).end(), source);
    assertEquals(expected.toMatchResult().start(), actual.start(), possessive);
    for (int group = 0; group <= expected.groupCount(); group++) {
      assertEquals(expected.start(group), actual.start(group), possessive);
      assertEquals(expected.end(group), actual.end(group), possessive);
    }
  }

  @Provide
  Arbitrary<String> pcre2Sources() {
    Arbitrary<String> single = Arbitraries.of("a", "b", " ", "-", "[a-b]", "[^ ]", "\\d", "\\S", "\\s", "\\w", ".", "\\n");
    Arbitrary<String> quantifier = Arbitraries.of("", "", "+", "*", "?", "{1,2}", "+?", "*?", "??", "{2,}?");
    Arbitrary<String> atom = Arbitraries.oneOf(single, single, single, Arbitraries.of("$", "^", "\\b"));
    Arbitrary<String> piece = net.jqwik.api.Combinators.combine(atom, quantifier)
        .as((a, q) -> a.equals("$") || a.equals("^") || a.equals("\\b") ? a : a + q);
    Arbitrary<String> sequence = piece.list().ofMinSize(1).ofMaxSize(5).map(p -> String.join("", p));
    Arbitrary<String> grouped = Arbitraries.oneOf(sequence, sequence.map(s -> "(" + s + ")"), sequence.map(s -> "(?:" + s + ")+"),
        sequence.map(s -> "(" + s + "|a)"));
    return grouped.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(parts.size() > 2 ? "|" : "", parts));
  }

  @Provide
  Arbitrary<String> pcre2Subjects() {
    return Arbitraries.strings().withChars("ab -1\n").ofMaxLength(10);
  }
}
