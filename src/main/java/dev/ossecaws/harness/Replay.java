package dev.ossecaws.harness;

/** The evaluator as the harness drives it: one fresh session per sample case. */
public interface Replay {
  /** A session with no correlation state, as a new ossec-logtest process starts. */
  Session newSession();

  /** One session: lines are evaluated in order and may correlate with the earlier ones. */
  interface Session {
    Outcome process(String line);
  }
}
