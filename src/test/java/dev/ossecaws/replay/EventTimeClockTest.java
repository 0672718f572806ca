package dev.ossecaws.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossecaws.cloudtrail.RecordLine;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class EventTimeClockTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZonedDateTime TEN = ZonedDateTime.parse("2024-03-01T10:00:05Z");

  private final EventTimeClock clock = new EventTimeClock();

  /** The clock's time for the line of {@code recordJson}. */
  private ZonedDateTime timeOf(String recordJson) throws Exception {
    return clock.timeOf(RecordLine.of(JSON.readTree(recordJson)));
  }

  @Test
  void readsTheEventTimeAfterEventVersion() throws Exception {
    assertEquals(TEN, timeOf("{\"eventName\":\"X\",\"eventTime\":\"2024-03-01T10:00:05Z\",\"eventVersion\":\"1.08\"}"));
  }

  @Test
  void neverRunsBackwards() throws Exception {
    timeOf("{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-01T10:00:05Z\"}");
    assertEquals(TEN, timeOf("{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-01T09:59:00Z\"}"));
  }

  @Test
  void aLineWithoutEventTimeKeepsTheLastTimeNotANestedOne() throws Exception {
    timeOf("{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-01T10:00:05Z\"}");
    assertEquals(TEN, timeOf("{\"eventVersion\":\"1.08\",\"requestParameters\":{\"eventTime\":\"2030-01-01T00:00:00Z\"}}"));
    assertEquals(TEN, clock.timeOf("Jan 10 10:00:00 web sshd[1]: hello"));
  }

  @Test
  void startsAtTheEpoch() {
    assertEquals(ZonedDateTime.parse("1970-01-01T00:00:00Z"), clock.timeOf("no time here"));
  }
}
