package dev.ossecaws.differential;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.engine.Clock;
import dev.ossecaws.engine.ConfigException;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.harness.EngineReplay;
import dev.ossecaws.output.LogtestReport;
import dev.ossecaws.output.ReportBuffer;
import dev.ossecaws.predecode.LineReader;
import dev.ossecaws.rule.RuleException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluator as {@code ossec-aws logtest -v -D HOME} runs it (text report, no {@code -q}), in
 * process, on a clock that starts at {@link EngineReplay#TIME} and moves by each line's gap, as
 * the oracle's does: the engine and the report's text are what is compared; start-up and rule
 * log lines carry OSSEC's time stamp.
 */
final class EvaluatorSession {
  private static final DateTimeFormatter LOG_STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss ");

  private EvaluatorSession() {}

  /** Counts the events a line makes, as ossec-logtest reads it: none, one, or several when over-long. */
  static int eventsOf(Line line) {
    return readerOf(line).size();
  }

  static SessionReport run(Path home, List<Line> lines) {
    List<String> startUp = new ArrayList<>();
    MovingClock clock = new MovingClock();
    Engine engine;
    try {
      engine = Engine.builder().config(ManagerConfig.load(home)).hostname(EngineReplay.HOSTNAME).clock(clock)
          .traceRules(true).load(startUp::add);
    } catch (ConfigException e) {
      return refused(startUp, e.ossecMessages());
    } catch (DecoderException e) {
      return refused(startUp, e.lines());
    } catch (RuleException e) {
      return refused(startUp, e.ossecLines());
    }
    List<String> events = new ArrayList<>();
    for (Line line : lines) {
      clock.now = clock.now.plusSeconds(line.secondsLater());
      for (String chunk : readerOf(line)) {
        ReportBuffer report = new ReportBuffer(1024);
        LogtestReport.write(report, engine.process(chunk), LOG_STAMP.format(clock.now));
        events.add(report.toString());
      }
    }
    return new SessionReport(stamped(EngineReplay.TIME, startUp) + LogtestReport.SESSION_START, events, false);
  }

  private static SessionReport refused(List<String> startUp, List<String> refusal) {
    List<String> all = new ArrayList<>(startUp);
    all.addAll(refusal);
    return new SessionReport(stamped(EngineReplay.TIME, all), List.of(), true);
  }

  /** What ossec-logtest reads of {@code line} and its newline, one entry per event. */
  private static List<String> readerOf(Line line) {
    LineReader reader = new LineReader(new ByteArrayInputStream((line.text() + "\n").getBytes(ISO_8859_1)));
    List<String> chunks = new ArrayList<>();
    try {
      for (String chunk = reader.next(); chunk != null; chunk = reader.next()) chunks.add(chunk);
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // a byte array does not fail
    }
    return chunks;
  }

  private static String stamped(ZonedDateTime time, List<String> messages) {
    StringBuilder out = new StringBuilder();
    for (String message : messages) out.append(LOG_STAMP.format(time)).append(message).append('\n');
    return out.toString();
  }

  /** The session's time: the engine reads it, the session moves it. */
  private static final class MovingClock implements Clock {
    ZonedDateTime now = EngineReplay.TIME;

    @Override
    public ZonedDateTime timeOf(String fullLog) {
      return now;
    }
  }
}
