package dev.ossecaws.pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Where java.util.regex is not a plain backtracker, the machine answers as it does, or refuses;
 * but for a lookahead's captures, where it answers as PCRE2 (OSSEC's engine) does.
 */
class BacktrackerTest {
  /**
   * PCRE2, as OSSEC's binary shows it (differential reproduction 13-0, then these with a decoder):
   * the lookahead's capture at 'a' is undone when that start fails; Java would keep it.
   */
  @Test
  void captureOfALookaheadIsUndoneWhenTheSearchMovesOn() {
    assertArrayEquals(new int[] {1, 2, -1, -1}, Backtracker.compile("(?=(a))b|c").find("ac", 0));
  }

  /** As above: {@code (?:(?=(a))x|a)(.)} on "ab" gives OSSEC's decoder 'b' alone. */
  @Test
  void captureOfALookaheadIsUndoneWhenTheAlternativeFails() {
    assertArrayEquals(new int[] {0, 2, -1, -1, 1, 2}, Backtracker.compile("(?:(?=(a))x|a)(.)").find("ab", 0));
  }

  @Test
  void captureOfALookaheadThatMatchedStaysWhenTheMatchGoesOn() {
    assertSameAsJava("(?=(a))a(.)", "ab");
  }

  @Test
  void captureOfANegativeLookaheadsBodyIsUndone() {
    assertSameAsJava("(?!(a)b)a(.)", "ac");
  }

  @Test
  void possessiveGroupTakesEachPassFirstMatch() {
    // PCRE2 would backtrack into the first pass ('b' alone) so that a second pass fits; Java does not.
    assertSameAsJava("\\n(?:[^\\x{22}][^\\x{22}](?!\\b)|[a-b1]){2}+", "BB\nb1\u00e9B");
  }

  @Test
  void wordBoundaryCountsLatin1LettersAsWordCharacters() {
    assertSameAsJava("\\b\\w+\\b", "\u00e9ab c");
  }

  /** The decoder pattern a CloudTrail line meets first, and the shapes OSSEC's own rules use most, are run by the machine. */
  @Test
  void runsTheShapesThatCostMost() {
    for (String java : new String[] {
        "^(?:\\\"AmazonAWS\\\"\\:\\\"eventVersion\\\"\\:\\\"[^\\x{22}]*+\\\"(?:(?=.*?\\,\\\"eventType\\\"\\:\\\"([^\\x{22}]*+)\\\")|()))",
        "(?:\\,?+\\\"\\w++\\\"\\:\\\"(?:[^\\x{22}\\x{5c}]++|\\\\.)*+\\\")*\\,?+\\\"sessionContext\\\"",
        "^(\\S++) \\-\\> (\\S++) .+ DL\\: (\\d)",
        "\\\"recipientAccountId\\\"\\:\\\"(\\d{12}+)\\\".*(?!(?:\\1))\\d{12}",
        "^\\d{4}\\-\\d{2}\\-\\d{2} (?s:.)*?\\z"}) {
      assertNotNull(Backtracker.compile(java), java);
    }
  }

  @Test
  void refusesWhatJavaRepeatsItsOwnWay() {
    assertNull(Backtracker.compile("(a)*"), "a capture inside a repeated group");
    assertNull(Backtracker.compile("(a){0,1}"), "{0,1} is a loop to Java, not a branch");
    assertNull(Backtracker.compile("(?:a?)*"), "a repeated group that can match the empty string");
    assertNull(Backtracker.compile("(?<=a)b"), "a lookbehind");
  }

  @Test
  void stopsWithoutAMatchPastTheStepLimit() {
    Backtracker machine = Backtracker.compile("(?:a|a)*b");
    assertNull(machine.find("a".repeat(40), 0));
  }

  private static void assertSameAsJava(String java, String subject) {
    Matcher matcher = Pattern.compile(java, Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES).matcher(subject);
    int[] expected = null;
    if (matcher.find()) {
      expected = new int[2 * (matcher.groupCount() + 1)];
      for (int group = 0; group <= matcher.groupCount(); group++) {
        expected[2 * group] = matcher.start(group);
        expected[2 * group + 1] = matcher.end(group);
      }
    }
    assertArrayEquals(expected, Backtracker.compile(java).find(subject, 0), java + " on " + subject);
  }
}
