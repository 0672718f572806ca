package dev.ossecaws.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PCRE2 constructs that java.util.regex reads differently or not at all, run through the pcre2 flavour. */
class Pcre2SyntaxTest {
  static Stream<Arguments> matchingAsPcre2() {
    return Stream.of(
        // pattern, subject, the text PCRE2 matches (null: no match)
        Arguments.of("[a[]+", "x[a[]", "[a["),
        Arguments.of("[a&&b]+", "x&&ab", "&&ab"),
        Arguments.of("[]a]+", "x]a]", "]a]"),
        Arguments.of("[^]a]+", "]]bc", "bc"),
        Arguments.of("[%--]+", "a%+-", "%+-"),
        Arguments.of("[\\d-]+", "a1-2", "1-2"),
        Arguments.of("[[:alpha:]]+", "12abC3", "abC"),
        Arguments.of("[[:^digit:][:digit:]]+", "a1", "a1"),
        Arguments.of("[[:lower:]]+", "AbC", "AbC"),
        Arguments.of("[[:punct:]]+", "a!-/b", "!-/"),
        Arguments.of("[[:word:]]+", "-a_1-", "a_1"),
        Arguments.of("[[:x]+", "[:x", "[:x"),
        Arguments.of("\\Q.*[\\E+", "a.*[[", ".*[["),
        Arguments.of("[\\Q]\\E]+", "a]]", "]]"),
        Arguments.of("a\\E\\Q\\E+", "aaa", "aaa"),
        Arguments.of("\\x41\\x{42}\\103\\o{104}\\0\\cA", "ABCD\0\u0001", "ABCD\0\u0001"),
        Arguments.of("\\xg", "\0g", "\0g"),
        Arguments.of("[\\x41-\\x43]+", "ABCD", "ABC"),
        Arguments.of("\\bfoo", "\u00e9foo", "foo"),
        Arguments.of("\u00e9\\B", "\u00e9\u00e9", "\u00e9"),
        Arguments.of("\\w+", "caf\u00e9", "caf"),
        Arguments.of("\\h+", "a \t\u00a0b", " \t\u00a0"),
        Arguments.of("\\R", "a\r\nb", "\r\n"),
        Arguments.of("\\N+", "ab\ncd", "ab"),
        Arguments.of("a.b", "a\u0085b", "a\u0085b"),
        Arguments.of("a{,3}", "aa{,3}", "a{,3}"),
        Arguments.of("a{2}", "xaaa", "aa"),
        Arguments.of("x{", "x{", "x{"),
        Arguments.of("(?<n_1>\\d+)-\\k<n_1>", "12-12", "12-12"),
        Arguments.of("(?P<n>a)(?P=n)\\k{n}\\g{n}", "aaaa", "aaaa"),
        Arguments.of("(a)(b)\\g{-1}\\g1\\g{1}", "abbaa", "abbaa"),
        Arguments.of("(a)\\1", "aA", "aA"),
        Arguments.of("(?#a comment)b", "ab", "b"),
        Arguments.of("(?x) a b # comment\n c", "abc", "abc"),
        Arguments.of("(?x: a [ ] )b c", "xa b c", "a b c"),
        Arguments.of("(?-i)abc", "ABC abc", "abc"),
        Arguments.of("(a(?-i)b|c)", "C c", "c"),
        Arguments.of("(?^)a", "Aa", "a"),
        Arguments.of("(a(?-i)b)c", "aBC aBc AbC", "AbC"),
        Arguments.of("a++b", "aab", "aab"),
        Arguments.of("(?>a+)b", "aab", "aab"),
        Arguments.of("ab?+c", "abc", "abc"),
        Arguments.of("x\\z", "x\n", null),
        Arguments.of("x\\Z", "x\n", "x"),
        Arguments.of("x.$", "xy\n", "xy"),
        Arguments.of("(?m)^b", "a\nb", "b"),
        Arguments.of("(?s)a.b", "a\nb", "a\nb"),
        Arguments.of("a.b", "a\nb", null),
        Arguments.of("\\p{Lu}", "a", null),
        Arguments.of("\\p{L}+", "1ab\u00e9", "ab\u00e9"),
        Arguments.of("[\\p{N}]+", "a12", "12"),
        Arguments.of("\\12", "\n", "\n"),
        Arguments.of("\\18", "\u00018", "\u00018"),
        Arguments.of("\\C\\C", "\u00c3\u00a9", "\u00c3\u00a9"),
        Arguments.of("[\\b]", "a\bb", "\b"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("matchingAsPcre2")
  void behavesAsPcre2(String pattern, String subject, String matched) throws PatternException {
    OsPattern compiled = OsPattern.pcre2(pattern);
    OsPattern.Match match = compiled.find(subject, 0);
    if (matched == null) {
      assertEquals(null, match);
      return;
    }
    assertTrue(match != null, "no match");
    assertEquals(matched, subject.substring(match.end() - matched.length(), match.end()));
  }

  static Stream<String> refusedByPcre2() {
    return Stream.of("(", ")", "a)", "[a", "[z-a]", "[\\d-z]", "[a-\\d]", "[[:alpha:]-z]", "[[:foo:]]", "[[.a.]]",
        "a{3,2}", "a{70000}", "*a", "a|*", "^*", "a$+", "\\b+", "(?<n>a)(?<n>b)", "\\2(a)", "\\k<x>(?<y>a)",
        "\\i", "\\L", "\\u0041", "a\\", "\\c", "\\x{100}", "\\o{400}", "(?<1a>x)", "(?z)", "[\\R]", "a**", "\\g0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedByPcre2")
  void isRefusedAsPcre2RefusesIt(String pattern) {
    PatternException e = assertThrows(PatternException.class, () -> OsPattern.pcre2(pattern));
    assertEquals(6, e.code());
    assertEquals("Syntax error on regex: '" + pattern + "': 6.", e.getMessage());
  }

  static Stream<String> unsupported() {
    return Stream.of("(?|(a)|(b))", "(?(1)a|b)", "(a)(?1)", "(?R)", "(?&n)", "a\\Kb", "(*SKIP)a", "(*UTF)a",
        "(?C1)a", "\\g<1>(a)", "(?U)a+", "(?n)(a)", "(?J)a", "(?xx)a", "\\p{Greek}", "[\\p{Lu}]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupported")
  void pcre2OnlyConstructsAreRefusedWithAReason(String pattern) {
    PatternException e = assertThrows(PatternException.class, () -> OsPattern.pcre2(pattern));
    assertEquals(6, e.code());
    assertTrue(e.getCause().getMessage().contains("does not support"), e.getCause().getMessage());
  }

  @Test
  void captureNumbersSurviveNamedGroupsAndComments() throws PatternException {
    OsPattern pattern = OsPattern.pcre2("(?<user>\\w+)(?#x)@(?:(?'host'[\\w.]+)|\\[(\\d+)\\])");
    assertEquals(List.of("root", "example.org"), pattern.find("root@example.org", 0).captures());
    assertEquals(List.of("root", "10"), pattern.find("root@[10]", 0).captures());
  }

  @Test
  void backreferencesNeedTheirGroupToHaveMatched() throws PatternException {
    assertFalse(OsPattern.pcre2("(a)?b\\1").matches("b"));
    assertTrue(OsPattern.pcre2("(a|)b\\1").matches("b"));
  }

  @Test
  void repeatsThatCannotGiveBackUsefullyBecomePossessiveAsInPcre2() {
    assertEquals("(\\S++) (\\S+)$", Pcre2Syntax.translate("(\\S+) (\\S+)$", Pcre2Characters.Subjects.LATIN1).java());
    assertEquals("\\d++\\-\\d++|a*+", Pcre2Syntax.translate("\\d+?-\\d+|a*", Pcre2Characters.Subjects.LATIN1).java());
    assertEquals("a+b*+a", Pcre2Syntax.translate("a+b*a", Pcre2Characters.Subjects.LATIN1).java());
    assertEquals("\\S+\\(", Pcre2Syntax.translate("\\S+\\(", Pcre2Characters.Subjects.LATIN1).java());
    assertEquals("(?i)a+b", Pcre2Syntax.translate("(?i)a+b", Pcre2Characters.Subjects.LATIN1).java());
    assertEquals("[^\\x{20}]+?a", Pcre2Syntax.translate("[^ ]+?a", Pcre2Characters.Subjects.UNICODE).java());
  }

  @Test
  void theRequiredLiteralsAreEachAlternativesLongestRunOfMandatoryTopLevelLiterals() {
    assertEquals(" from ", required("\\d+ from (\\S+)", Pcre2Characters.Subjects.LATIN1));
    assertEquals(" sshd[", required("^\\S+ sshd\\[", Pcre2Characters.Subjects.LATIN1));
    assertEquals("a", required("ab?", Pcre2Characters.Subjects.LATIN1));
    assertEquals("ab", required("ab+c", Pcre2Characters.Subjects.LATIN1));
    assertEquals("a", required("\\Qab\\E?", Pcre2Characters.Subjects.LATIN1));
    assertEquals("a", required("a{2}\\d", Pcre2Characters.Subjects.LATIN1));
    assertEquals("failed", required("FAILED", Pcre2Characters.Subjects.LATIN1));
    assertEquals("di", required("disk", Pcre2Characters.Subjects.UNICODE));
    assertEquals("disk", required("disk", Pcre2Characters.Subjects.LATIN1));
    assertEquals("a|b", required("a|b", Pcre2Characters.Subjects.LATIN1));
    assertEquals("sshd[|su: ", required("sshd\\[\\d+|^su: ", Pcre2Characters.Subjects.LATIN1));
    for (String none : new String[] {"a|\\d", "(x)y*", "a{0,2}", "x(?#c)?", "[a]", "(?:a)", " ", "\\Qb\\E?"}) {
      assertEquals(null, required(none, Pcre2Characters.Subjects.LATIN1), none);
    }
  }

  @Test
  void aSubjectWithoutTheRequiredLiteralInAnyCaseIsRefusedAtOnce() throws PatternException {
    OsPattern pattern = OsPattern.pcre2("(\\w+)@(\\w+)");
    assertFalse(pattern.matches("no at sign here"));
    assertTrue(pattern.matches("a@b"));
    assertTrue(OsPattern.pcre2("x\\d").matches("X1"));
    assertEquals(null, OsPattern.pcre2("b\\d").find("b1 a", 2));
    assertTrue(OsPattern.pcre2("user Admin from").matches("USER aDMIN FROM x"));
    assertFalse(OsPattern.pcre2("user admin from").matches("user admin fro"));
  }

  private static String required(String pattern, Pcre2Characters.Subjects subjects) {
    return joined(Pcre2Syntax.translate(pattern, subjects).literals().required());
  }

  private static String leading(String pattern) {
    return joined(Pcre2Syntax.translate(pattern, Pcre2Characters.Subjects.LATIN1).literals().leading());
  }

  private static String joined(Needle[] literals) {
    return literals == null ? null : Arrays.stream(literals).map(needle -> needle.text).collect(Collectors.joining("|"));
  }

  @Test
  void leadingLiteralsAreKnownOnlyWhenEveryAlternativeStartsWithOne() {
    assertEquals("\"eventsource\":\"", leading("\"eventSource\":\"([^\"]+)\""));
    assertEquals("a|cd", leading("ab?x|cd+"));
    assertEquals("a", leading("\\Qab\\E?c"));
    for (String none : new String[] {"^ab", "\\dab", "a*b", "(?i)ab", "ab|\\dc", "(ab)", "ab\\G"}) {
      assertEquals(null, leading(none), none);
    }
  }

  @Test
  void aPatternWhoseEveryAlternativeStartsWithACaretIsAnchored() {
    for (String anchored : new String[] {"^ab", "^\\d+ (x)", "^(a|b)c", "^drop|^accept"}) {
      assertTrue(Pcre2Syntax.translate(anchored, Pcre2Characters.Subjects.LATIN1).literals().anchored(), anchored);
    }
    for (String not : new String[] {"ab", "^a|b", "b|^a", "(^a)", "a^", "(?i)^a"}) {
      assertFalse(Pcre2Syntax.translate(not, Pcre2Characters.Subjects.LATIN1).literals().anchored(), not);
    }
  }

  @Test
  void anAnchoredPatternMatchesAtTheSearchStartOnly() throws PatternException {
    OsPattern pattern = OsPattern.pcre2("^(\\w+) x");
    assertEquals(List.of("bb"), pattern.find("a bb x", 2).captures());
    assertEquals(null, pattern.find("a bb x", 1));
    assertFalse(pattern.matches("- a x"));
  }

  @Test
  void aSearchThatJumpsToLeadingLiteralsFindsWhatJavasSearchFinds() throws PatternException {
    OsPattern pattern = OsPattern.pcre2("user (\\w+) from|sshd\\[(\\d+)\\]");
    OsPattern.Match match = pattern.find("USER x sshd[12] user bob from 1.2.3.4", 0);
    assertEquals(List.of("12"), match.captures());
    assertEquals(null, OsPattern.pcre2("ab(?<=xab)c").find("yabc", 0));
    assertEquals(4, OsPattern.pcre2("ab(?<=xab)c").find("xabc", 0).end());
    assertTrue(OsPattern.pcre2("ab$").matches("cab"));
    assertFalse(OsPattern.pcre2("ab(?:^|x)").matches("abab"));
  }
}
