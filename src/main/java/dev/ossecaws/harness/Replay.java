package dev.ossecaws.harness;

/**
 * The evaluator as the harness drives it: one fresh session per sample case. Sessions are used one
 * at a time.
 */
public interface Replay {
  /** A session with no correlation state, as a new ossec-logtest process starts. */
  Session newSession();

  /** One session: lines are evaluated in order and may correlate with the earlier ones. */
  interface Session {
    /** Evaluates {@code line} as read {@code secondsLater} seconds after the previous one. */
    Outcome process(String line, int secondsLater);

    /** Evaluates {@code line} as read together with the previous one. */
    default Outcome process(String line) {
      return process(line, 0);
    }
  }
}
