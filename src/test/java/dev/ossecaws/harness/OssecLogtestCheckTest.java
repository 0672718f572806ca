package dev.ossecaws.harness;

import static dev.ossecaws.harness.LogtestOutputTest.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The comparison's details; the whole of it runs against OSSEC itself in the cli's TestCommandOssecLogtestTest. */
class OssecLogtestCheckTest {
  @Test
  void onlyPhaseOnesHostNameIsReplaced() {
    String named = SECOND.replace("'b'", "'       hostname: web'");
    String expected = named.replaceFirst("\n       hostname: 'web'\n", "\n       hostname: 'ossec-aws'\n");
    assertEquals(expected, OssecLogtestCheck.withHostname(named, "ossec-aws"));
  }
}
