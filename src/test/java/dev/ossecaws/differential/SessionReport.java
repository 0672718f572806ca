package dev.ossecaws.differential;

import dev.ossecaws.harness.LogtestOutput;
import java.util.List;

/**
 * What one ossec-logtest session printed, as the two sides are compared: the start-up lines (with
 * their time stamps, which both clocks freeze at the session's start) and one report per event.
 * OSSEC's {@code Started (pid: N).} line, the one thing no two runs share, is left out.
 *
 * @param startUp the start-up lines; when the configuration is refused, all there is
 * @param events each event's report, phases 1 to 3 with the {@code -v} trace
 * @param refused whether the session stopped at start-up (OSSEC's exit status 1)
 */
record SessionReport(String startUp, List<String> events, boolean refused) {
  SessionReport {
    events = List.copyOf(events);
  }

  /** Splits what a session printed (a byte string) into start-up lines and events. */
  static SessionReport parse(String output, boolean refused) {
    LogtestOutput parsed = LogtestOutput.parse(output);
    String startUp = parsed.startUp().replaceAll("(?m)^[0-9/: ]+ossec-testrule: INFO: Started \\(pid: \\d+\\)\\.\n", "");
    return new SessionReport(startUp, parsed.events(), refused);
  }
}
