package dev.ossecaws.pattern;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OsPatternTest {
  /** A byte string holding {@code text} encoded as UTF-8, as events are kept. */
  static String utf8(String text) {
    return new String(text.getBytes(UTF_8), ISO_8859_1);
  }

  private static void assertFinds(OsPattern pattern, String subject, String rest, String... captures) {
    OsPattern.Match match = pattern.find(subject, 0);
    assertEquals(List.of(captures), match.captures(), pattern + " on " + subject);
    assertEquals(rest, subject.substring(match.end()), pattern + " on " + subject);
  }

  @Test
  void workedExamplesOfSection26() throws PatternException {
    assertFinds(OsPattern.regex("(\\d+)(\\d+)"), "12345", "", "1", "2345");
    assertFinds(OsPattern.regex("(\\d+)-(\\d+)$"), "12-34-56", "", "34", "56");
    assertFinds(OsPattern.regex("(\\w+)@(\\w+)"), "john.doe@example.com", ".com", "doe", "example");
    assertFinds(OsPattern.regex("^(\\S+) (\\S+)"), "alpha beta gamma", " gamma", "alpha", "beta");
  }

  @Test
  void capturesSkipGroupsThatDidNotParticipate() throws PatternException {
    assertFinds(OsPattern.regex("user (\\S+)|from (\\S+)"), "from 1.2.3.4", "", "1.2.3.4");
    assertFinds(OsPattern.regex("(\\d*)(\\w*)"), "id=12ab", "=12ab", "", "id");
    assertFinds(OsPattern.pcre2("(?:(a)|b)+"), "ab", "", "a");
    assertFinds(OsPattern.pcre2("(a|b)+"), "ab", "", "b");
  }

  @Test
  void atMost64ValuesAreCaptured() throws PatternException {
    OsPattern pattern = OsPattern.pcre2("(a)".repeat(70));
    assertEquals(64, pattern.find("a".repeat(70), 0).captures().size());
  }

  @Test
  void quantifierTestIsTextual() throws PatternException {
    assertEquals("\\\\w+", PatternCompiler.translateRegex("\\\\w+"));
    assertFinds(OsPattern.regex("\\\\w+"), "x\\wwwy", "y");
    assertFinds(OsPattern.regex("a\\\\+"), "a\\\\\\", "\\\\");
    assertFinds(OsPattern.regex("(\\d)+"), "1+1", "1", "1");
    assertEquals("[0-9]+?\\+", PatternCompiler.translateRegex("\\d++"));
  }

  @Test
  void greedinessIsPerAlternativeAndGroup() throws PatternException {
    assertEquals("([0-9]+)|x[0-9]+?y", PatternCompiler.translateRegex("(\\d+)|x\\d+y"));
    assertEquals("(([0-9]+))|a", PatternCompiler.translateRegex("((\\d+))|a"));
    assertEquals("([0-9]+?)a", PatternCompiler.translateRegex("(\\d+)a"));
  }

  @Test
  void regexDollarIsTheVeryEndButMatchDollarMayPrecedeAFinalNewline() throws PatternException {
    assertFalse(OsPattern.regex("a\\.c$").matches("abc\n"));
    assertTrue(OsPattern.regex("a\\.c$").matches("abc"));
    assertTrue(OsPattern.match("x|abc$").matches("abc\n"));
    assertTrue(OsPattern.pcre2("a.c$").matches("abc\n"));
    assertFalse(OsPattern.pcre2("a.c\\z").matches("abc\n"));
  }

  @Test
  void anchorsAloneMatchEverythingAndTogetherOnlyTheEmptySubject() throws PatternException {
    assertTrue(OsPattern.regex("^").matches("x"));
    assertTrue(OsPattern.regex("$").matches("x"));
    assertTrue(OsPattern.regex("^$").matches(""));
    assertFalse(OsPattern.regex("^$").matches("x"));
    assertEquals(0, OsPattern.regex("^").find("abc", 0).end());
    assertEquals(3, OsPattern.regex("$").find("abc", 0).end());
  }

  @Test
  void fastPathsAreLiteralAndIgnoreUtf8Validity() throws PatternException {
    assertTrue(OsPattern.regex("^a b:c").isLiteral());
    assertTrue(OsPattern.regex("x=1$").isLiteral());
    assertFalse(OsPattern.regex("abc").isLiteral());
    assertFalse(OsPattern.regex("^a.b").isLiteral());
    assertTrue(OsPattern.match("^a.b\\c").isLiteral());
    assertFalse(OsPattern.match("^a|b").isLiteral());
    assertTrue(OsPattern.pcre2("^ssh").isLiteral());
    assertTrue(OsPattern.match("^\u00e9").matches("\u00e9\u00ff"));
    assertFalse(OsPattern.match("^\u00e9").matches("\u00c9"));
    assertFalse(OsPattern.match("\u00e9|x").matches("\u00e9\u00ff"));
  }

  @Test
  void regexPathFoldsUnicodeCaseAsPcre2() throws PatternException {
    assertTrue(OsPattern.regex("caf\u00c3\u00a9").matches(utf8("CAFÉ")));
    assertTrue(OsPattern.match(utf8("é|x")).matches(utf8("É")));
    assertTrue(OsPattern.regex("\\w+k").matches(utf8("ok\u212a")));
    assertTrue(OsPattern.regex("s\\.").matches(utf8("\u017fx")));
    assertTrue(OsPattern.regex("\\w").matches(utf8("\u212a")));
    assertFalse(OsPattern.regex("\\W").matches(utf8("\u017f")));
    // PCRE2 folds no Turkish i; Java on its own would.
    assertFalse(OsPattern.regex("i\\.").matches(utf8("\u0130x")));
    assertFalse(OsPattern.regex("\\w").matches(utf8("\u0131")));
    assertTrue(OsPattern.regex("\\W").matches(utf8("\u0130")));
    assertFalse(OsPattern.match("\u00c4\u00b1|x").matches(utf8("I")));
    assertFalse(OsPattern.pcre2("k").matches(utf8("\u212a")));
  }

  @Test
  void offsetsAndCapturesAreInBytes() throws PatternException {
    String subject = utf8("h\u00e9llo w\u00f6rld \ud83d\ude00!");
    OsPattern.Match match = OsPattern.regex("(\\S+) (\\S+) (\\S)").find(subject, 0);
    assertEquals(List.of(utf8("h\u00e9llo"), utf8("w\u00f6rld"), utf8("\ud83d\ude00")), match.captures());
    assertEquals("!", subject.substring(match.end()));
    assertEquals(utf8("w\u00f6rld \ud83d\ude00!"), subject.substring(OsPattern.regex("\\. ").find(subject, 0).end()));
  }

  @Test
  void invalidUtf8NeverMatchesOnTheRegexPath() throws PatternException {
    for (String invalid : new String[] {"\u00c0\u0080", "\u00ed\u00a0\u0080", "\u00f4\u0090\u0080\u0080", "\u00e2\u0082", "\u0080", "\u00f8\u0088\u0080\u0080\u0080"}) {
      assertFalse(OsPattern.regex("a").matches("a" + invalid), invalid);
      assertNull(OsPattern.regex("a").find("a" + invalid, 0), invalid);
      assertTrue(OsPattern.pcre2("a").matches("a" + invalid), invalid);
    }
    assertTrue(OsPattern.regex("a").matches(utf8("a\uffff\u00a0")));
  }

  @Test
  void findFromAnOffsetSeesOnlyTheSuffix() throws PatternException {
    assertEquals(6, OsPattern.regex("^abc").find("xyzabc", 3).end());
    assertNull(OsPattern.regex("^abc").find("xyzabc", 2));
    assertEquals(List.of("12"), OsPattern.regex("^(\\d+)").find("ab12x", 2).captures());
    assertNull(OsPattern.pcre2("(?<=a)b").find("ab", 1));
    assertTrue(OsPattern.regex("b").find("\u00ffab", 1) != null, "invalid bytes before the offset are not seen");
    assertEquals(6, OsPattern.regex("(\\w+)").find(utf8("\u00e9 abc"), 2).end());
    assertEquals(5, OsPattern.regex("$").find("abcde", 5).end());
    assertThrows(IndexOutOfBoundsException.class, () -> OsPattern.regex("a").find("abc", 4));
  }

  @Test
  void sizeAndEmptinessErrorsCarryOssecCodes() throws PatternException {
    OsPattern.regex("a".repeat(2048));
    OsPattern.match("a".repeat(2048));
    assertEquals(3, assertThrows(PatternException.class, () -> OsPattern.regex("a".repeat(2049))).code());
    assertEquals(3, assertThrows(PatternException.class, () -> OsPattern.match("^" + "a".repeat(2048))).code());
    OsPattern.pcre2("a".repeat(10000));
    assertEquals(6, assertThrows(PatternException.class, () -> OsPattern.regex("")).code());
    assertEquals(10, assertThrows(PatternException.class, () -> OsPattern.pcre2("")).code());
    assertTrue(OsPattern.match("").matches(""));
    PatternException e = assertThrows(PatternException.class, () -> OsPattern.regex("a\\-b"));
    assertEquals("Syntax error on regex: 'a\\-b': 6.", e.getMessage());
  }

  @Test
  void everyUnknownRegexEscapeIsRefused() {
    for (char c = 0x21; c < 0x7F; c++) {
      boolean known = "wWdDsSp.t$(){}[]\\|<".indexOf(c) >= 0;
      String source = "a\\" + c;
      if (known) {
        assertTrue(compiles(source), source);
      } else {
        assertEquals(6, assertThrows(PatternException.class, () -> OsPattern.regex(source)).code(), source);
      }
    }
  }

  private static boolean compiles(String source) {
    try {
      OsPattern.regex(source);
      return true;
    } catch (PatternException e) {
      return false;
    }
  }

  @Test
  void matchHasNoSpecialCharactersButAnchorsAndBars() throws PatternException {
    assertTrue(OsPattern.match("a(b)[c]{d}*+?.\\").matches("xA(B)[C]{D}*+?.\\y"));
    assertTrue(OsPattern.match("^^a").matches("ab"));
    assertFalse(OsPattern.match("a$b|c^d").matches("a$b c^d"));
    assertTrue(OsPattern.match("||").matches(""));
  }

  @Test
  void wordMatchIsSubstringOrPrefix() {
    assertTrue(OsPattern.wordMatch("web", "syslog,attack_web,"));
    assertTrue(OsPattern.wordMatch("x|^SYS", "syslog,"));
    assertFalse(OsPattern.wordMatch("^log", "syslog,"));
    assertFalse(OsPattern.wordMatch("a", ""));
    assertTrue(OsPattern.wordMatch("^", ""));
    assertFalse(OsPattern.wordMatch("\u00e9", "\u00c9"));
    assertTrue(OsPattern.wordMatch("a$", "xa$"));
  }

  @Test
  void toStringGivesBackTheSource() throws PatternException {
    for (String source : new String[] {"^abc", "(\\d+)", "a|b$"}) {
      assertEquals(source, OsPattern.regex(source).toString());
      assertEquals(source, OsPattern.match(source).toString());
      assertEquals(source, OsPattern.pcre2(source).toString());
    }
  }
}
