package dev.ossecaws.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The confirmed examples of spec/logtest-output.md §7 (decoder myapp, rule 100101 level 5). */
class UnitVerdictTest {
  static final UnitVerdict MYAPP = new UnitVerdict("myapp", 100101, 5);

  @Test
  void allThreeMatchingIsZeroAndNamesIgnoreCase() {
    assertEquals(0, MYAPP.code("100101", "5", "myapp"));
    assertEquals(0, MYAPP.code("100101", "5", "MYAPP"));
  }

  @Test
  void theFirstDifferenceDecides() {
    assertEquals(1, MYAPP.code("100101", "4", "myapp"));
    assertEquals(2, MYAPP.code("100100", "5", "myapp"));
    assertEquals(2, MYAPP.code("0100101", "5", "myapp"));
    assertEquals(3, MYAPP.code("100101", "5", "other"));
    assertEquals(3, MYAPP.code("100100", "4", "other"));
  }

  @Test
  void noDecoderIsADecoderDifferenceAndNoRuleIs255() {
    assertEquals(3, new UnitVerdict(null, 1, 0).code("1", "0", "sshd"));
    assertEquals(255, new UnitVerdict("sshd", null, 0).code("1", "0", "sshd"));
  }
}
