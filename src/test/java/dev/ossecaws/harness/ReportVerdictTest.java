package dev.ossecaws.harness;

import static dev.ossecaws.harness.LogtestOutputTest.FIRST;
import static dev.ossecaws.harness.LogtestOutputTest.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportVerdictTest {
  @Test
  void aReportStatesItsDecoderRuleAndLevel() {
    assertEquals(new ReportVerdict(null, null, 0), ReportVerdict.of(FIRST));
    assertEquals(new ReportVerdict("amazon", 80861, 2), ReportVerdict.of(SECOND));
  }

  @Test
  void differencesNameWhatTheCaseExpectedInstead() {
    Expectation expected = new Expectation(80862, 5, "Amazon-iam: User creation denied", List.of(), true,
        "amazon", Map.of(), List.of());
    assertEquals(List.of("rule 80861, expected 80862"), ReportVerdict.of(SECOND).differences(expected));
    assertEquals(List.of("decoder none, expected 'amazon'", "rule none, expected 80862"),
        ReportVerdict.of(FIRST).differences(expected));
    assertEquals(List.of("level 2, expected 5"), new ReportVerdict("amazon", 80862, 2).differences(expected));
  }
}
