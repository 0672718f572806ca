package dev.ossecaws.harness;

import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.engine.Clock;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.event.Event;
import dev.ossecaws.output.LogtestReport;
import dev.ossecaws.rule.Firing;
import dev.ossecaws.rule.Rule;
import dev.ossecaws.rule.RuleException;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evaluator set up for reproducible reports: a fixed host name for lines without one and a
 * clock that starts each session at {@link #TIME} and only moves when a case says so, so that
 * golden files replay the same on any machine, any day.
 */
public final class EngineReplay implements Replay {
  /** What Phase 1 prints as host name: CloudTrail lines carry none. */
  public static final String HOSTNAME = "ossec-aws";
  /** When each session starts; events of a case share it unless they say they come later. */
  public static final ZonedDateTime TIME = ZonedDateTime.parse("2026-01-01T00:00:00Z");

  private final Engine engine;
  private final SessionClock clock;

  private EngineReplay(Engine engine, SessionClock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  /** Loads {@code config}'s decoders and rules. */
  public static EngineReplay load(ManagerConfig config) throws DecoderException, RuleException {
    SessionClock clock = new SessionClock();
    return new EngineReplay(
        Engine.builder().config(config).hostname(HOSTNAME).clock(clock).load(message -> {}), clock);
  }

  @Override
  public Session newSession() {
    Engine session = engine.newSession();
    clock.now = TIME;
    return (line, secondsLater) -> {
      clock.now = clock.now.plusSeconds(secondsLater);
      return outcome(session.process(line));
    };
  }

  /** The time of the session being replayed: the engine reads it, the session moves it. */
  private static final class SessionClock implements Clock {
    ZonedDateTime now = TIME;

    @Override
    public ZonedDateTime timeOf(String fullLog) {
      return now;
    }
  }

  private static Outcome outcome(Verdict verdict) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Event.FieldValue field : verdict.decoded().fields()) fields.put(field.label(), field.value());
    Firing firing = verdict.ruled().firing();
    if (firing == null) {
      return new Outcome(LogtestReport.of(verdict), verdict.decoded().decoderName(), fields,
          null, 0, null, null, false);
    }
    Rule rule = firing.rule();
    return new Outcome(LogtestReport.of(verdict), verdict.decoded().decoderName(), fields,
        rule.id(), rule.level(), rule.description(), rule.groups(), firing.alert());
  }
}
