package dev.ossecaws.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ClockTest {
  private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-01T12:00:00Z");
  private final Clock logStamp = Clock.logStamp(Clock.fixed(NOW));

  @Test
  void fixedClockParsesIsoDateTimes() {
    assertEquals(ZonedDateTime.parse("2026-01-01T00:00:00Z"),
        Clock.parse("fixed:2026-01-01T00:00:00Z").timeOf("anything"));
  }

  @Test
  void unknownClockNamesWhatIsExpected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Clock.parse("now"));
    assertTrue(e.getMessage().contains("'now'") && e.getMessage().contains("wall"), e.getMessage());
  }

  @Test
  void syslogStampTakesTheCurrentYear() {
    assertEquals(ZonedDateTime.parse("2026-02-28T10:00:01Z"), logStamp.timeOf("Feb 28 10:00:01 host sshd: x"));
    assertEquals(ZonedDateTime.parse("2026-01-09T10:00:01Z"), logStamp.timeOf("Jan  9 10:00:01 host sshd: x"));
  }

  @Test
  void syslogStampMoreThanADayAheadIsLastYears() {
    assertEquals(ZonedDateTime.parse("2025-12-31T23:59:59Z"), logStamp.timeOf("Dec 31 23:59:59 host sshd: x"));
  }

  @Test
  void stampsWithYearAndOffsetAreTakenAsWritten() {
    assertEquals(ZonedDateTime.parse("2007-06-14T15:48:55-04:00"),
        logStamp.timeOf("2007-06-14T15:48:55-04:00 host sshd[1]: x"));
    assertEquals(ZonedDateTime.parse("2015-12-29T10:00:01Z"), logStamp.timeOf("2015 Dec 29 10:00:01 host sshd[1]: x"));
  }

  @Test
  void linesWithoutAReadableStampTakeTheFallbackTime() {
    assertEquals(NOW, logStamp.timeOf("no stamp here"));
    assertEquals(NOW, logStamp.timeOf("Abc 99 99:99:99 host sshd: x"));
  }
}
