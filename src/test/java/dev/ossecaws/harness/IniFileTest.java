package dev.ossecaws.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IniFileTest {
  static IniFile parse(String text) throws IniException {
    return IniFile.parse("t.ini", text);
  }

  @Test
  void aRepeatedKeyKeepsItsLastValueAndKeysAreLowerCased() throws IniException {
    IniFile ini = parse("[s]\nlog 1 pass = first\nrule = 1\nLog 1 Pass = second\n");
    assertEquals(List.of("log 1 pass", "rule"), ini.keys("s"));
    assertEquals("second", ini.get("s", "log 1 pass"));
  }

  @Test
  void aRepeatedSectionMerges() throws IniException {
    IniFile ini = parse("[s]\na = 1\n[t]\nb = 2\n[s]\nc = 3\na = 4\n");
    assertEquals(List.of("s", "t"), ini.sections());
    assertEquals(List.of("a", "c"), ini.keys("s"));
    assertEquals("4", ini.get("s", "a"));
  }

  @Test
  void keysEndAtTheFirstEqualsOrColon() throws IniException {
    IniFile ini = parse("[s]\nlog 1 pass = a: b = c\nx: y = z\n");
    assertEquals("a: b = c", ini.get("s", "log 1 pass"));
    assertEquals("y = z", ini.get("s", "x"));
  }

  @Test
  void valuesAreStrippedButInnerSpacesStay() throws IniException {
    assertEquals("Feb  9 11:44:56 x", parse("[s]\nk =   Feb  9 11:44:56 x  \t\n").get("s", "k"));
    assertEquals("", parse("[s]\nk =\n").get("s", "k"));
  }

  @Test
  void percentPercentReadsAsPercentAndReferencesInterpolate() throws IniException {
    IniFile ini = parse("[s]\nlog 1 pass = %%ASA-6-308001: x\nhost = web1\nline = %(host)s: %(HOST)s 100%%\n");
    assertEquals("%ASA-6-308001: x", ini.get("s", "log 1 pass"));
    assertEquals("web1: web1 100%", ini.get("s", "line"));
  }

  @Test
  void anyOtherPercentStaysAsOssecsResultsRequire() throws IniException {
    IniFile ini = parse("[s]\nk = %IPS-4 50% off%\nr = %(nothing)s %(k\n");
    assertEquals("%IPS-4 50% off%", ini.get("s", "k"));
    assertEquals("%(nothing)s %(k", ini.get("s", "r"));
  }

  @Test
  void aSelfReferenceIsAnError() throws IniException {
    IniFile ini = parse("[s]\n\na = x%(a)s\n");
    assertEquals("t.ini:3: [s] a: interpolation too deeply recursive",
        assertThrows(IniException.class, () -> ini.get("s", "a")).getMessage());
  }

  @Test
  void wholeLineCommentsAreSkippedInlineOnesAreNot() throws IniException {
    IniFile ini = parse("; [old]\n# x = 1\n[s]\n  # indented comment\nk = v ; not a comment # nor this\n");
    assertEquals(List.of("s"), ini.sections());
    assertEquals("v ; not a comment # nor this", ini.get("s", "k"));
  }

  @Test
  void deeperIndentedLinesContinueAValueAndBlankLinesInsideStay() throws IniException {
    IniFile ini = parse("[s]\nk = one\n  two\n\n   three\n\nj = x\n  \n");
    assertEquals("one\ntwo\n\nthree", ini.get("s", "k"));
    assertEquals("x", ini.get("s", "j"));
  }

  @Test
  void theDefaultSectionGivesEverySectionItsKeys() throws IniException {
    IniFile ini = parse("[DEFAULT]\ndecoder = sshd\n[s]\nrule = 1\n");
    assertEquals(List.of("s"), ini.sections());
    assertEquals(List.of("decoder", "rule"), ini.keys("s"));
    assertEquals("sshd", ini.get("s", "decoder"));
    assertNull(ini.get("s", "alert"));
  }

  @Test
  void linesOutsideASectionOrWithoutDelimiterAreErrors() {
    assertEquals("t.ini:2: no section header before: k = v",
        assertThrows(IniException.class, () -> parse("\nk = v\n")).getMessage());
    assertEquals("t.ini:3: not a 'key = value' line: just words",
        assertThrows(IniException.class, () -> parse("[s]\nk = v\njust words\n")).getMessage());
  }

  @Test
  void sectionHeadersRunToTheLastBracket() throws IniException {
    assertEquals(List.of("a [b] c"), parse("[a [b] c]\nk = v\n").sections());
  }
}
