package dev.ossecaws.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogtestOutputTest {
  static final String START_UP = "2026/01/01 00:00:00 ossec-testrule: INFO: Started (pid: 7).\n"
      + "ossec-testrule: Type one log per line.\n\n";
  static final String FIRST = "\n\n**Phase 1: Completed pre-decoding.\n       full event: 'a'\n"
      + "       hostname: 'web'\n       program_name: '(null)'\n       log: 'a'\n\n"
      + "**Phase 2: Completed decoding.\n       No decoder matched.\n       decoder: '(null)'\n";
  static final String SECOND = "\n\n**Phase 1: Completed pre-decoding.\n       full event: 'b'\n"
      + "       hostname: 'web'\n       program_name: '(null)'\n       log: 'b'\n\n"
      + "**Phase 2: Completed decoding.\n       action: 'CreateUser'\n       decoder: 'amazon'\n\n"
      + "**Phase 3: Completed filtering (rules).\n       Rule id: '80861'\n       Level: '2'\n"
      + "       Description: 'Amazon-iam: User created'\n**Alert to be generated.\n\n\n";

  @Test
  void theStartUpLinesComeApartFromEachEventsReport() {
    LogtestOutput output = LogtestOutput.parse(START_UP + FIRST + SECOND);
    assertEquals(START_UP, output.startUp());
    assertEquals(List.of(FIRST, SECOND), output.events());
  }

  @Test
  void outputWithoutAReportIsAllStartUp() {
    String failed = "2026/01/01 00:00:00 ossec-testrule(1202): ERROR: Configuration error at '/etc/decoder.xml'.\n";
    assertEquals(new LogtestOutput(failed, List.of()), LogtestOutput.parse(failed));
  }
}
