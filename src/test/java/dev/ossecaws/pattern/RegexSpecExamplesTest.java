package dev.ossecaws.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of spec/regex.md §8 (behaviour) and §9 (translation), confirmed there against OSSEC 4.3.0. */
class RegexSpecExamplesTest {
  static Stream<Arguments> section8() {
    return MarkdownTable.rows("regex-examples.md").stream()
        .map(cells -> Arguments.of(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5), cells.get(6)));
  }

  @ParameterizedTest(name = "row {0}: {1} `{2}` on `{3}` → {4}")
  @MethodSource("section8")
  void behavesAsOssec(String row, String flavour, String patternCell, String subjectCell, String outcome,
      String capturesCell, String restCell) throws PatternException {
    assumeFalse(flavour.contains("case-sens."), "the engine compiles every pattern caseless (§1); no case-sensitive mode");
    String pattern = MarkdownTable.value(patternCell);
    String subject = MarkdownTable.value(subjectCell);

    if (outcome.startsWith("compile error")) {
      int code = Integer.parseInt(outcome.replaceAll("\\D", ""));
      PatternException e = assertThrows(PatternException.class, () -> compile(flavour, pattern));
      assertEquals(code, e.code());
      assertEquals("Syntax error on regex: '" + pattern + "': " + code + ".", e.getMessage());
      return;
    }
    boolean expected = outcome.equals("yes");
    if (!expected) assertEquals("no", outcome);
    if (flavour.equals("word")) {
      assertEquals(expected, OsPattern.wordMatch(pattern, subject));
      return;
    }
    OsPattern compiled = compile(flavour, pattern);
    assertEquals(pattern, compiled.toString());
    assertEquals(expected, compiled.matches(subject));
    OsPattern.Match match = compiled.find(subject, 0);
    if (!expected) {
      assertNull(match);
      return;
    }
    assertNotNull(match);
    assertEquals(MarkdownTable.values(capturesCell), match.captures());
    if (!flavour.equals("match")) assertEquals(MarkdownTable.value(restCell), subject.substring(match.end()));
  }

  @Test
  void section8HasAllItsRows() {
    List<List<String>> rows = MarkdownTable.rows("regex-examples.md");
    assertEquals(103, rows.size());
    for (int i = 0; i < rows.size(); i++) assertEquals(String.valueOf(i + 1), rows.get(i).get(0));
  }

  static Stream<Arguments> section9() {
    return MarkdownTable.rows("regex-translations.md").stream()
        .map(cells -> Arguments.of(MarkdownTable.value(cells.get(0)), MarkdownTable.values(cells.get(1)).get(0)));
  }

  @ParameterizedTest(name = "`{0}` → `{1}`")
  @MethodSource("section9")
  void regexTranslatesAsOssec(String ossec, String pcre2) throws PatternException {
    assertEquals(pcre2, PatternCompiler.translateRegex(ossec));
    OsPattern.regex(ossec);
  }

  @Test
  void section9HasAllItsRows() {
    assertEquals(13, MarkdownTable.rows("regex-translations.md").size());
  }

  @Test
  void matchTranslatesAsOssec() {
    assertEquals("a\\.b\\(c\\)\\\\d\\+|^x$", PatternCompiler.translateMatch("a.b(c)\\d+|^x$"));
    assertEquals("\\\\<", PatternCompiler.translateMatch("\\<"));
  }

  private static OsPattern compile(String flavour, String pattern) throws PatternException {
    switch (flavour) {
      case "regex": return OsPattern.regex(pattern);
      case "match": return OsPattern.match(pattern);
      case "pcre2": return OsPattern.pcre2(pattern);
      default: throw new IllegalArgumentException(flavour);
    }
  }
}
